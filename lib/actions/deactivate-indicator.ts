"use server";
/** Deactivate (or re-activate) an indicator: its figures stay; inactive indicators leave the dashboards and entry. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { writeAudit } from "../data/audit";
import { touchTenantConfig } from "../data/tenant-config";
import { deactivateIndicatorSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction(
  {
    action: "catalogue.manage",
    schema: deactivateIndicatorSchema,
    resource: async (input, { db, tenant }) => {
      const found = await db.indicator.findFirst({ where: { tenantId: tenant.tenantId, id: input.id }, select: { id: true } });
      return found ? { tenantId: tenant.tenantId } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("Catalogue");
    const { tenantId } = tenant;
    const row = await db.indicator.findFirstOrThrow({ where: { tenantId, id: input.id } });
    if (!input.active) {
      const users = await db.indicator.findMany({
        where: { tenantId, active: true, OR: [{ numeratorId: row.id }, { denominatorId: row.id }] },
        select: { name: true },
      });
      if (users.length > 0) throw new ActionError(t("errors.partOfRatio", { names: users.map((u) => u.name).join("、") }));
    }
    if (row.active === input.active) return { ok: true, message: t(input.active ? "activated" : "deactivated", { code: row.code }), data: undefined };
    await db.$transaction(async (tx) => {
      await tx.indicator.update({ where: { tenantId_id: { tenantId, id: row.id } }, data: { active: input.active } });
      await touchTenantConfig(tx, tenant.tenantId);
      await writeAudit(tx, tenant, {
        action: input.active ? "activate" : "deactivate",
        entity: "Indicator",
        entityId: row.id,
        detail: { label: `${row.code} ${row.name}`, before: row.active ? "active" : "inactive", after: input.active ? "active" : "inactive" },
      });
    });
    revalidatePath(`/${user.tenantSlug}/admin/indicators`);
    return { ok: true, message: t(input.active ? "activated" : "deactivated", { code: row.code }), data: undefined };
  },
);

export async function deactivateIndicator(...args: Parameters<typeof action>) {
  return action(...args);
}
