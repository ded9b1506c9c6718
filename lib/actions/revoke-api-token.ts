"use server";
/** An admin revokes a read-API token: requests with it get 401 from then on. */
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { defineAction } from "./client";
import { revokeApiTokenSchema } from "../schemas/dashboard";
import { apiTokenExists, revokeApiToken as markRevoked } from "../data/api-tokens";

const action = defineAction(
  {
    action: "apiToken.manage",
    schema: revokeApiTokenSchema,
    resource: async (input, { db, tenant }) => ((await apiTokenExists(db, tenant.tenantId, input.tokenId)) ? { tenantId: tenant.tenantId } : null),
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("ApiTokens");
    await markRevoked(db, tenant, input.tokenId);
    revalidatePath(`/${user.tenantSlug}/admin/tokens`);
    return { ok: true, message: t("revoked"), data: undefined };
  },
);

export async function revokeApiToken(prev: Parameters<typeof action>[0], input: Parameters<typeof action>[1]) {
  return action(prev, input);
}
