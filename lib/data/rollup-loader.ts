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
import type { RawResult } from "../db/reader";
import { Dec } from "../dec";
import {
  NO_REGIONS,
  reportingRegionIds,
  requiredIndicators,
  rollupPlan,
  type FillRow,
  type PeriodInput,
  type RegionReport,
  type RollupRow,
  type TargetRow,
} from "../metrics";
import type { Period, TenantContext } from "./context";
import type { IndicatorMeta, RegionMeta } from "./period-loader";
import { NotFoundError, selectIndicators } from "./period-loader";
import { rollupSql, type RollupNetSpec, type RollupPointSpec, type RollupQuerySpec, type RollupTree } from "./rollup-sql";
import { getTenantConfig, type TenantConfig } from "./tenant-config";

export interface RollupOptions {
  /** Only these indicators (by code) and the parts of the ratios among them. Default: all active. */
  indicatorCodes?: string[];
  /** "Now", for reporting completeness. Default: the current time. */
  asOf?: Date;
  /** Also last month's figures (for ranksAt and the rank change). */
  previousMonth?: boolean;
  /** Also the month's fills of every reporting region (for the completeness board). */
  completeness?: boolean;
  /** Every month of the year up to the month and every month of last year (the county page). */
  wholeYear?: boolean;
}

export interface RollupLoaded {
  /** The engine's input on root + the root's active children. */
  input: PeriodInput;
  /** Every region of the tenant (for names and codes). */
  regions: RegionMeta[];
  indicators: IndicatorMeta[];
}

const STOCKISH = new Set(["STOCK", "INCREMENT"]);
const ZERO = Dec.ZERO;

function int(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** An exact BIGINT column (number, bigint or numeric string, by driver) → Dec. */
function stored(value: unknown): Dec {
  if (value === null || value === undefined) return ZERO;
  if (typeof value === "bigint") return Dec.fromStored(value);
  if (typeof value === "number" && !Number.isSafeInteger(value)) throw new Error(`inexact integer from the database: ${value}`);
  return Dec.fromStored(BigInt(value as string | number));
}

function list(value: unknown): string[] {
  return typeof value === "string" && value.length > 0 ? value.split(",") : [];
}

/** A comma-separated list of region ids in tree order, or the shared empty list (most roll-ups miss no region). */
function inTreeOrder(value: unknown, order: ReadonlyMap<string, number>): readonly string[] {
  if (typeof value !== "string" || value.length === 0) return NO_REGIONS;
  const ids = value.split(",");
  if (ids.length > 1) ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return ids;
}

/** Column positions of the roll-up result, by name. */
function columnsOf(columns: readonly string[]) {
  const index = new Map(columns.map((name, k) => [name, k]));
  const at = (name: string): number => {
    const k = index.get(name);
    if (k === undefined) throw new Error(`the roll-up query returned no column ${name}`);
    return k;
  };
  return at;
}

/**
 * Loads a period through the roll-up query; null when a region between the root and the
 * leaves has fills of its own (use the full loader then).
 */
export async function loadRollupPeriod(
  db: Db,
  ctx: TenantContext,
  period: Period,
  options: RollupOptions = {},
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

/** The roll-up query a load runs (exported for the benchmark's breakdown). */
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
    tree: rollupTreeOf(config),
    points,
    nets,
    indicatorIds: options.indicatorCodes ? chosen.map((i) => i.id) : null,
    completeness: options.completeness ? { year, month, requiredIds: requiredIndicators(chosen, month).map((i) => i.id) } : null,
    fromYear: year - 2,
    targetYear: year,
  };
  return { chosen, spec };
}

/** The leaves under each unit and the regions between, from the cached configuration's tree. */
function rollupTreeOf(config: TenantConfig): RollupTree {
  const { tree } = config;
  const leafIds: string[] = [];
  const leafUnitIds: string[] = [];
  const parentIds: string[] = [];
  for (const unit of tree.counties) {
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
  // the root is its own unit: its own fills decide whether it reports itself
  leafIds.push(tree.root.id);
  leafUnitIds.push(tree.root.id);
  return { leafIds, leafUnitIds, parentIds };
}

/** One SQL statement of a load shape: its text and values, its points, and where each figure is in a row. */
interface Statement {
  sql: string;
  values: unknown[];
  points: readonly RollupPointSpec[];
  nets: readonly RollupNetSpec[];
  /** the result's column positions, once the first result has named them */
  columns?: ReturnType<typeof columnPositions>;
}

/** A load shape ready to run: its statement and what every load of it hands the engine unchanged. */
interface PreparedQuery extends ReturnType<typeof rollupQuery> {
  statement: Statement;
  shared: ReturnType<typeof sharedInput>;
}

/** The parts of the engine's input that depend on the configuration only. */
function sharedInput(config: TenantConfig, chosen: readonly IndicatorMeta[], completeness: boolean) {
  const { tree } = config;
  const units = tree.counties;
  const reporting = completeness ? reportingRegionIds(tree) : [];
  return {
    regions: [tree.root, ...units],
    unitIds: new Set(units.map((u) => u.id)),
    chosenById: new Map(chosen.map((i) => [i.id, i])),
    rollupRegions: units.map((u) => ({ regionId: u.id, leaf: tree.isLeaf(u.id) })),
    reporting,
    reportingIds: new Set(reporting),
  };
}

/**
 * Built once per configuration (a new version is a new object) and query shape: the same
 * text object every time, so the reader finds its prepared statement without hashing a
 * fresh string, and no SQL is assembled per call. A handful of shapes per tenant.
 */
const preparedQueries = new WeakMap<TenantConfig, Map<string, PreparedQuery>>();
const PREPARED_PER_CONFIG = 64;

function statement(db: Db, spec: RollupQuerySpec): Statement {
  return { ...rollupSql(providerOf(db), spec), points: spec.points, nets: spec.nets };
}

function preparedQuery(db: Db, config: TenantConfig, period: Period, options: RollupOptions): PreparedQuery {
  let byShape = preparedQueries.get(config);
  if (!byShape) preparedQueries.set(config, (byShape = new Map()));
  const shape = `${providerOf(db)}|${period.year}|${period.month}|${options.indicatorCodes?.join(",") ?? "*"}|${options.previousMonth ? 1 : 0}${
    options.completeness ? 1 : 0}${options.wholeYear ? 1 : 0}`;
  let prepared = byShape.get(shape);
  if (!prepared) {
    const query = rollupQuery(config, period, options);
    prepared = {
      ...query,
      statement: statement(db, query.spec),
      shared: sharedInput(config, query.chosen, options.completeness ?? false),
    };
    if (byShape.size >= PREPARED_PER_CONFIG) byShape.delete(byShape.keys().next().value!);
    byShape.set(shape, prepared);
  }
  return prepared;
}

function columnPositions(result: RawResult, run: Statement, spec: RollupQuerySpec) {
  const at = columnsOf(result.columns);
  return {
    regionId: at("regionId"), indicatorId: at("indicatorId"), target: at("target"),
    parentFills: at("parentFills"), configVersion: at("configVersion"),
    ...(spec.completeness ? { subm: at("subm"), ret: at("ret"), last: at("last") } : { subm: -1, ret: -1, last: -1 }),
    points: run.points.map((_, k) => ({ n: at(`n${k}`), s: at(`s${k}`), u: at(`u${k}`), m: at(`m${k}`) })),
    nets: run.nets.map((_, k) => ({ n: at(`nn${k}`), s: at(`ns${k}`), u: at(`nu${k}`), b: at(`nb${k}`), m: at(`nm${k}`), z: at(`nz${k}`) })),
  };
}

async function attemptLoad(db: Db, config: TenantConfig, period: Period, options: RollupOptions): Promise<Attempt> {
  const { year, month } = period;
  const { tree } = config;
  const query = preparedQuery(db, config, period, options);
  const { chosen } = query;
  const run = query.statement;
  const result = await readRaw(db, run.sql, run.values);
  const rows = result.rows;
  const c = (run.columns ??= columnPositions(result, run, query.spec));
  const { points, nets } = run;
  const pc = c.points;
  const nc = c.nets;

  let version: number | undefined;
  let parentFills = false;
  for (const r of rows) {
    if (version === undefined && r[c.configVersion] !== null && r[c.configVersion] !== undefined) {
      version = int(r[c.configVersion]);
    }
    if (int(r[c.parentFills]) > 0) parentFills = true;
  }
  if (version === undefined) {
    // no rows (no active indicator): read the version alone
    const fresh = await db.tenant.findUnique({ where: { id: config.tenantId }, select: { configVersion: true } });
    if (fresh && fresh.configVersion !== config.version) return { kind: "stale" };
  } else if (version !== config.version) {
    return { kind: "stale" };
  }
  if (parentFills) return { kind: "fallback" };

  const rootId = tree.root.id;
  const { unitIds, chosenById, reporting, reportingIds } = query.shared;
  const order = config.treeIndex;

  const rollupRows: RollupRow[] = [];
  const rootFills = new Map<string, FillRow>();
  const targets: TargetRow[] = [];
  const reports: RegionReport[] = [];
  for (const r of rows) {
    const regionId = String(r[c.regionId]);
    if (r[c.indicatorId] === null) {
      // a region's fills of the month, summed up (completeness): only the regions that fill count
      if (!reportingIds.has(regionId)) continue;
      const last = typeof r[c.last] === "string" ? new Date(r[c.last] as string) : null;
      reports.push({ regionId, submittedIds: list(r[c.subm]), returnedIds: list(r[c.ret]), lastSubmittedAt: last });
      continue;
    }
    const indicator = chosenById.get(String(r[c.indicatorId]));
    if (!indicator || (regionId !== rootId && !unitIds.has(regionId))) return { kind: "stale" };
    if (r[c.target] !== null && r[c.target] !== undefined) targets.push({ regionId, indicatorId: indicator.id, value: stored(r[c.target]) });
    if (indicator.kind === "RATIO") continue;
    if (regionId === rootId) {
      // the root's own latest fill at each point (normally none): enough for the resolver
      // to decide whether the root reports itself, and with what
      for (let k = 0; k < points.length; k++) {
        if (int(r[pc[k]!.n]) === 0) continue;
        const used = int(r[pc[k]!.u]);
        const fill: FillRow = {
          regionId, indicatorId: indicator.id, year: points[k]!.year, month: used, value: stored(r[pc[k]!.s]), status: "APPROVED", submittedAt: null,
        };
        rootFills.set(`${indicator.id}|${fill.year}|${used}`, fill);
      }
      continue;
    }
    const stock = STOCKISH.has(indicator.kind);
    for (let k = 0; k < points.length; k++) {
      const point = points[k]!;
      if (point.stockOnly && !stock) continue;
      const col = pc[k]!;
      const present = int(r[col.n]);
      const row: RollupRow = {
        regionId, indicatorId: indicator.id, year: point.year, month: point.month, measure: "LEVEL",
        present,
        sum: present === 0 ? ZERO : stored(r[col.s]),
        minUsed: intOrNull(r[col.u]),
        minBaseUsed: null,
        missingRegionIds: inTreeOrder(r[col.m], order),
        noBaseline: 0,
      };
      rollupRows.push(row);
    }
    if (stock) {
      for (let k = 0; k < nets.length; k++) {
        const point = points[nets[k]!.level]!;
        const col = nc[k]!;
        const present = int(r[col.n]);
        const row: RollupRow = {
          regionId, indicatorId: indicator.id, year: point.year, month: point.month, measure: "NET",
          present,
          sum: present === 0 ? ZERO : stored(r[col.s]),
          minUsed: intOrNull(r[col.u]),
          minBaseUsed: intOrNull(r[col.b]),
          missingRegionIds: inTreeOrder(r[col.m], order),
          noBaseline: int(r[col.z]),
        };
        rollupRows.push(row);
      }
    }
  }

  const input: PeriodInput = {
    year,
    month,
    asOf: options.asOf ?? new Date(),
    settings: config.settings,
    regions: query.shared.regions,
    indicators: chosen,
    targets,
    fills: [...rootFills.values()],
    rollups: { regions: query.shared.rollupRegions, rows: rollupRows },
    reporting: { regionIds: reporting, reports },
  };
  return { kind: "ok", value: { input, regions: config.regions, indicators: chosen } };
}
