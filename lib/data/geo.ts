/**
 * The tenant's county map: storing uploaded outlines (RegionShape, TenantMap) and reading
 * them back as SVG paths. The projection is computed once per upload and process: the
 * cache is keyed by the map's update time, which every read checks (several instances
 * see a new upload at their next request).
 */
import type { Db } from "../db/client";
import type { BoundaryGeometry } from "../schemas/geo";
import { projectShapes, type ProjectedMap } from "../geo/project";
import { writeAudit, type DbTx } from "./audit";
import type { TenantContext } from "./context";

/** The regions a boundary file may outline: every region but the root (the city itself). */
export async function mappableRegions(db: DbTx, ctx: TenantContext) {
  return db.region.findMany({
    where: { tenantId: ctx.tenantId, parentId: { not: null } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, active: true },
  });
}

export interface BoundaryUpload {
  shapes: { regionId: string; geometry: BoundaryGeometry }[];
  attribution: string;
  fileName: string;
  /** what the audit entry says: counts and the codes left without an outline */
  summary: { matched: number; unmatched: number; missing: string[] };
}

/** Replaces the tenant's outlines with the upload's, in one transaction, audited. */
export async function saveBoundaries(tx: DbTx, ctx: TenantContext, upload: BoundaryUpload): Promise<void> {
  const { tenantId } = ctx;
  const before = await tx.regionShape.count({ where: { tenantId } });
  await tx.regionShape.deleteMany({ where: { tenantId } });
  await tx.regionShape.createMany({ data: upload.shapes.map((s) => ({ tenantId, regionId: s.regionId, geometry: JSON.stringify(s.geometry) })) });
  const fields = { attribution: upload.attribution, fileName: upload.fileName, updatedById: ctx.userId };
  await tx.tenantMap.upsert({ where: { tenantId }, create: { tenantId, ...fields }, update: fields });
  await writeAudit(tx, ctx, {
    action: "map.upload",
    entity: "Region",
    entityId: null,
    detail: { label: upload.fileName, before: { shapes: before }, after: { shapes: upload.shapes.length, ...upload.summary, attribution: upload.attribution } },
  });
}

export interface CountyMapData extends ProjectedMap {
  attribution: string;
  fileName: string;
  updatedAt: string;
}

const cache = new Map<string, { stamp: number; map: ProjectedMap }>();

/** The tenant's outlines as SVG paths keyed by region code, or null without a map. */
export async function getCountyMap(db: Db, ctx: TenantContext): Promise<CountyMapData | null> {
  const meta = await db.tenantMap.findUnique({ where: { tenantId: ctx.tenantId } });
  if (!meta) return null;
  const stamp = meta.updatedAt.getTime();
  let entry = cache.get(ctx.tenantId);
  if (!entry || entry.stamp !== stamp) {
    const rows = await db.regionShape.findMany({ where: { tenantId: ctx.tenantId }, select: { geometry: true, region: { select: { code: true } } } });
    const shapes = rows.map((r) => ({ code: r.region.code, geometry: JSON.parse(r.geometry) as BoundaryGeometry }));
    entry = { stamp, map: projectShapes(shapes) };
    cache.set(ctx.tenantId, entry);
  }
  return { ...entry.map, attribution: meta.attribution, fileName: meta.fileName, updatedAt: meta.updatedAt.toISOString() };
}

/** The admin page's view: the current file and which regions have an outline. */
export async function getBoundaryStatus(db: Db, ctx: TenantContext) {
  const [meta, regions, shapes] = await Promise.all([
    db.tenantMap.findUnique({ where: { tenantId: ctx.tenantId }, select: { attribution: true, fileName: true, updatedAt: true } }),
    mappableRegions(db, ctx),
    db.regionShape.findMany({ where: { tenantId: ctx.tenantId }, select: { regionId: true } }),
  ]);
  const outlined = new Set(shapes.map((s) => s.regionId));
  return {
    attribution: meta?.attribution ?? "",
    fileName: meta?.fileName ?? null,
    updatedAt: meta?.updatedAt.toISOString() ?? null,
    regions: regions.filter((r) => r.active).map((r) => ({ code: r.code, name: r.name, outlined: outlined.has(r.id) })),
  };
}
