"use server";
/** Preview the latest month's statuses and composite ranking under proposed settings; saves nothing. */
import { getTranslations } from "next-intl/server";

import { parseSettings } from "../admin/settings";
import { previewSettings as preview, type SettingsPreview } from "../data/settings";
import { settingsSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction({ action: "settings.manage", schema: settingsSchema }, async (input, { db, tenant }) => {
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
  const data: SettingsPreview = await preview(db, tenant, parsed.proposal);
  return { ok: true, message: t("previewReady"), data };
});

export async function previewSettings(...args: Parameters<typeof action>) {
  return action(...args);
}
