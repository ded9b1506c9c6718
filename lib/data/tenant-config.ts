/**
 * A tenant's dashboard configuration — metrics settings with tiers, the region tree, the
 * active indicators with their curves — kept in memory per database client and tenant.
 *
 * Every change of that configuration calls `touchTenantConfig` in its transaction, which
 * bumps `Tenant.configVersion`; the roll-up query reads that version with the figures, and
 * a cached configuration whose version differs is loaded again (so several server
 * processes stay right without talking to each other). See decision 006.
 */
import type { Db } from "../db/client";
import { fromStored } from "../decimal";
import { buildRegionTree, type RegionTree } from "../metrics";
import type { IndicatorMeta, RegionMeta } from "./period-loader";
import { loadSettings, NotFoundError } from "./period-loader";
import type { MetricsSettings } from "../metrics";

export interface TenantConfig {
  tenantId: string;
  version: number;
  settings: MetricsSettings;
  /** every region, in display order (sortOrder, code) */
  regions: RegionMeta[];
  regionById: ReadonlyMap<string, RegionMeta>;
  tree: RegionTree;
  /** position of each region in the tree's depth-first order */
  treeIndex: ReadonlyMap<string, number>;
  /** active indicators in display order */
  indicators: IndicatorMeta[];
  /** some active child of the root has active children of its own (a province, not a city) */
  deep: boolean;
}

type TxWithTenant = { tenant: Pick<Db["tenant"], "update"> };

/** Marks the tenant's configuration as changed (call inside the writing transaction). */
export async function touchTenantConfig(tx: TxWithTenant, tenantId: string): Promise<void> {
  await tx.tenant.update({ where: { id: tenantId }, data: { configVersion: { increment: 1 } } });
}

const caches = new WeakMap<Db, Map<string, TenantConfig>>();

function cacheOf(db: Db): Map<string, TenantConfig> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

async function readConfig(db: Db, tenantId: string): Promise<TenantConfig> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { configVersion: true } });
  if (!tenant) throw new NotFoundError("tenant");
  const [settings, regionRows, indicatorRows] = await Promise.all([
    loadSettings(db, tenantId),
    db.region.findMany({ where: { tenantId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.indicator.findMany({
      where: { tenantId, active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      include: { curve: { orderBy: { month: "asc" } } },
    }),
  ]);
  const regions: RegionMeta[] = regionRows.map((r) => ({
    id: r.id, code: r.code, name: r.name, parentId: r.parentId, active: r.active, sortOrder: r.sortOrder, level: r.level,
  }));
  const indicators: IndicatorMeta[] = indicatorRows.map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    definition: i.definition,
    kind: i.kind,
    direction: i.direction,
    precision: i.precision,
    weight: fromStored(i.weight),
    frequency: i.frequency,
    numeratorId: i.numeratorId,
    denominatorId: i.denominatorId,
    ratioFactor: i.ratioFactor === null ? null : fromStored(i.ratioFactor),
    curve: i.curve.length === 12 ? i.curve.map((p) => fromStored(p.share)) : null,
  }));
  const tree = buildRegionTree(regions);
  return {
    tenantId,
    version: tenant.configVersion,
    settings,
    regions,
    regionById: new Map(regions.map((r) => [r.id, r])),
    tree,
    treeIndex: new Map(tree.ordered.map((r, k) => [r.id, k])),
    indicators,
    deep: tree.counties.some((c) => !tree.isLeaf(c.id)),
  };
}

/**
 * The tenant's configuration from the cache, or (first use, or `reload`) read from the
 * database and cached. Callers check `version` against the database's (see the module).
 */
export async function getTenantConfig(db: Db, tenantId: string, options: { reload?: boolean } = {}): Promise<TenantConfig> {
  const cache = cacheOf(db);
  const cached = cache.get(tenantId);
  if (cached && !options.reload) return cached;
  const fresh = await readConfig(db, tenantId);
  cache.set(tenantId, fresh);
  return fresh;
}
