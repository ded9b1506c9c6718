/**
 * The dashboards' period loader (decision 006): for (tenant, year, month) ONE roll-up query
 * (rollup-sql.ts) returns, per child of the root × indicator, the sums the metrics engine
 * reads — with the targets, the completeness fills and the configuration version — and the
 * engine runs on root + those children. The configuration (settings, regions, indicators)
 * comes from the in-memory cache of tenant-config.ts, checked against that version.
 *
 * The numbers are those of the full loader (period-loader.ts) with the engine on the whole
 * tree: tests/unit/metrics/rollup.test.ts proves the engine side on random ledgers and
 * tests/integration/rollup-loader.test.ts the SQL side on both databases. Where a region
 * between the root and the leaves fills figures of its own, the aggregation rule needs
 * every fill and `loadRollupPeriod` returns null: callers then use the full loader.
 */
import { providerOf, readRaw, type Db } from "../db/client";
import { fromStored, ZERO, type Decimal } from "../decimal";
import {
  NO_REGIONS,
  regionsBelow,
  reportingRegionIds,
  requiredIndicators,
  rollupPlan,
  targetsFromChildren,
  type FillRow,
  type MonthStatuses,
  type PeriodInput,
  type RegionTree,
  type RegionDef,
  type RollupRow,
  type TargetRow,
} from "../metrics";
import type { Period, TenantContext } from "./context";
import { monthReports } from "./fills";
import type { IndicatorMeta, RegionMeta } from "./period-loader";
import { NotFoundError, selectIndicators } from "./period-loader";
import { rollupSql, type RollupQuerySpec, type RollupTree } from "./rollup-sql";
import { getTenantConfig, type TenantConfig } from "./tenant-config";

export interface RollupOptions {
  /** Only these indicators (by code) and the parts of the ratios among them. Default: all active. */
  indicatorCodes?: string[];
  /** "Now" (lib/clock.ts), for reporting completeness: the caller's, once per request. */
  asOf: Date;
  /** Also last month's figures (for ranksAt and the rank change). */
  previousMonth?: boolean;
  /** Also the month's fills of every reporting region (for the completeness board). */
  completeness?: boolean;
  /** Every month of the year up to the month and every month of last year (the county page). */
  wholeYear?: boolean;
  /**
   * The dashboards of this region's children (an active region with active children, by id):
   * the region is the engine's root and its children the units. Default: the tenant's root.
   */
  parentId?: string;
  /**
   * Rank the regions this many levels below the root or the region chosen (2: every county of
   * a province, across its cities); the regions in between are left out of the engine's tree.
   * Default 1: the children.
   */
  depth?: number;
}

export interface RollupLoaded {
  /** The engine's input on root + the root's active children. */
  input: PeriodInput;
  /** Every region of the tenant (for names and codes). */
  regions: RegionMeta[];
  indicators: IndicatorMeta[];
  /** The month's approved and pending fills per region (the figures' states). */
  statuses: MonthStatuses[];
  /** The tree of `regions` (the cached configuration's). */
  tree: RegionTree;
}

const STOCKISH = new Set(["STOCK", "INCREMENT"]);

function int(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** An exact BIGINT column (number, bigint or numeric string, by driver) → Decimal. */
function stored(value: unknown): Decimal {
  if (value === null || value === undefined) return ZERO;
  if (typeof value === "bigint") return fromStored(value);
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new Error(`inexact integer from the database: ${value}`);
  return fromStored(BigInt(value as string | number));
}

/** A comma-separated list of region ids in tree order, or the shared empty list (most roll-ups miss no region). */
function inTreeOrder(value: unknown, order: ReadonlyMap<string, number>): readonly string[] {
  if (typeof value !== "string" || value.length === 0) return NO_REGIONS;
  const ids = value.split(",");
  if (ids.length > 1) ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return ids;
}

/**
 * Loads a period through the roll-up query; null when a region between the root and the
 * leaves has fills of its own (use the full loader then).
 */
export async function loadRollupPeriod(
  db: Db,
  ctx: TenantContext,
  period: Period,
  options: RollupOptions,
): Promise<RollupLoaded | null> {
  let config = await getTenantConfig(db, ctx.tenantId);
  if (!knowsIndicators(config, options.indicatorCodes)) config = await getTenantConfig(db, ctx.tenantId, { reload: true });
  if (!knowsIndicators(config, options.indicatorCodes)) throw new NotFoundError(`indicator ${options.indicatorCodes!.join(", ")}`);
  // a cached configuration older than the figures is read again, once (twice only if an
  // administrator changed it again in between)
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const loaded = await attemptLoad(db, config, period, options);
    if (loaded.kind !== "stale") return loaded.kind === "ok" ? loaded.value : null;
    config = await getTenantConfig(db, ctx.tenantId, { reload: true });
  }
  throw new Error("the tenant's configuration kept changing while the dashboard loaded");
}

/** Does the configuration have one of these indicators (or were none asked for)? */
function knowsIndicators(config: TenantConfig, codes: readonly string[] | undefined): boolean {
  if (!codes) return true;
  for (const i of config.indicators) if (codes.includes(i.code)) return true;
  return false;
}

/** "stale": the configuration changed (read it again). */
type Attempt = { kind: "ok"; value: RollupLoaded } | { kind: "fallback" } | { kind: "stale" };

/** The roll-up query of a load (exported for the benchmark's breakdown). */
export function rollupQuery(config: TenantConfig, period: Period, options: RollupOptions) {
  const { year, month } = period;
  const chosen = selectIndicators(config.indicators, options.indicatorCodes);
  const stockish = chosen.some((i) => STOCKISH.has(i.kind));
  const plan = rollupPlan(year, month, { previousMonth: options.previousMonth, wholeYear: options.wholeYear });
  // without STOCK/INCREMENT indicators, no baseline point and no net changes
  const points = stockish ? plan.points : plan.points.filter((p) => !p.stockOnly);
  const nets = stockish ? plan.nets : [];
  const spec: RollupQuerySpec = {
    tenantId: config.tenantId,
    tree: rollupTreeOf(config, options.parentId ?? config.tree.root.id, options.depth),
    points,
    nets,
    indicatorIds: options.indicatorCodes ? chosen.map((i) => i.id) : null,
    fromYear: year - 2,
    targetYear: year,
  };
  return { chosen, spec };
}

/** The units of a load: the children of the root, or of the region chosen (RollupOptions.parentId), or the regions `depth` levels below. */
function unitsOf(config: TenantConfig, parentId: string | undefined, depth = 1) {
  const { tree } = config;
  if (depth > 1) return regionsBelow(tree, parentId ?? tree.root.id, depth);
  return parentId === undefined || parentId === tree.root.id ? tree.counties : tree.activeChildren(parentId);
}

/** The leaves under each unit and the regions between, from the cached configuration's tree. */
function rollupTreeOf(config: TenantConfig, parentId: string, depth?: number): RollupTree {
  const { tree } = config;
  const leafIds: string[] = [];
  const leafUnitIds: string[] = [];
  const parentIds: string[] = [];
  for (const unit of unitsOf(config, parentId, depth)) {
    const stack = [unit.id];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const children = tree.activeChildren(id);
      if (children.length === 0) {
        leafIds.push(id);
        leafUnitIds.push(unit.id);
      } else {
        parentIds.push(id);
        for (const child of children) stack.push(child.id);
      }
    }
  }
  // the root (or the region chosen) is its own unit: its own fills decide whether it reports itself
  leafIds.push(parentId);
  leafUnitIds.push(parentId);
  return { leafIds, leafUnitIds, parentIds };
}

/** A roll-up row as the driver gives it: values in column order (integers as bigint, number or text). */
type Row = readonly unknown[];

/** Where each column of a roll-up statement's rows is, by name; per point (n, s, u, m) and per net change. */
interface Columns {
  regionId: number;
  indicatorId: number;
  target: number;
  parentFills: number;
  configVersion: number;
  point: { n: number; s: number; u: number; m: number }[];
  net: { n: number; s: number; u: number; b: number; m: number; z: number }[];
}

/** The positions of the columns, once per statement: rows are read by position, not copied into keyed objects. */
function columnsOf(names: readonly string[], spec: RollupQuerySpec): Columns {
  const at = (name: string): number => {
    const k = names.indexOf(name);
    if (k < 0) throw new Error(`the roll-up statement has no column ${name}`);
    return k;
  };
  return {
    regionId: at("regionId"),
    indicatorId: at("indicatorId"),
    target: at("target"),
    parentFills: at("parentFills"),
    configVersion: at("configVersion"),
    point: spec.points.map((_, k) => ({ n: at(`n${k}`), s: at(`s${k}`), u: at(`u${k}`), m: at(`m${k}`) })),
    net: spec.nets.map((_, k) => ({ n: at(`nn${k}`), s: at(`ns${k}`), u: at(`nu${k}`), b: at(`nb${k}`), m: at(`nm${k}`), z: at(`nz${k}`) })),
  };
}

/** A load shape's query, its statement and its required indicators, built once per configuration. */
type Prepared = ReturnType<typeof rollupQuery> & { sql: string; values: unknown[]; required: string[]; columns?: Columns };

/**
 * Built once per configuration object (a new version is a new object) and load shape: the
 * reader (lib/db/reader.ts) then finds its prepared statement by the same text, and no SQL
 * is assembled per call. A handful of shapes per tenant.
 */
const prepared = new WeakMap<TenantConfig, Map<string, Prepared>>();
const SHAPES_PER_CONFIG = 64;

function preparedQuery(db: Db, config: TenantConfig, period: Period, options: RollupOptions): Prepared {
  let byShape = prepared.get(config);
  if (!byShape) prepared.set(config, (byShape = new Map()));
  const flags = [options.previousMonth, options.completeness, options.wholeYear].map((f) => (f ? 1 : 0)).join("");
  const shape = `${providerOf(db)}|${period.year}|${period.month}|${options.indicatorCodes?.join(",") ?? "*"}|${flags}|${options.parentId ?? ""}|${options.depth ?? 1}`;
  let entry = byShape.get(shape);
  if (!entry) {
    const query = rollupQuery(config, period, options);
    const required = requiredIndicators(query.chosen, period.month).map((i) => i.id);
    entry = { ...query, ...rollupSql(providerOf(db), query.spec), required };
    if (byShape.size >= SHAPES_PER_CONFIG) byShape.delete(byShape.keys().next().value!);
    byShape.set(shape, entry);
  }
  return entry;
}

async function attemptLoad(db: Db, config: TenantConfig, period: Period, options: RollupOptions): Promise<Attempt> {
  const query = preparedQuery(db, config, period, options);
  const { chosen, spec, sql, values, required } = query;
  const [result, reports] = await Promise.all([
    readRaw(db, sql, values),
    // every load: the month's reports give the figures' states as well as completeness
    monthReports(db, config.tenantId, period, required, options.indicatorCodes ? chosen.map((i) => i.id) : null),
  ]);
  const rows = result.rows;
  const columns = (query.columns ??= columnsOf(result.columns, spec));
  const checked = await checkRows(db, config, rows, columns);
  if (checked !== "ok") return { kind: checked };
  const { tree } = config;
  const top = options.parentId === undefined || options.parentId === tree.root.id ? null : tree.byId.get(options.parentId)!;
  const units = unitsOf(config, options.parentId, options.depth);
  const parsed = parseRows(config, top?.id ?? tree.root.id, units, chosen, spec, rows, columns);
  if (parsed === null) return { kind: "stale" };
  const childTargets = await unitChildTargets(db, config, period.year, chosen, units, parsed.targets);
  const reporting = options.completeness ? reportingBelow(config, top, spec.tree) : [];
  const reportingIds = new Set(reporting);
  const input: PeriodInput = {
    year: period.year,
    month: period.month,
    asOf: options.asOf,
    settings: config.settings,
    // a region chosen is the engine's root (its own parent is outside the load)
    // ranked across the tree, the units hang from the root directly (the levels between left out)
    regions: [top === null ? tree.root : { ...top, parentId: null }, ...((options.depth ?? 1) > 1 ? units.map((u) => ({ ...u, parentId: top?.id ?? tree.root.id })) : units)],
    indicators: chosen,
    targets: parsed.targets,
    ...(childTargets ? { childTargets } : {}),
    fills: parsed.rootFills,
    rollups: { regions: units.map((u) => ({ regionId: u.id, leaf: tree.isLeaf(u.id) })), rows: parsed.rollupRows },
    // only the regions that fill count
    reporting: { regionIds: reporting, reports: reports.filter((r) => reportingIds.has(r.regionId)) },
  };
  return { kind: "ok", value: { input, regions: config.regions, indicators: chosen, statuses: reports, tree } };
}

/**
 * For units with regions below them and no target of their own: the Σ of their children's
 * targets (settings.childTargets), from the targets of every region below them — one query,
 * only where such a unit lacks a target (a city's counties are leaves, and a province whose
 * cities all hold targets of their own reads nothing more).
 */
async function unitChildTargets(
  db: Db,
  config: TenantConfig,
  year: number,
  chosen: readonly IndicatorMeta[],
  units: readonly RegionDef[],
  unitTargets: readonly TargetRow[],
) {
  const { tree } = config;
  if (config.settings.childTargets === false) return null;
  // only the units lacking a target of their own for some indicator (ratios never take their children's)
  const own = new Set(unitTargets.map((t) => `${t.regionId}|${t.indicatorId}`));
  const parents = units.filter((u) => !tree.isLeaf(u.id) && chosen.some((i) => i.kind !== "RATIO" && !own.has(`${u.id}|${i.id}`)));
  if (parents.length === 0) return null;
  const below: string[] = [];
  const stack = parents.flatMap((u) => tree.activeChildren(u.id).map((c) => c.id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    below.push(id);
    for (const child of tree.activeChildren(id)) stack.push(child.id);
  }
  const rows = await db.target.findMany({
    where: { tenantId: config.tenantId, year, regionId: { in: below }, indicatorId: { in: chosen.map((i) => i.id) } },
    select: { regionId: true, indicatorId: true, value: true },
  });
  const targets: TargetRow[] = [...unitTargets, ...rows.map((t) => ({ regionId: t.regionId, indicatorId: t.indicatorId, value: fromStored(t.value) }))];
  return targetsFromChildren(tree, parents.map((u) => u.id), chosen, targets);
}

/** Is the configuration the figures were read with the cached one, and does the roll-up apply? */
async function checkRows(db: Db, config: TenantConfig, rows: readonly Row[], c: Columns): Promise<"ok" | "stale" | "fallback"> {
  let version: number | undefined;
  let parentFills = false;
  for (const r of rows) {
    if (version === undefined && r[c.configVersion] !== null && r[c.configVersion] !== undefined) version = int(r[c.configVersion]);
    if (int(r[c.parentFills]) > 0) parentFills = true;
  }
  if (version === undefined) {
    // no rows (no active indicator): read the version alone
    const fresh = await db.tenant.findUnique({ where: { id: config.tenantId }, select: { configVersion: true } });
    if (fresh && fresh.configVersion !== config.version) return "stale";
  } else if (version !== config.version) {
    return "stale";
  }
  return parentFills ? "fallback" : "ok";
}

/** The regions that fill below the region chosen (all of them below the root): the roll-up's leaves but the region itself. */
function reportingBelow(config: TenantConfig, top: RegionDef | null, rollupTree: RollupTree): string[] {
  if (top === null) return reportingRegionIds(config.tree);
  const leaves = new Set(rollupTree.leafIds);
  return reportingRegionIds(config.tree).filter((id) => id !== top.id && leaves.has(id));
}

/** The engine's input from the roll-up rows; null when a row names a unit or indicator the configuration does not have. */
function parseRows(config: TenantConfig, rootId: string, units: readonly RegionDef[], chosen: readonly IndicatorMeta[], spec: RollupQuerySpec, rows: readonly Row[], c: Columns) {
  const unitIds = new Set(units.map((u) => u.id));
  const chosenById = new Map(chosen.map((i) => [i.id, i]));
  const rollupRows: RollupRow[] = [];
  const rootFills = new Map<string, FillRow>();
  const targets: TargetRow[] = [];
  for (const r of rows) {
    const regionId = String(r[c.regionId]);
    const indicator = chosenById.get(String(r[c.indicatorId]));
    if (!indicator || (regionId !== rootId && !unitIds.has(regionId))) return null;
    const target = r[c.target];
    if (target !== null && target !== undefined) targets.push({ regionId, indicatorId: indicator.id, value: stored(target) });
    if (indicator.kind === "RATIO") continue;
    if (regionId === rootId) {
      for (const fill of rootFillsOf(spec, r, c, regionId, indicator.id)) rootFills.set(`${indicator.id}|${fill.year}|${fill.month}`, fill);
      continue;
    }
    pushRollupRows(rollupRows, spec, r, c, regionId, indicator, config.treeIndex);
  }
  return { rollupRows, rootFills: [...rootFills.values()], targets };
}

/**
 * The root's own latest fill at each point (normally none): enough for the resolver to
 * decide whether the root reports itself, and with what.
 */
function rootFillsOf(spec: RollupQuerySpec, r: Row, c: Columns, regionId: string, indicatorId: string): FillRow[] {
  const fills: FillRow[] = [];
  spec.points.forEach((point, k) => {
    const at = c.point[k]!;
    if (int(r[at.n]) === 0) return;
    fills.push({ regionId, indicatorId, year: point.year, month: int(r[at.u]), value: stored(r[at.s]), status: "APPROVED", submittedAt: null });
  });
  return fills;
}

/** A unit's LEVEL rows at each point and, for STOCK and INCREMENT, its NET rows. */
function pushRollupRows(out: RollupRow[], spec: RollupQuerySpec, r: Row, c: Columns, regionId: string, indicator: IndicatorMeta, order: ReadonlyMap<string, number>) {
  const stock = STOCKISH.has(indicator.kind);
  const indicatorId = indicator.id;
  spec.points.forEach((point, k) => {
    if (point.stockOnly && !stock) return;
    const at = c.point[k]!;
    const present = int(r[at.n]);
    out.push({
      regionId, indicatorId, year: point.year, month: point.month, measure: "LEVEL",
      present,
      sum: present === 0 ? ZERO : stored(r[at.s]),
      minUsed: intOrNull(r[at.u]),
      minBaseUsed: null,
      missingRegionIds: inTreeOrder(r[at.m], order),
      noBaseline: 0,
    });
  });
  if (!stock) return;
  spec.nets.forEach((net, k) => {
    const point = spec.points[net.level]!;
    const at = c.net[k]!;
    const present = int(r[at.n]);
    out.push({
      regionId, indicatorId, year: point.year, month: point.month, measure: "NET",
      present,
      sum: present === 0 ? ZERO : stored(r[at.s]),
      minUsed: intOrNull(r[at.u]),
      minBaseUsed: intOrNull(r[at.b]),
      missingRegionIds: inTreeOrder(r[at.m], order),
      noBaseline: int(r[at.z]),
    });
  });
}
