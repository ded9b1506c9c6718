/**
 * The region tree as the sheet import and export see it (codes, parent codes), and the
 * commit of a checked plan (lib/admin/regions-import.ts) in one transaction, audited.
 */
import type { Db } from "../db/client";
import { flattenTree } from "../admin/regions";
import type { RegionPlanRow, RegionState } from "../admin/regions-import";
import { writeAudit, type AuditEntryInput } from "./audit";
import type { TenantContext } from "./context";
import { touchTenantConfig } from "./tenant-config";

/** Every region of the tenant in tree order, parents named by code. */
export async function regionStates(db: Db, ctx: TenantContext): Promise<RegionState[]> {
  const rows = await db.region.findMany({ where: { tenantId: ctx.tenantId } });
  const codeOf = new Map(rows.map((r) => [r.id, r.code]));
  return flattenTree(rows).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parentId ? (codeOf.get(r.parentId) ?? null) : null,
    sortOrder: r.sortOrder,
    active: r.active,
  }));
}

type Level = "PROVINCE" | "PREFECTURE" | "COUNTY" | "COUNTY_CITY" | "DISTRICT" | "ZONE";

/**
 * Writes the plan: new regions parents first, then the updates (moves included), each
 * audited with its before and after and the import's reason. All or nothing.
 */
export async function applyRegionImport(db: Db, ctx: TenantContext, planned: RegionPlanRow[], reason: string, now: Date): Promise<{ created: number; updated: number }> {
  const { tenantId } = ctx;
  return db.$transaction(
    async (tx) => {
      const current = await tx.region.findMany({ where: { tenantId } });
      const idOf = new Map(current.map((r) => [r.code, r.id]));
      const byId = new Map(current.map((r) => [r.id, r]));
      const audits: AuditEntryInput[] = [];
      let pending = planned.filter((p) => p.change === "create");
      while (pending.length > 0) {
        const ready = pending.filter((p) => p.next.parentCode && idOf.has(p.next.parentCode));
        if (ready.length === 0) throw new Error("region import: a new region's parent is missing");
        for (const p of ready) {
          const n = p.next;
          const row = await tx.region.create({ data: { tenantId, code: n.code, name: n.name, level: n.level as Level, parentId: idOf.get(n.parentCode!)!, sortOrder: n.sortOrder, active: n.active, deactivatedAt: n.active ? null : now } });
          idOf.set(row.code, row.id);
          audits.push({ action: "create", entity: "Region", entityId: row.id, detail: { label: `${row.code} ${row.name}`, before: null, after: { ...n, id: undefined }, reason } });
        }
        pending = pending.filter((p) => !ready.includes(p));
      }
      const updates = planned.filter((p) => p.change === "update");
      for (const p of updates) {
        const n = p.next;
        const old = byId.get(n.id!)!;
        await tx.region.update({
          where: { tenantId_id: { tenantId, id: old.id } },
          data: {
            name: n.name,
            level: n.level as Level,
            sortOrder: n.sortOrder,
            parentId: n.parentCode ? idOf.get(n.parentCode)! : null,
            active: n.active,
            ...(n.active !== old.active ? { deactivatedAt: n.active ? null : now } : {}),
          },
        });
        const before = { name: old.name, level: old.level, parent: old.parentId ? byId.get(old.parentId)?.code : null, sortOrder: old.sortOrder, active: old.active };
        audits.push({ action: "update", entity: "Region", entityId: old.id, detail: { label: `${old.code} ${old.name}`, before, after: { name: n.name, level: n.level, parent: n.parentCode, sortOrder: n.sortOrder, active: n.active }, reason } });
      }
      if (audits.length > 0) {
        await touchTenantConfig(tx, tenantId);
        await writeAudit(tx, ctx, audits);
      }
      return { created: planned.length - updates.length - planned.filter((p) => p.change === "unchanged").length, updated: updates.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
