"use server";
/**
 * A tenant admin resets a user's password to a one-time password (shown once); the user
 * must choose their own at the next sign-in, and every session of before the reset ends. Audited.
 */
import { getTranslations } from "next-intl/server";
import { hashPassword } from "@/lib/auth/password";
import { oneTimePassword } from "@/lib/auth/one-time-password";
import { writeAudit } from "@/lib/data/audit";
import { userIdSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";
import { refreshPage } from "./refresh";
import type { ActionResult } from "./result";

export const resetPassword = defineAction(
  {
    action: "user.manage",
    schema: userIdSchema,
    resource: async (input, { tenant, db }) => {
      const row = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId }, select: { tenantId: true, membership: { select: { regionId: true } } } });
      // the user's region: an administrator bound to a subtree manages only the users inside it
      return row?.tenantId ? { tenantId: row.tenantId, regionId: row.membership?.regionId ?? null } : null;
    },
  },
  async (input, { tenant, user, db }): Promise<ActionResult<{ account: string; password: string }>> => {
    const t = await getTranslations("Admin");
    const target = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId } });
    if (!target) throw new ActionError(t("invalid"));
    const password = oneTimePassword();
    await db.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: target.id },
        data: { passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
      });
      await writeAudit(tx, tenant, { action: "user.resetPassword", entity: "User", entityId: target.id });
    });
    refreshPage(`/${user.tenantSlug}/admin/users`);
    return { ok: true, message: t("reset", { account: target.account }), data: { account: target.account, password } };
  },
);
