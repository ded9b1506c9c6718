"use server";
/** Save the tenant settings (deadline day, status thresholds, composite rules, weights); audited. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { parseSettings } from "../admin/settings";
import { saveSettings } from "../data/settings";
import { settingsSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction({ action: "settings.manage", schema: settingsSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("Settings");
  const parsed = parseSettings(input);
  if ("errors" in parsed) {
    const errors: Record<string, string[]> = {};
    for (const [field, problem] of Object.entries(parsed.errors)) errors[field] = [t(`errors.${problem}`)];
    throw new ActionError(t("errors.fix"), errors);
  }
  // the proposed weights may only name this tenant's indicators
  const known = await db.indicator.count({ where: { tenantId: tenant.tenantId, id: { in: [...parsed.proposal.weights.keys()] } } });
  if (known !== parsed.proposal.weights.size) throw new ActionError(t("errors.unknownIndicator"));
  await saveSettings(db, tenant, parsed.proposal);
  revalidatePath(`/${user.tenantSlug}`, "layout");
  return { ok: true, message: t("saved"), data: undefined };
});

export async function updateSettings(...args: Parameters<typeof action>) {
  return action(...args);
}
