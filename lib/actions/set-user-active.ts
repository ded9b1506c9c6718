"use server";
/** A tenant admin deactivates (ending their sessions) or re-activates a user (never themselves). Audited. */
import { getTranslations } from "next-intl/server";
import { writeAudit } from "@/lib/data/audit";
import { setUserActiveSchema } from "@/lib/schemas/access";
import { ActionError, defineAction } from "./client";
import { refreshPage } from "./refresh";

export const setUserActive = defineAction(
  {
    action: "user.manage",
    schema: setUserActiveSchema,
    resource: async (input, { tenant, db }) => {
      const row = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId }, select: { tenantId: true, membership: { select: { regionId: true } } } });
      // the user's region: an administrator bound to a subtree manages only the users inside it
      return row?.tenantId ? { tenantId: row.tenantId, regionId: row.membership?.regionId ?? null } : null;
    },
  },
  async (input, { tenant, user, db }) => {
    const t = await getTranslations("Admin");
    if (input.userId === user.userId) throw new ActionError(t("notSelf"));
    const target = await db.user.findFirst({ where: { id: input.userId, tenantId: tenant.tenantId } });
    if (!target) throw new ActionError(t("invalid"));
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: target.id }, data: { active: input.active, ...(input.active ? {} : { sessionVersion: { increment: 1 } }) } });
      await writeAudit(tx, tenant, {
        action: input.active ? "user.activate" : "user.deactivate",
        entity: "User",
        entityId: target.id,
        detail: { before: { active: target.active }, after: { active: input.active } },
      });
    });
    refreshPage(`/${user.tenantSlug}/admin/users`);
    return { ok: true, message: t(input.active ? "activated" : "deactivated", { account: target.account }), data: undefined };
  },
);
