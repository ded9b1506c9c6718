"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { bulletinReadiness, generateDraft, latestDataMonth } from "../data/bulletins";
import { lastMonthOf } from "../bulletins/period";
import { generateBulletinSchema } from "../schemas/bulletins";
import { ActionError, defineAction } from "./client";

/**
 * Generates (or regenerates) the draft bulletin of a period from the current figures. A
 * month with counties that have not reported or figures awaiting approval is generated only
 * once confirmed (`confirmIncomplete`, the form's second step), never silently.
 */
export const generateBulletin = defineAction({ action: "bulletin.manage", schema: generateBulletinSchema }, async (input, ctx) => {
  const t = await getTranslations("Bulletins");
  const spec = { type: input.periodType, year: input.year, period: input.period };
  const latest = await latestDataMonth(ctx.db, ctx.tenant);
  const last = lastMonthOf(spec);
  if (!latest || input.year > latest.year || (input.year === latest.year && last > latest.month)) {
    throw new ActionError(t("noDataYet"), { period: [t("noDataYet")] });
  }
  if (!input.confirmIncomplete) {
    const { unreported, pending, units } = await bulletinReadiness(ctx.db, ctx.tenant, spec);
    if (unreported.length > 0 || pending.length > 0) {
      const detail = [
        unreported.length > 0 ? t("unreported", { count: unreported.length, names: unreported.join("、"), month: last, units }) : null,
        pending.length > 0 ? t("pending", { count: pending.length, names: pending.join("、"), month: last, units }) : null,
      ].filter((x) => x !== null);
      throw new ActionError(t("confirmNeeded"), { confirmIncomplete: detail });
    }
  }
  const { id, regenerated } = await generateDraft(ctx.db, ctx.tenant, spec, input.docNumber);
  refresh(ctx.user.tenantSlug);
  return { ok: true, message: regenerated ? t("regenerated") : t("generated"), data: { id } };
});

function refresh(slug: string) {
  try {
    revalidatePath(`/${slug}/bulletins`, "layout");
  } catch {
    /* outside a Next request (tests) there is nothing to revalidate */
  }
}
