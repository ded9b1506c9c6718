/**
 * Server functions of the dashboards: each loads one period, runs the pure metrics engine
 * and returns plain serialisable data — the same numbers for pages, exports and the API.
 *
 * Where the figures come from (docs/decisions/010-one-read-path.md):
 * - The roll-up loader (rollup-loader.ts: one query of sums per county, the engine on root +
 *   counties; decision 006) for every dashboard: the overview, rankings, the composite, and
 *   the pages of the city and of the ranked counties (the whole year, plus the Σ of a county's
 *   children's targets where it has regions below it).
 * - The full loader (period-loader.ts: every fill) only where the roll-up cannot give the
 *   same figures: (1) a region between the root and the leaves fills figures of its own —
 *   the engine then uses its own figure instead of its children's, which per-county sums
 *   cannot express (`loadRollupPeriod` returns null); (2) the page of a region below the
 *   counties — it has no rank, and its figures are its own subtree's, which the roll-up (per
 *   child of the root) does not sum; the full loader reads that subtree only.
 *   (3) the tenant counts approved figures only (TenantSettings.countPending off): the
 *   roll-up's sums count submitted ones as well.
 *
 * "Now" comes from lib/clock.ts once per call (or the caller's `asOf`) and goes down to the
 * engine: the overview's completeness and the completeness board (fills.ts) are the same
 * computation on the same clock.
 */
import type { Db } from "../db/client";
import { childTargetTotal, computePeriod, regionsBelow, levelsBelow, createActualResolver, buildFillIndex, buildRegionTree, buildRollupIndex, expectedProgress, indexIndicators, indexTargets, ranksAt } from "../metrics";
import * as clock from "../clock";
import { Decimal, fromStored } from "../decimal";
import type { Actual, Cell, RegionTree, CompletenessResult, CompositeScore, MetricsSettings, MonthStatuses, Outlook, PeriodInput, PeriodResult } from "../metrics";
import { DEFAULT_COUNTED_STATUSES } from "../metrics";
import type { Period, TenantContext } from "./context";
import { loadPeriod, NotFoundError, type IndicatorMeta, type LoadOptions, type RegionMeta } from "./period-loader";
import { loadRollupPeriod, type RollupOptions } from "./rollup-loader";
import { getTenantConfig } from "./tenant-config";
import type { DashboardQuery } from "../schemas/dashboard";
import { toPlain, type Plain } from "./plain";
import { FigureMarks } from "./figure-marks";
import { latestReportedPeriod } from "./reported";

export { NotFoundError };

export interface IndicatorInfo {
  id: string;
  code: string;
  name: string;
  unit: string;
  kind: string;
  direction: string;
  precision: number;
  definition: string;
  /** weight in the composite score (exact decimal); "0" keeps it out of the composite */
  weight: string;
  /** the tenant's group (研发投入, …), or null */
  group: string | null;
}

export interface RegionInfo {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
  active: boolean;
}

const indicatorInfo = (i: IndicatorMeta): IndicatorInfo => ({
  id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind, direction: i.direction, precision: i.precision, definition: i.definition, weight: i.weight.toString(), group: i.group,
});
const regionInfo = (r: RegionMeta): RegionInfo => ({
  id: r.id, code: r.code, name: r.name, level: r.level, parentId: r.parentId, active: r.active,
});

/** The tenant's rules for figures not (yet) reported, which the pages state beside the legend. */
const rankingRules = (settings: MetricsSettings) => ({
  rankUnreported: settings.rankUnreported ?? false,
  countPending: settings.countedStatuses?.includes("SUBMITTED") ?? true,
});

/** A decimal as the exact decimal string of plain data (see plain.ts). */
const text = (d: Decimal | null): string | null => (d === null ? null : d.toString());

/**
 * The figures of one region × indicator that tables and heat maps show — plain already
 * (the overview has hundreds: built once, not built and then copied by toPlain). The state
 * and the rank are the ones shown with the month's reporting (figure-marks.ts).
 */
function summary(cell: Cell, marks: FigureMarks) {
  return {
    regionId: cell.regionId,
    indicatorId: cell.indicatorId,
    actual: text(cell.actual.value),
    actualReason: cell.actual.reason,
    stale: cell.actual.stale,
    monthUsed: cell.actual.monthUsed,
    target: text(cell.target),
    completion: text(cell.completion),
    completionReason: cell.completionReason,
    expected: cell.expected.toString(),
    gapPoints: text(cell.gapPoints),
    status: cell.status,
    yoyGrowth: text(cell.yoy.growth),
    yoyReason: cell.yoy.reason,
    lastYear: text(cell.yoy.lastYear),
    rank: marks.rank(cell),
    state: marks.state(cell),
    // present only where the target is the children's Σ (按下级目标合计)
    ...(cell.targetFromChildren ? { targetFromChildren: true as const } : null),
  };
}

function compositeEntry(score: CompositeScore, marks: FigureMarks) {
  const parts: { indicatorId: string; completion: string | null; base: string; bonus: string; counted: boolean }[] = new Array(score.parts.length);
  for (let k = 0; k < parts.length; k++) {
    const p = score.parts[k]!;
    parts[k] = { indicatorId: p.indicatorId, completion: text(p.completion), base: p.base.toString(), bonus: p.bonus.toString(), counted: p.counted };
  }
  return {
    regionId: score.regionId,
    rank: score.rank,
    /** weighted figures 未报 this month */
    unreported: marks.unreportedCount(score),
    total: text(score.total),
    targetScore: text(score.targetScore),
    bonusScore: text(score.bonusScore),
    tier: score.tier,
    parts,
  };
}

/** An outlook as plain data (the fields in the engine's order). */
function plainOutlook(o: Outlook): Plain<Outlook> {
  return {
    neededPerMonth: text(o.neededPerMonth),
    neededReason: o.neededReason,
    remainingMonths: o.remainingMonths,
    shareOfYear: text(o.shareOfYear),
    shape: o.shape,
    projected: text(o.projected),
    projectedCompletion: text(o.projectedCompletion),
    reason: o.reason,
    ...(o.shortHistory !== undefined ? { shortHistory: o.shortHistory } : null),
  };
}

/** Completeness as plain data (the fields in the engine's order; the id lists are shared, not copied). */
function plainCompleteness(c: CompletenessResult): Plain<CompletenessResult> {
  const regions: Plain<CompletenessResult["regions"]> = new Array(c.regions.length);
  for (let k = 0; k < regions.length; k++) {
    const r = c.regions[k]!;
    regions[k] = {
      regionId: r.regionId,
      status: r.status,
      requiredCount: r.requiredCount,
      submittedCount: r.submittedCount,
      missingIndicatorIds: r.missingIndicatorIds,
      returnedIndicatorIds: r.returnedIndicatorIds,
      lastSubmittedAt: r.lastSubmittedAt === null ? null : r.lastSubmittedAt.toISOString(),
    };
  }
  return {
    year: c.year,
    month: c.month,
    deadline: c.deadline.toISOString(),
    deadlinePassed: c.deadlinePassed,
    regions,
    counts: c.counts,
    total: c.total,
    submissionRate: text(c.submissionRate),
    onTimeRate: text(c.onTimeRate),
  };
}

interface Loaded {
  input: PeriodInput;
  regions: RegionMeta[];
  indicators: IndicatorMeta[];
  statuses: MonthStatuses[];
  /** the tree of `regions`, where the loader has it */
  tree?: RegionTree;
}

/**
 * Whether the roll-up's figures stand: its sums count SUBMITTED and APPROVED fills, so for a
 * tenant that counts approved figures only (TenantSettings.countPending off; the loaded
 * settings are the version-checked ones) every fill is read instead.
 */
const rollupStands = (rolled: Loaded | null): rolled is Loaded => rolled !== null && rankingRules(rolled.input.settings).countPending;

/** The period through the roll-up loader, or the full loader where the roll-up does not apply (see the module). */
async function load(db: Db, ctx: TenantContext, period: Period, options: RollupOptions): Promise<Loaded> {
  const rolled = await loadRollupPeriod(db, ctx, period, options);
  if (rollupStands(rolled)) return rolled;
  const full = await loadPeriod(db, ctx, period, { indicatorCodes: options.indicatorCodes, asOf: options.asOf, subtreeOf: options.parentId });
  return (options.depth ?? 1) > 1 ? acrossTree(full, options.depth!) : full;
}

/**
 * A period of the full loader ranked across the tree, as the roll-up loader gives it: the
 * regions `depth` levels down hang from the root, the levels between are left out.
 */
function acrossTree(loaded: Loaded, depth: number): Loaded {
  const tree = buildRegionTree(loaded.input.regions);
  const rootId = tree.root.id;
  const unitIds = new Set(regionsBelow(tree, rootId, depth).map((u) => u.id));
  const keep = new Set<string>([rootId]);
  const stack = [...unitIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    keep.add(id);
    for (const child of tree.children(id)) stack.push(child.id);
  }
  const regions = loaded.input.regions.filter((r) => keep.has(r.id)).map((r) => (unitIds.has(r.id) ? { ...r, parentId: rootId } : r));
  const kept = <T extends { regionId: string }>(rows: readonly T[]) => rows.filter((row) => keep.has(row.regionId));
  return { ...loaded, input: { ...loaded.input, regions, fills: kept(loaded.input.fills), targets: kept(loaded.input.targets) } };
}

// ------------------------------------------------------------------ scope (?region=)

/** A dashboard's scope: the region whose children it ranks, and the way down to it from the root. */
export interface DashboardScope {
  /** undefined: the root (the tenant's own dashboards) */
  parentId: string | undefined;
  /** the root first, the region last (the breadcrumbs) */
  path: { code: string; name: string }[];
  /** how many levels of regions lie below it: above 1, rankings can reach across (`depth`) */
  levels: number;
  /** the level of the regions at each depth below it, from its children down (the most frequent one) */
  levelNames: string[];
  /** the region's own level (PROVINCE, PREFECTURE, …): its words for its area and its targets */
  level: string;
}

/**
 * The scope of `?region=<code>`: an active region with active children (their dashboards);
 * the root's code or none is the root. Anything else — unknown, inactive, without regions
 * below it — is not found.
 */
export async function dashboardScope(db: Db, ctx: TenantContext, code: string | undefined): Promise<DashboardScope> {
  let config = await getTenantConfig(db, ctx.tenantId);
  if (code !== undefined && !config.regions.some((r) => r.code === code)) config = await getTenantConfig(db, ctx.tenantId, { reload: true });
  const { tree } = config;
  // a subtree-bound member's dashboards start at their own region; nothing outside it exists for them
  const top = ctx.subtree && ctx.regionId ? tree.byId.get(ctx.regionId) : tree.root;
  const region = code === undefined ? top : config.regions.find((r) => r.code === code);
  if (!top || !region || (ctx.subtree && !ctx.subtree.has(region.id))) throw new NotFoundError(`region ${code}`);
  // the root always has its dashboards (a new tenant's has no regions below it yet)
  if (!tree.isActive(region.id) || (region.id !== tree.root.id && tree.isLeaf(region.id))) throw new NotFoundError(`region ${code}`);
  const path: DashboardScope["path"] = [];
  for (let r: { id: string; code: string; name: string; parentId: string | null } | undefined = region; r; r = r.id === top.id || r.parentId === null ? undefined : tree.byId.get(r.parentId)) {
    path.unshift({ code: r.code, name: r.name });
  }
  const levels = levelsBelow(tree, region.id);
  const levelNames = Array.from({ length: levels }, (_, k) => mostFrequent(regionsBelow(tree, region.id, k + 1).map((r) => regionIndex(config.regions).get(r.id)?.level ?? "")));
  const level = regionIndex(config.regions).get(region.id)?.level ?? "";
  return { parentId: region.id === tree.root.id ? undefined : region.id, path, levels, levelNames, level };
}

function mostFrequent(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

async function compute(db: Db, ctx: TenantContext, period: Period, options: RollupOptions) {
  const loaded = await load(db, ctx, period, options);
  return { ...loaded, result: computePeriod(loaded.input) };
}

function rootOf(regions: RegionMeta[], result: PeriodResult): RegionInfo {
  return regionInfo(regionIndex(regions).get(result.rootRegionId)!);
}

/** The regions by id — once per regions list (the cached configuration hands out the same list). */
const regionIndexes = new WeakMap<readonly RegionMeta[], ReadonlyMap<string, RegionMeta>>();
function regionIndex(regions: readonly RegionMeta[]): ReadonlyMap<string, RegionMeta> {
  let index = regionIndexes.get(regions);
  if (!index) regionIndexes.set(regions, (index = new Map(regions.map((r) => [r.id, r]))));
  return index;
}

// ------------------------------------------------------------------ overview

export async function getOverview(db: Db, ctx: TenantContext, period: Period, options: Pick<LoadOptions, "asOf"> & Pick<RollupOptions, "parentId"> = {}) {
  const loaded = await compute(db, ctx, period, { asOf: options.asOf ?? clock.now(), completeness: true, parentId: options.parentId });
  const { regions, indicators, result, input } = loaded;
  const marks = new FigureMarks(loaded, result);
  // plain as built, in plain loops: this runs on every overview (see lib/metrics/regions.ts on closures)
  const counties = new Set(result.countyIds);
  const countyInfos: RegionInfo[] = [];
  for (const r of regions) if (counties.has(r.id)) countyInfos.push(regionInfo(r));
  const cityCells: (ReturnType<typeof summary> & { childTargetSum: string | null; outlook: Plain<Outlook> })[] = new Array(result.city.length);
  for (let k = 0; k < cityCells.length; k++) {
    const c = result.city[k]!;
    cityCells[k] = { ...summary(c, marks), childTargetSum: text(c.childTargetSum), outlook: plainOutlook(c.outlook) };
  }
  const cells: ReturnType<typeof summary>[] = [];
  for (const c of result.cells) if (counties.has(c.regionId)) cells.push(summary(c, marks));
  const laggards: { indicatorId: string; regionIds: string[] }[] = new Array(result.rankings.length);
  for (let k = 0; k < laggards.length; k++) laggards[k] = { indicatorId: result.rankings[k]!.indicatorId, regionIds: marks.laggards(result.rankings[k]!) };
  const entries = marks.composite(result.composite.entries);
  const composite: ReturnType<typeof compositeEntry>[] = new Array(entries.length);
  for (let k = 0; k < entries.length; k++) composite[k] = compositeEntry(entries[k]!, marks);
  const indicatorInfos: IndicatorInfo[] = new Array(indicators.length);
  for (let k = 0; k < indicators.length; k++) indicatorInfos[k] = indicatorInfo(indicators[k]!);
  return {
    period,
    asOf: input.asOf.toISOString(),
    indicators: indicatorInfos,
    city: rootOf(regions, result),
    counties: countyInfos,
    cityCells,
    cells,
    laggards,
    composite,
    completeness: plainCompleteness(result.completeness),
    ...rankingRules(input.settings),
  };
}
export type OverviewData = Plain<Awaited<ReturnType<typeof getOverview>>>;

// ------------------------------------------------------------------ rankings

export async function getRanking(db: Db, ctx: TenantContext, indicatorCode: string, period: Period, reach: Pick<RollupOptions, "parentId" | "depth"> = {}) {
  const loaded = await load(db, ctx, period, { indicatorCodes: [indicatorCode], previousMonth: true, asOf: clock.now(), ...reach });
  return rankingOf(loaded, computePeriod(loaded.input), indicatorCode, period);
}

function rankingOf(loaded: Loaded, result: PeriodResult, indicatorCode: string, period: Period) {
  // plain loops: this runs on every ranking request (see lib/metrics/regions.ts on closures)
  let j = 0;
  while (j < loaded.indicators.length && loaded.indicators[j]!.code !== indicatorCode) j++;
  const indicator = loaded.indicators[j];
  if (!indicator) throw new NotFoundError(`indicator ${indicatorCode}`);
  // the engine keeps the input's order of indicators in its rankings and in each region's cells
  const ranking = result.rankings[j]!;
  if (ranking.indicatorId !== indicator.id) throw new Error("the engine's rankings are not in the loaded indicators' order");
  const n = loaded.indicators.length;
  const cells = new Map<string, Cell>();
  for (let k = j; k < result.cells.length; k += n) cells.set(result.cells[k]!.regionId, result.cells[k]!);
  // rank change since last month (not across years: January has none)
  const previousRank = period.month > 1 ? ranksAt(loaded.input, indicator.id, period.month - 1, result) : NO_RANKS;
  const regionById = regionIndex(loaded.regions);
  const marks = new FigureMarks(loaded, result);
  const shown = marks.entries(ranking);
  const entries: (RegionRankEntry & ReturnType<typeof summary>)[] = new Array(shown.length);
  for (let k = 0; k < entries.length; k++) {
    const e = shown[k]!;
    const before = previousRank.get(e.regionId) ?? null;
    entries[k] = {
      region: regionInfo(regionById.get(e.regionId)!),
      ...summary(cells.get(e.regionId)!, marks),
      previousRank: before,
      rankChange: before !== null && e.rank !== null ? before - e.rank : null,
    };
  }
  // plain as built: the summaries, the region and indicator infos
  return {
    period,
    indicator: indicatorInfo(indicator),
    expected: ranking.expected.toString(),
    city: summary(cells.get(result.rootRegionId)!, marks),
    entries,
    laggardRegionIds: marks.laggards(ranking),
    ...rankingRules(loaded.input.settings),
  };
}

const NO_RANKS: ReadonlyMap<string, number | null> = new Map();

interface RegionRankEntry {
  region: RegionInfo;
  previousRank: number | null;
  rankChange: number | null;
}

export async function getCompositeRanking(db: Db, ctx: TenantContext, period: Period, parentId?: string) {
  const loaded = await load(db, ctx, period, { asOf: clock.now(), parentId });
  return compositeOf(loaded, computePeriod(loaded.input), period);
}

function compositeOf(loaded: Loaded, result: PeriodResult, period: Period) {
  const regionById = regionIndex(loaded.regions);
  const marks = new FigureMarks(loaded, result);
  // plain as built
  return {
    period,
    indicators: loaded.indicators.map(indicatorInfo),
    entries: marks.composite(result.composite.entries).map((s) => ({ region: regionInfo(regionById.get(s.regionId)!), ...compositeEntry(s, marks) })),
    city: compositeEntry(result.composite.city, marks),
  };
}

// ------------------------------------------------------------------ county page

/**
 * The page of one region: its figures, outlook, monthly series and rank history. The city
 * and the ranked counties read the whole year through the roll-up; a region below the
 * counties reads its own subtree through the full loader (see the module).
 */
export async function getRegionDetail(db: Db, ctx: TenantContext, code: string, period: Period) {
  const asOf = clock.now();
  let config = await getTenantConfig(db, ctx.tenantId);
  if (!config.regions.some((r) => r.code === code)) config = await getTenantConfig(db, ctx.tenantId, { reload: true });
  const known = config.regions.find((r) => r.code === code);
  if (known === undefined || (ctx.subtree && !ctx.subtree.has(known.id))) throw new NotFoundError(`region ${code}`);
  if (!isRanked(known.id, config.tree.root.id, config.tree.counties.map((c) => c.id))) {
    const below = await loadPeriod(db, ctx, period, { subtreeOf: known.id, asOf });
    // the cached configuration may be older than the regions just read: the code must still
    // name this region, and the region must still be below a county
    const fresh = buildRegionTree(below.regions);
    const stillBelow = !isRanked(known.id, fresh.root.id, fresh.counties.map((c) => c.id));
    if (stillBelow && below.regions.find((r) => r.code === code)?.id === known.id) return regionDetailOf(below, code, period);
  }
  const rolled = await loadRollupPeriod(db, ctx, period, { wholeYear: true, asOf });
  const units = rolled?.input.rollups?.regions ?? [];
  // the loader may have read a newer configuration: the region must still be the city or a county
  if (!rollupStands(rolled) || !isRanked(known.id, config.tree.root.id, units.map((u) => u.regionId))) {
    return regionDetailOf(await loadPeriod(db, ctx, period, { asOf }), code, period);
  }
  const withRegionsBelow = units.some((u) => u.regionId === known.id && !u.leaf);
  return regionDetailOf(rolled, code, period, withRegionsBelow ? await childTargetSums(db, ctx, rolled, known.id, period.year) : undefined);
}

/** The city (the root) or one of the ranked counties (the root's active children). */
function isRanked(regionId: string, rootId: string, countyIds: readonly string[]): boolean {
  return regionId === rootId || countyIds.includes(regionId);
}

/** Σ of a region's active children's targets per indicator (as computePeriod's childTargetSum). */
async function childTargetSums(db: Db, ctx: TenantContext, loaded: Loaded, regionId: string, year: number) {
  const childIds = buildRegionTree(loaded.regions).activeChildren(regionId).map((c) => c.id);
  const rows = await db.target.findMany({
    where: { tenantId: ctx.tenantId, year, regionId: { in: childIds } },
    select: { regionId: true, indicatorId: true, value: true },
  });
  const targets = indexTargets(rows.map((t) => ({ regionId: t.regionId, indicatorId: t.indicatorId, value: fromStored(t.value) })));
  return new Map(loaded.indicators.map((i) => [i.id, childTargetTotal(childIds, i, targets)]));
}

/**
 * The region page from a loaded period (either loader; exported for the test that compares
 * them). `childTargets` replaces the cells' Σ of the children's targets where the loaded
 * tree does not reach below the region.
 */
export function regionDetailOf(loaded: Loaded, code: string, period: Period, childTargets?: ReadonlyMap<string, Decimal | null>) {
  const region = loaded.regions.find((r) => r.code === code);
  if (!region) throw new NotFoundError(`region ${code}`);
  const { input } = loaded;
  // every month of the year so far: the county's figures, ranks and composite rank then
  const months = Array.from({ length: period.month }, (_, k) => computePeriod({ ...input, month: k + 1 }));
  const current = months[months.length - 1]!;
  const marks = new FigureMarks(loaded, current);
  const resolver = createActualResolver(
    buildRegionTree(input.regions),
    indexIndicators(input.indicators),
    buildFillIndex(input.fills, input.settings.countedStatuses ?? DEFAULT_COUNTED_STATUSES),
    buildRollupIndex(input.rollups),
  );
  const cellAt = (r: PeriodResult, indicatorId: string) => r.cells.find((c) => c.regionId === region.id && c.indicatorId === indicatorId)!;
  const valueOf = (a: Actual) => a.value;

  return toPlain({
    period,
    ...rankingRules(input.settings),
    region: regionInfo(region),
    indicators: loaded.indicators.map((indicator) => {
      const cell = cellAt(current, indicator.id);
      return {
        indicator: indicatorInfo(indicator),
        cell: { ...summary(cell, marks), outlook: cell.outlook, childTargetSum: childTargets ? (childTargets.get(indicator.id) ?? null) : cell.childTargetSum },
        series: Array.from({ length: 12 }, (_, k) => {
          const month = k + 1;
          const expected = expectedProgress(month, indicator.curve);
          return {
            month,
            actual: month <= period.month ? valueOf(resolver.actual(region.id, indicator.id, period.year, month)) : null,
            lastYear: valueOf(resolver.actual(region.id, indicator.id, period.year - 1, month)),
            /** the target pace: target × 序时进度 of the month */
            targetPace: cell.target ? cell.target.times(expected) : null,
          };
        }),
        // this month's rank as shown with its states; earlier months' as computed
        rankHistory: months.map((r) => ({ month: r.month, rank: r === current ? marks.rank(cell) : cellAt(r, indicator.id).rank })),
      };
    }),
    compositeHistory: months.map((r) => ({
      month: r.month,
      rank: (r === current ? marks.composite(r.composite.entries) : r.composite.entries).find((e) => e.regionId === region.id)?.rank ?? null,
      total: r.composite.entries.find((e) => e.regionId === region.id)?.total ?? null,
    })),
  });
}

// ------------------------------------------------------------------ rankings page (one load)

/**
 * The rankings page: one indicator's ranking and the composite ranking from ONE period
 * load. `ranking` equals getRanking(…) and `composite` equals getCompositeRanking(…).
 */
export async function getRankingsView(db: Db, ctx: TenantContext, indicatorCode: string, period: Period, parentId?: string, depth?: number) {
  const loaded = await load(db, ctx, period, { previousMonth: true, asOf: clock.now(), parentId, depth });
  const result = computePeriod(loaded.input);
  return { ranking: rankingOf(loaded, result, indicatorCode, period), composite: compositeOf(loaded, result, period) };
}

// ------------------------------------------------------------------ query → period

/** The active indicators of the tenant, in display order (for pickers). */
export async function listIndicators(db: Db, ctx: TenantContext) {
  const rows = await db.indicator.findMany({
    where: { tenantId: ctx.tenantId, active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, unit: true, weight: true },
  });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, unit: r.unit, weighted: r.weight > BigInt(0) }));
}

export interface ResolvedPeriod {
  period: Period;
  /** the latest reported month (the default; reported.ts) */
  latest: Period;
  /** the query named a period that was invalid, so the default is shown */
  fellBack: boolean;
}

/**
 * The period a dashboard shows: the query's year and month when valid, else the latest
 * reported month (reported.ts: its deadline has passed or enough regions have submitted it).
 */
export async function resolvePeriod(db: Db, ctx: TenantContext, query: DashboardQuery, now: Date = clock.now()): Promise<ResolvedPeriod> {
  const latest = await latestReportedPeriod(db, ctx, now);
  const fellBack = query.invalid.includes("year") || query.invalid.includes("month");
  if (fellBack) return { period: latest, latest, fellBack };
  const year = query.year ?? latest.year;
  const month = query.month ?? (year === latest.year ? latest.month : 12);
  return { period: { year, month }, latest, fellBack: false };
}
