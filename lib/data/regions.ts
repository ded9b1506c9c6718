/** The region tree for administration: every region (active or not) with depth and what it holds. */
import type { Db } from "../db/client";
import { flattenTree } from "../admin/regions";
import type { TenantContext } from "./context";

export interface RegionAdminRow {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  sortOrder: number;
  active: boolean;
  deactivatedAt: string | null;
  depth: number;
  fills: number;
  members: number;
}

export async function listRegionTree(db: Db, ctx: TenantContext): Promise<RegionAdminRow[]> {
  const { tenantId } = ctx;
  const [regions, fills, members] = await Promise.all([
    db.region.findMany({ where: { tenantId } }),
    db.fill.groupBy({ by: ["regionId"], where: { tenantId }, _count: { _all: true } }),
    db.membership.groupBy({ by: ["regionId"], where: { tenantId }, _count: { _all: true } }),
  ]);
  const f = new Map(fills.map((x) => [x.regionId, x._count._all]));
  const m = new Map(members.map((x) => [x.regionId, x._count._all]));
  return flattenTree(regions).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parentId,
    sortOrder: r.sortOrder,
    active: r.active,
    deactivatedAt: r.deactivatedAt?.toISOString() ?? null,
    depth: r.depth,
    fills: f.get(r.id) ?? 0,
    members: m.get(r.id) ?? 0,
  }));
}

/** Every region of the tenant (active or not) in display order, for the region list. */
export async function listRegions(db: Db, ctx: TenantContext) {
  return db.region.findMany({
    where: { tenantId: ctx.tenantId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, level: true, active: true },
  });
}

/** The tenant's region with this code, or null. */
export async function regionByCode(db: Db, ctx: TenantContext, code: string): Promise<{ id: string; name: string } | null> {
  return db.region.findUnique({ where: { tenantId_code: { tenantId: ctx.tenantId, code } }, select: { id: true, name: true } });
}
