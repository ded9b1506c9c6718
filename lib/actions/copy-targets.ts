"use server";
/** Copy last year's targets into a year, optionally raised by a percentage (Decimal, rounded to each indicator's precision). */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { Decimal, parseDecimalInput } from "../decimal";
import { applyTargetChanges, planCopyTargets } from "../data/targets";
import { copyTargetsSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction({ action: "target.write", schema: copyTargetsSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("Targets");
  let percent = new Decimal(0);
  if (input.percent !== "") {
    const p = parseDecimalInput(input.percent.replace(/[%％]$/, ""));
    if (!p || p.lessThan(-100) || p.greaterThan(1000) || p.decimalPlaces() > 2) {
      throw new ActionError(t("copy.badPercent"), { percent: [t("copy.badPercent")] });
    }
    percent = p;
  }
  const changes = await planCopyTargets(db, tenant, input.year - 1, input.year, percent, input.overwrite);
  if (changes.length === 0) throw new ActionError(t("copy.nothing", { from: input.year - 1 }));
  const result = await applyTargetChanges(db, tenant, input.year, changes, "copy", t("copy.auditReason", { from: input.year - 1, percent: percent.toString() }));
  revalidatePath(`/${user.tenantSlug}/targets`);
  return { ok: true, message: t("copy.done", { ...result, from: input.year - 1 }), data: result };
});

export async function copyTargets(...args: Parameters<typeof action>) {
  return action(...args);
}
