/**
 * computePeriod: everything the dashboards show for one tenant and one (year, month).
 * See the modules for each rule: actual.ts, aggregate.ts, completion.ts, status.ts,
 * yoy.ts, ranking.ts, composite.ts, outlook.ts, completeness.ts.
 */
import type { Dec } from "../dec";
import { createActualResolver, type ActualResolver } from "./actual";
import { ScoreCache, compositeScore, rankComposite, type ScoreInput } from "./composite";
import { computeCompleteness } from "./completeness";
import { computeCompletion, type Completion } from "./completion";
import { buildFillIndex } from "./fills";
import { computeOutlook, type OutlookContext } from "./outlook";
import { expectedProgress, validateCurve } from "./progress";
import { rankWithTies } from "./ranking";
import { buildRegionTree, type RegionTree } from "./regions";
import { buildRollupIndex } from "./rollup";
import { resolveSettings, type ResolvedSettings } from "./settings";
import { cellStatus, gapPoints, isLaggard } from "./status";
import type {
  Cell,
  CompositeRanking,
  IndicatorDef,
  IndicatorRanking,
  Outlook,
  PeriodInput,
  PeriodResult,
  RegionDef,
  TargetRow,
} from "./types";
import { MetricsInputError, ONE, ZERO, assertMonth, assertYear, key, sum } from "./util";
import { computeYoY } from "./yoy";

/** Indexes indicators by id; checks unique ids, curves and that ratio parts exist. */
export function indexIndicators(indicators: readonly IndicatorDef[]): Map<string, IndicatorDef> {
  const byId = new Map<string, IndicatorDef>();
  for (const i of indicators) {
    if (byId.has(i.id)) throw new MetricsInputError(`duplicate indicator id ${i.id}`);
    if (i.curve && i.curve.length > 0) validateCurve(i.curve);
    byId.set(i.id, i);
  }
  for (const i of indicators) {
    if (i.kind !== "RATIO") continue;
    for (const part of [i.numeratorId, i.denominatorId]) {
      if (!part || !byId.has(part)) {
        throw new MetricsInputError(`ratio indicator ${i.id} refers to a missing indicator ${part ?? "(none)"}`);
      }
    }
  }
  return byId;
}

/** Indexes targets by (region, indicator); throws on duplicates. */
export function indexTargets(targets: readonly TargetRow[]): Map<string, Dec> {
  const byKey = new Map<string, Dec>();
  for (const t of targets) {
    const k = key(t.regionId, t.indicatorId);
    if (byKey.has(k)) throw new MetricsInputError(`duplicate target for region ${t.regionId}, indicator ${t.indicatorId}`);
    byKey.set(k, t.value);
  }
  return byKey;
}

interface Context {
  input: PeriodInput;
  settings: ResolvedSettings;
  tree: RegionTree;
  indicators: ReadonlyMap<string, IndicatorDef>;
  targets: Map<string, Dec>;
  resolver: ActualResolver;
  outlook: OutlookContext;
  /** 序时进度 of the month per indicator id (curves validated once, by indexIndicators) */
  expected: Map<string, Dec>;
}

/**
 * Σ of the active children's targets (children in tree order), to check against a region's own
 * target: null for RATIO indicators, for a region without active children and when none of
 * them has a target.
 */
export function childTargetTotal(
  childIds: readonly string[],
  indicator: Pick<IndicatorDef, "id" | "kind">,
  targetOf: (regionId: string, indicatorId: string) => Dec | undefined,
): Dec | null {
  if (indicator.kind === "RATIO" || childIds.length === 0) return null;
  const values = childIds.map((id) => targetOf(id, indicator.id)).filter((v): v is Dec => v !== undefined);
  return values.length > 0 ? sum(values) : null;
}

function childTargetSum(ctx: Context, region: RegionDef, indicator: IndicatorDef): Dec | null {
  return childTargetTotal(
    ctx.tree.activeChildren(region.id).map((c) => c.id),
    indicator,
    (regionId, indicatorId) => ctx.targets.get(key(regionId, indicatorId)),
  );
}

function buildCell(ctx: Context, region: RegionDef, indicator: IndicatorDef): Cell {
  const { year, month } = ctx.input;
  const active = ctx.tree.isActive(region.id);
  const actual = ctx.resolver.actual(region.id, indicator.id, year, month);
  const target = ctx.targets.get(key(region.id, indicator.id)) ?? null;
  const expected = ctx.expected.get(indicator.id) ?? expectedProgress(month, indicator.curve);
  const completion = computeCompletion({
    actual: actual.value,
    target,
    direction: indicator.direction,
    kind: indicator.kind,
    expected,
    lowerIsBetterCap: ctx.settings.lowerIsBetterCap,
  });
  const lastYear = ctx.resolver.actual(region.id, indicator.id, year - 1, month);
  const gap = gapPoints(completion.value, completion.benchmark);
  return new CellRecord(ctx.outlook, region.id, indicator, region.id === ctx.tree.root.id, active, actual, target, childTargetSum(ctx, region, indicator),
    completion, expected, gap, cellStatus(active, completion, ctx.settings, gap), computeYoY(actual, lastYear));
}

/**
 * A Cell whose outlook is computed on first read (the overview and the rankings show the
 * city's only). One class for every cell, so the getter is shared, not a closure per cell;
 * `toJSON` includes the outlook, so a serialised cell is the plain data of the interface.
 */
class CellRecord implements Cell {
  regionId: string;
  indicatorId: string;
  isRoot: boolean;
  active: boolean;
  actual: Cell["actual"];
  target: Dec | null;
  childTargetSum: Dec | null;
  completion: Dec | null;
  completionReason: Cell["completionReason"];
  expected: Dec;
  benchmark: Dec;
  gapPoints: Dec | null;
  status: Cell["status"];
  yoy: Cell["yoy"];
  rank: number | null;
  #outlook: Outlook | undefined;
  readonly #context: OutlookContext;
  readonly #indicator: IndicatorDef;

  constructor(
    context: OutlookContext,
    regionId: string,
    indicator: IndicatorDef,
    isRoot: boolean,
    active: boolean,
    actual: Cell["actual"],
    target: Dec | null,
    childTargetSum: Dec | null,
    completion: Completion,
    expected: Dec,
    gapPoints: Dec | null,
    status: Cell["status"],
    yoy: Cell["yoy"],
  ) {
    this.regionId = regionId;
    this.indicatorId = indicator.id;
    this.isRoot = isRoot;
    this.active = active;
    this.actual = actual;
    this.target = target;
    this.childTargetSum = childTargetSum;
    this.completion = completion.value;
    this.completionReason = completion.reason;
    this.expected = expected;
    this.benchmark = completion.benchmark;
    this.gapPoints = gapPoints;
    this.status = status;
    this.yoy = yoy;
    this.rank = null;
    this.#context = context;
    this.#indicator = indicator;
  }

  get outlook(): Outlook {
    return (this.#outlook ??= computeOutlook(this.#context, this.#indicator, this.regionId, this.actual, this.target));
  }

  toJSON(): Cell {
    return { ...this, outlook: this.outlook };
  }
}

/** Ranks the counties' cells of one indicator (setting `rank` on them) and lists the laggards. */
function rankIndicator(indicator: IndicatorDef, expected: Dec, countyCells: readonly Cell[]): IndicatorRanking {
  const ranked = rankWithTies(countyCells, (c) => c.completion);
  for (const { item, rank } of ranked) item.rank = rank;
  const laggards = countyCells
    .filter((c) => isLaggard(c.status))
    .map((c, index) => ({ c, index }))
    .sort((a, b) => (a.c.completion ?? ZERO).cmp(b.c.completion ?? ZERO) || a.index - b.index);
  return {
    indicatorId: indicator.id,
    expected,
    entries: ranked.map(({ item, rank }) => ({
      regionId: item.regionId,
      rank,
      completion: item.completion,
      gapPoints: item.gapPoints,
      status: item.status,
    })),
    laggardRegionIds: laggards.map((l) => l.c.regionId),
  };
}

/**
 * The composite scores completion against the schedule: completion ÷ benchmark (序时进度
 * for higher-is-better, 1 for lower-is-better). A county exactly on schedule in June earns
 * full marks, as one on target in December does; at month 12 it is completion against the
 * annual target. While nothing is yet expected (a curve at 0), any progress is on schedule.
 */
export function scheduleCompletion(cell: Pick<Cell, "completion" | "benchmark">): Dec | null {
  if (cell.completion === null) return null;
  if (cell.benchmark.isZero()) return ONE;
  return cell.completion.dividedBy(cell.benchmark);
}

function scoreInputs(cells: readonly Cell[], indicators: ReadonlyMap<string, IndicatorDef>): ScoreInput[] {
  return cells.map((c) => ({
    indicatorId: c.indicatorId,
    weight: indicators.get(c.indicatorId)?.weight ?? ZERO,
    completion: scheduleCompletion(c),
    hasTarget: c.completionReason !== "NO_TARGET" && c.completionReason !== "INVALID_TARGET",
  }));
}

function compositeRanking(
  ctx: Context,
  cellsOf: (regionId: string) => Cell[],
  indicators: ReadonlyMap<string, IndicatorDef>,
): CompositeRanking {
  const cache = new ScoreCache();
  const score = (regionId: string) =>
    compositeScore(regionId, scoreInputs(cellsOf(regionId), indicators), ctx.settings.composite, cache);
  return {
    entries: rankComposite(ctx.tree.counties.map((c) => score(c.id))),
    city: score(ctx.tree.root.id),
  };
}

function prepare(input: PeriodInput) {
  assertYear(input.year);
  assertMonth(input.month);
  const settings = resolveSettings(input.settings);
  const tree = buildRegionTree(input.regions);
  const indicators = indexIndicators(input.indicators);
  const resolver = createActualResolver(
    tree,
    indicators,
    buildFillIndex(input.fills, settings.countedStatuses),
    buildRollupIndex(input.rollups),
  );
  return { settings, tree, indicators, resolver };
}

/** The regions that fill: active, below the root, without active children — in tree order. */
export function reportingRegionIds(tree: RegionTree): string[] {
  return tree.ordered.filter((r) => r.id !== tree.root.id && tree.isActive(r.id) && tree.isLeaf(r.id)).map((r) => r.id);
}

/** What computePeriod built for a result (its resolver memoises every lookup), for ranksAt to reuse. */
const contexts = new WeakMap<PeriodResult, Context>();

/**
 * The counties' ranks for one indicator at another month of the input's year (e.g. last
 * month's, for the rank change) — completion only, without the rest of computePeriod.
 * `computed`: the result of computePeriod on this same input, whose indexes and resolver
 * are then reused instead of built again.
 */
export function ranksAt(input: PeriodInput, indicatorId: string, month: number, computed?: PeriodResult): Map<string, number | null> {
  assertMonth(month);
  const built = computed ? contexts.get(computed) : undefined;
  const { settings, tree, indicators, resolver, targets } =
    built?.input === input ? built : { ...prepare({ ...input, month }), targets: indexTargets(input.targets) };
  const indicator = indicators.get(indicatorId);
  if (!indicator) throw new MetricsInputError(`unknown indicator ${indicatorId}`);
  const expected = expectedProgress(month, indicator.curve);
  const completions = tree.counties.map((county) => ({
    regionId: county.id,
    completion: computeCompletion({
      actual: resolver.actual(county.id, indicatorId, input.year, month).value,
      target: targets.get(key(county.id, indicatorId)) ?? null,
      direction: indicator.direction,
      kind: indicator.kind,
      expected,
      lowerIsBetterCap: settings.lowerIsBetterCap,
    }).value,
  }));
  return new Map(rankWithTies(completions, (c) => c.completion).map(({ item, rank }) => [item.regionId, rank]));
}

export function computePeriod(input: PeriodInput): PeriodResult {
  const { settings, tree, indicators, resolver } = prepare(input);
  const ctx: Context = {
    input,
    settings,
    tree,
    indicators,
    targets: indexTargets(input.targets),
    resolver,
    outlook: { resolver, indicators, year: input.year, month: input.month, lowerIsBetterCap: settings.lowerIsBetterCap },
    expected: new Map(input.indicators.map((i) => [i.id, expectedProgress(input.month, i.curve)])),
  };

  const cells = tree.ordered.flatMap((region) => input.indicators.map((indicator) => buildCell(ctx, region, indicator)));
  const byKey = new Map(cells.map((c) => [key(c.regionId, c.indicatorId), c]));
  const cellOf = (regionId: string, indicatorId: string): Cell[] => {
    const cell = byKey.get(key(regionId, indicatorId));
    return cell ? [cell] : [];
  };
  const cellsOf = (regionId: string): Cell[] => input.indicators.flatMap((i) => cellOf(regionId, i.id));
  const countyIds = tree.counties.map((c) => c.id);
  const expected: Record<string, Dec> = {};
  const rankings = input.indicators.map((indicator) => {
    const progress = ctx.expected.get(indicator.id)!;
    expected[indicator.id] = progress;
    return rankIndicator(indicator, progress, countyIds.flatMap((r) => cellOf(r, indicator.id)));
  });

  const result = {
    year: input.year,
    month: input.month,
    rootRegionId: tree.root.id,
    countyIds,
    expected,
    cells,
    city: cellsOf(tree.root.id),
    rankings,
  } as PeriodResult;
  contexts.set(result, ctx);
  // computed on first read: a single indicator's ranking shows neither
  lazy(result, "composite", () => compositeRanking(ctx, cellsOf, indicators));
  lazy(result, "completeness", () =>
    computeCompleteness({
      year: input.year,
      month: input.month,
      asOf: input.asOf,
      deadlineDay: settings.deadlineDay,
      regionIds: input.reporting?.regionIds ?? reportingRegionIds(tree),
      indicators: input.indicators,
      fills: input.reporting ? input.reporting.fills : input.fills,
      reports: input.reporting?.reports,
    }),
  );
  return result;
}

/** Defines `object[name]` as computed on first read (and kept); enumerable, so it serialises like a plain field. */
function lazy<T extends object, K extends keyof T>(object: T, name: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  let done = false;
  Object.defineProperty(object, name, {
    enumerable: true,
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value as T[K];
    },
  });
}

/** The cell of a region × indicator in a result (undefined when either is unknown). */
export function getCell(result: PeriodResult, regionId: string, indicatorId: string): Cell | undefined {
  return result.cells.find((c) => c.regionId === regionId && c.indicatorId === indicatorId);
}
