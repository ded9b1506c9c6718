"use server";
/** Move a region under another parent (never the root, never under itself or its own descendant). Audited. */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { checkMove } from "../admin/regions";
import { writeAudit } from "../data/audit";
import { touchTenantConfig } from "../data/tenant-config";
import { moveRegionSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

const action = defineAction(
  {
    action: "region.manage",
    schema: moveRegionSchema,
    resource: async (input, { db, tenant }) => {
      const found = await db.region.count({ where: { tenantId: tenant.tenantId, id: { in: [input.id, input.parentId] } } });
      return found === new Set([input.id, input.parentId]).size ? { tenantId: tenant.tenantId } : null;
    },
  },
  async (input, { db, tenant, user }) => {
    const t = await getTranslations("RegionAdmin");
    const { tenantId } = tenant;
    const nodes = await db.region.findMany({ where: { tenantId }, select: { id: true, parentId: true, active: true, code: true, name: true } });
    const problem = checkMove(nodes, input.id, input.parentId);
    if (problem) throw new ActionError(t(`errors.${problem}`), { parentId: [t(`errors.${problem}`)] });
    const node = nodes.find((n) => n.id === input.id)!;
    const from = nodes.find((n) => n.id === node.parentId);
    const to = nodes.find((n) => n.id === input.parentId)!;
    if (node.parentId === to.id) return { ok: true, message: t("moved", { name: node.name, parent: to.name }), data: undefined };
    await db.$transaction(async (tx) => {
      await tx.region.update({ where: { tenantId_id: { tenantId, id: node.id } }, data: { parentId: to.id } });
      await touchTenantConfig(tx, tenant.tenantId);
      await writeAudit(tx, tenant, {
        action: "move",
        entity: "Region",
        entityId: node.id,
        detail: { label: `${node.code} ${node.name}`, before: from ? `${from.code} ${from.name}` : null, after: `${to.code} ${to.name}` },
      });
    });
    revalidatePath(`/${user.tenantSlug}/admin/regions`);
    return { ok: true, message: t("moved", { name: node.name, parent: to.name }), data: undefined };
  },
);

export async function moveRegion(...args: Parameters<typeof action>) {
  return action(...args);
}
