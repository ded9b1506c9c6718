"use server";
/** A tenant admin changes a user's name, role and region. Audited (before/after). */
import { getTranslations } from "next-intl/server";
import { writeAudit } from "@/lib/data/audit";
import { updateUserSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";
import { refreshPage } from "./refresh";
import { resolveMembershipRegion } from "./user-region";

export const updateUser = defineAction(
  {
    action: "user.manage",
    schema: updateUserSchema,
    resource: async (input, { tenant, db }) => {
      const row = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId }, select: { tenantId: true, membership: { select: { regionId: true } } } });
      // the user's region: an administrator bound to a subtree manages only the users inside it
      return row?.tenantId ? { tenantId: row.tenantId, regionId: row.membership?.regionId ?? null } : null;
    },
  },
  async (input, { tenant, user, db }) => {
    const t = await getTranslations("Admin");
    if (input.userId === user.userId && input.role !== user.role) throw new ActionError(t("notSelf"));
    const before = await db.membership.findUnique({ where: { tenantId_userId: { tenantId: tenant.tenantId, userId: input.userId } } });
    const target = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId } });
    if (!before || !target) throw new ActionError(t("invalid"));
    const regionId = await resolveMembershipRegion(db, user, input.role, input.regionId, t);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: { name: input.name } });
      await tx.membership.update({
        where: { tenantId_userId: { tenantId: tenant.tenantId, userId: target.id } },
        data: { role: input.role, regionId },
      });
      await writeAudit(tx, tenant, {
        action: "user.update",
        entity: "User",
        entityId: target.id,
        detail: { before: { name: target.name, role: before.role, regionId: before.regionId }, after: { name: input.name, role: input.role, regionId } },
      });
    });
    refreshPage(`/${user.tenantSlug}/admin/users`);
    return { ok: true, message: t("updated", { account: target.account }), data: undefined };
  },
);
