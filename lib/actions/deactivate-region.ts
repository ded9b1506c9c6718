"use server";
/**
 * Deactivate or re-activate a region. History stays: its fills, targets and users remain;
 * the metrics exclude inactive regions. The root cannot be deactivated, nor a region with
 * active children. Audited (deactivatedAt kept).
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { writeAudit } from "../data/audit";
import { touchTenantConfig } from "../data/tenant-config";
import { deactivateRegionSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction(
  {
    action: "region.manage",
    schema: deactivateRegionSchema,
    resource: async (input, { db, tenant }) => {
      const found = await db.region.findFirst({ where: { tenantId: tenant.tenantId, id: input.id }, select: { id: true } });
      return found ? { tenantId: tenant.tenantId } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("RegionAdmin");
    const { tenantId } = tenant;
    const row = await db.region.findFirstOrThrow({ where: { tenantId, id: input.id } });
    if (!input.active) {
      if (row.parentId === null) throw new ActionError(t("errors.deactivateRoot"));
      const activeChildren = await db.region.count({ where: { tenantId, parentId: row.id, active: true } });
      if (activeChildren > 0) throw new ActionError(t("errors.activeChildren"));
    } else if (row.parentId) {
      const parent = await db.region.findFirstOrThrow({ where: { tenantId, id: row.parentId } });
      if (!parent.active) throw new ActionError(t("errors.parentInactive"));
    }
    if (row.active !== input.active) {
      await db.$transaction(async (tx) => {
        await tx.region.update({
          where: { tenantId_id: { tenantId, id: row.id } },
          data: { active: input.active, deactivatedAt: input.active ? null : new Date() },
        });
        await touchTenantConfig(tx, tenant.tenantId);
        await writeAudit(tx, tenant, {
          action: input.active ? "activate" : "deactivate",
          entity: "Region",
          entityId: row.id,
          detail: { label: `${row.code} ${row.name}`, before: row.active ? "active" : `inactive since ${row.deactivatedAt?.toISOString() ?? "?"}`, after: input.active ? "active" : "inactive" },
        });
      });
    }
    revalidatePath(`/${user.tenantSlug}/admin/regions`);
    return { ok: true, message: t(input.active ? "activated" : "deactivated", { name: row.name }), data: undefined };
  },
);

export async function deactivateRegion(...args: Parameters<typeof action>) {
  return action(...args);
}
