"use server";
/** Save the tenant's words (issuing organ, short name, area word); audited. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { saveTenantWording } from "../data/wording";
import { tenantWordingSchema } from "../schemas/admin";
import { defineAction } from "./client";

const action = defineAction({ action: "settings.manage", schema: tenantWordingSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("Settings");
  await saveTenantWording(db, tenant, input);
  revalidatePath(`/${user.tenantSlug}`, "layout");
  return { ok: true, message: t("wording.saved"), data: undefined };
});

export async function updateWording(...args: Parameters<typeof action>) {
  return action(...args);
}
