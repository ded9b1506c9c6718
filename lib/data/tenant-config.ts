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
import { buildRegionTree, type RegionTree } from "../metrics";
import type { IndicatorMeta, RegionMeta } from "./period-loader";
import { loadRegionsAndIndicators, loadSettings, NotFoundError } from "./period-loader";
import type { MetricsSettings } from "../metrics";

export interface TenantConfig {
  tenantId: string;
  version: number;
  settings: MetricsSettings;
  /** every region, in display order (sortOrder, code) */
  regions: RegionMeta[];
  tree: RegionTree;
  /** position of each region in the tree's depth-first order */
  treeIndex: ReadonlyMap<string, number>;
  /** active indicators in display order */
  indicators: IndicatorMeta[];
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
  const [settings, { regions, indicators }] = await Promise.all([loadSettings(db, tenantId), loadRegionsAndIndicators(db, tenantId)]);
  const tree = buildRegionTree(regions);
  return {
    tenantId,
    version: tenant.configVersion,
    settings,
    regions,
    tree,
    treeIndex: new Map(tree.ordered.map((r, k) => [r.id, k])),
    indicators,
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
