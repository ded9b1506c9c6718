"use server";
/**
 * A tenant admin creates a user of their own tenant with a one-time password (shown once);
 * the user must choose their own password at first sign-in. Audited.
 */
import { getTranslations } from "next-intl/server";
import { hashPassword } from "@/lib/auth/password";
import { oneTimePassword } from "@/lib/auth/one-time-password";
import { writeAudit } from "@/lib/data/audit";
import { createUserSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";
import { refreshPage } from "./refresh";
import { resolveMembershipRegion } from "./user-region";

export const createUser = defineAction(
  {
    action: "user.manage",
    schema: createUserSchema,
    // the region the new member gets (by default the creator's own): a subtree-bound administrator creates users inside their subtree only
    resource: async (input, { tenant, user }) => ({ tenantId: tenant.tenantId, regionId: input.regionId || user.regionId }),
  },
  async (input, { tenant, user, db }): Promise<import("./result").ActionResult<{ account: string; password: string }>> => {
    const t = await getTranslations("Admin");
    const regionId = await resolveMembershipRegion(db, user, input.role, input.regionId, t);
    const taken = await db.user.findUnique({ where: { account: input.account } });
    if (taken) throw new ActionError(t("invalid"), { account: [t("accountTaken")] });
    const password = oneTimePassword();
    const created = await db.$transaction(async (tx) => {
      const row = await tx.user.create({
        data: {
          account: input.account,
          name: input.name,
          tenantId: tenant.tenantId,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        },
      });
      await tx.membership.create({ data: { tenantId: tenant.tenantId, userId: row.id, role: input.role, regionId } });
      await writeAudit(tx, tenant, {
        action: "user.create",
        entity: "User",
        entityId: row.id,
        detail: { after: { account: row.account, name: row.name, role: input.role, regionId } },
      });
      return row;
    });
    refreshPage(`/${user.tenantSlug}/admin/users`);
    return { ok: true, message: t("created", { account: created.account }), data: { account: created.account, password } };
  },
);
