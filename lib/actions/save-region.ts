"use server";
/** Add a region under a parent (6-digit code unique in the tenant), or rename / re-level / re-order one. Audited. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { REGION_CODE } from "../admin/regions";
import { writeAudit } from "../data/audit";
import { touchTenantConfig } from "../data/tenant-config";
import { saveRegionSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction(
  {
    action: "region.manage",
    schema: saveRegionSchema,
    resource: async (input, { db, tenant }) => {
      const ids = [input.id, input.parentId].filter((x): x is string => !!x);
      if (ids.length === 0) return { tenantId: tenant.tenantId };
      const found = await db.region.count({ where: { tenantId: tenant.tenantId, id: { in: ids } } });
      return found === new Set(ids).size ? { tenantId: tenant.tenantId } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("RegionAdmin");
    const { tenantId } = tenant;
    if (input.id) {
      const before = await db.region.findFirstOrThrow({ where: { tenantId, id: input.id } });
      await db.$transaction(async (tx) => {
        await tx.region.update({ where: { tenantId_id: { tenantId, id: before.id } }, data: { name: input.name, level: input.level, sortOrder: input.sortOrder } });
        await touchTenantConfig(tx, tenant.tenantId);
        await writeAudit(tx, tenant, {
          action: before.name !== input.name ? "rename" : "update",
          entity: "Region",
          entityId: before.id,
          detail: {
            label: `${before.code} ${before.name}`,
            before: { name: before.name, level: before.level, sortOrder: before.sortOrder },
            after: { name: input.name, level: input.level, sortOrder: input.sortOrder },
          },
        });
      });
      revalidatePath(`/${user.tenantSlug}/admin/regions`);
      return { ok: true, message: t("saved", { name: input.name }), data: undefined };
    }
    if (!REGION_CODE.test(input.code)) throw new ActionError(t("errors.code"), { code: [t("errors.code")] });
    if (!input.parentId) throw new ActionError(t("errors.parent"), { parentId: [t("errors.parent")] });
    const parent = await db.region.findFirstOrThrow({ where: { tenantId, id: input.parentId } });
    if (!parent.active) throw new ActionError(t("errors.parentInactive"), { parentId: [t("errors.parentInactive")] });
    if (await db.region.findFirst({ where: { tenantId, code: input.code }, select: { id: true } })) {
      throw new ActionError(t("errors.codeTaken", { code: input.code }), { code: [t("errors.codeTaken", { code: input.code })] });
    }
    await db.$transaction(async (tx) => {
      const row = await tx.region.create({ data: { tenantId, code: input.code, name: input.name, level: input.level, parentId: parent.id, sortOrder: input.sortOrder } });
      await touchTenantConfig(tx, tenant.tenantId);
      await writeAudit(tx, tenant, {
        action: "create",
        entity: "Region",
        entityId: row.id,
        detail: { label: `${row.code} ${row.name}`, before: null, after: { code: row.code, name: row.name, level: row.level, parent: parent.code } },
      });
    });
    revalidatePath(`/${user.tenantSlug}/admin/regions`);
    return { ok: true, message: t("created", { name: input.name }), data: undefined };
  },
);

export async function saveRegion(...args: Parameters<typeof action>) {
  return action(...args);
}
