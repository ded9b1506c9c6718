"use server";
/**
 * The signed-in user changes their own password (also the forced change at first sign-in).
 * Rules: ≥ 8 characters, not the account name, not the current password. Afterwards the
 * session of before the change is no longer accepted: the form signs in again with the
 * new password (see components/ChangePasswordForm.tsx).
 */
import { getTranslations } from "next-intl/server";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { writeAudit } from "@/lib/data/audit";
import { changePasswordSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";

export const changePassword = defineAction(
  { scope: "account", schema: changePasswordSchema, allowWithPendingPasswordChange: true },
  async (input, { user, db }) => {
    const t = await getTranslations("Account");
    const row = await db.user.findUnique({ where: { id: user.userId } });
    if (!row) throw new ActionError(t("failed"));
    if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
      throw new ActionError(t("invalid"), { currentPassword: [t("wrongCurrent")] });
    }
    const problem = passwordProblem(input.newPassword, row.account);
    if (problem) throw new ActionError(t("invalid"), { newPassword: [t(`rule.${problem}`)] });
    if (await verifyPassword(row.passwordHash, input.newPassword)) {
      throw new ActionError(t("invalid"), { newPassword: [t("rule.sameAsOld")] });
    }
    const now = new Date();
    await db.user.update({
      where: { id: row.id },
      data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, passwordChangedAt: now, sessionVersion: { increment: 1 } },
    });
    if (row.tenantId) {
      await writeAudit(db, { tenantId: row.tenantId, userId: row.id }, { action: "user.changePassword", entity: "User", entityId: row.id });
    }
    return { ok: true, message: t("changed"), data: undefined };
  },
);
