"use server";
/** An admin creates a read-API token; the token is returned once and never stored. */
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "./client";
import { createApiTokenSchema } from "../schemas/dashboard";
import { createApiToken as insertToken } from "../data/api-tokens";

const action = defineAction({ action: "apiToken.manage", schema: createApiTokenSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("ApiTokens");
  const { id, token } = await insertToken(db, tenant, input.name);
  revalidatePath(`/${user.tenantSlug}/admin/tokens`);
  return { ok: true, message: t("created"), data: { id, token } };
});

export async function createApiToken(prev: Parameters<typeof action>[0], input: Parameters<typeof action>[1]) {
  return action(prev, input);
}
