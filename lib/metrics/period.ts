/**
 * computePeriod: everything the dashboards show for one tenant and one (year, month).
 * See the modules for each rule: actual.ts, aggregate.ts, completion.ts, status.ts,
 * yoy.ts, ranking.ts, composite.ts, outlook.ts, completeness.ts.
 */
import { Decimal, ONE, ZERO } from "../decimal";
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
  CompletenessResult,
  CompositeRanking,
  CompositeScore,
  IndicatorDef,
  IndicatorRanking,
  MetricsSettings,
  Outlook,
  PeriodInput,
  PeriodResult,
  RegionDef,
  TargetRow,
} from "./types";
import { MetricsInputError, assertMonth, assertYear, derived } from "./util";
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

/** The targets by region and indicator (the rows' own id strings as keys: no key string per lookup). */
export interface TargetIndex {
  get(regionId: string, indicatorId: string): Decimal | undefined;
}

/** Indexes targets by (region, indicator); throws on duplicates. */
export function indexTargets(targets: readonly TargetRow[]): TargetIndex {
  const byRegion = new Map<string, Map<string, Decimal>>();
  for (const t of targets) {
    let byIndicator = byRegion.get(t.regionId);
    if (!byIndicator) byRegion.set(t.regionId, (byIndicator = new Map()));
    if (byIndicator.has(t.indicatorId)) throw new MetricsInputError(`duplicate target for region ${t.regionId}, indicator ${t.indicatorId}`);
    byIndicator.set(t.indicatorId, t.value);
  }
  return new Targets(byRegion);
}

/** A class, not closures: built per computation (see regions.ts). */
class Targets implements TargetIndex {
  declare private readonly byRegion: ReadonlyMap<string, ReadonlyMap<string, Decimal>>;

  constructor(byRegion: ReadonlyMap<string, ReadonlyMap<string, Decimal>>) {
    this.byRegion = byRegion;
  }

  get(regionId: string, indicatorId: string): Decimal | undefined {
    return this.byRegion.get(regionId)?.get(indicatorId);
  }
}

interface Context {
  input: PeriodInput;
  settings: ResolvedSettings;
  tree: RegionTree;
  indicators: ReadonlyMap<string, IndicatorDef>;
  targets: TargetIndex;
  resolver: ActualResolver;
  outlook: OutlookContext;
  /** 序时进度 of the month per indicator, in input order (curves validated once, by indexIndicators) */
  expected: Decimal[];
  /** targets from the children's, where a region has none of its own (null: the tenant turned it off) */
  effectiveTargets: EffectiveTargets | null;
}

/**
 * Σ of the active children's targets (children in tree order), to check against a region's own
 * target: null for RATIO indicators, for a region without active children and when none of
 * them has a target.
 */
export function childTargetTotal(
  childIds: readonly string[],
  indicator: Pick<IndicatorDef, "id" | "kind">,
  targets: TargetIndex,
): Decimal | null {
  if (indicator.kind === "RATIO" || childIds.length === 0) return null;
  let total: Decimal | null = null;
  for (const id of childIds) {
    const value = targets.get(id, indicator.id);
    if (value !== undefined) total = (total ?? ZERO).plus(value);
  }
  return total;
}

/**
 * A region's target, or — without one of its own — the Σ of its active children's (each
 * their own or, in turn, their children's), when every child has one; `given`: such sums
 * for regions whose children are not in the tree (rolled-up units). Memoised per region.
 */
class EffectiveTargets {
  readonly #tree: RegionTree;
  readonly #targets: TargetIndex;
  readonly #given: TargetIndex;
  readonly #memo = new Map<string, { value: Decimal | null; fromChildren: boolean }>();

  constructor(tree: RegionTree, targets: TargetIndex, given: TargetIndex) {
    this.#tree = tree;
    this.#targets = targets;
    this.#given = given;
  }

  get(regionId: string, indicator: IndicatorDef): { value: Decimal | null; fromChildren: boolean } {
    const own = this.#targets.get(regionId, indicator.id);
    if (own !== undefined) return { value: own, fromChildren: false };
    if (indicator.kind === "RATIO") return NO_TARGET;
    const key = `${regionId}|${indicator.id}`;
    let found = this.#memo.get(key);
    if (found === undefined) this.#memo.set(key, (found = this.#fromChildren(regionId, indicator)));
    return found;
  }

  #fromChildren(regionId: string, indicator: IndicatorDef): { value: Decimal | null; fromChildren: boolean } {
    const given = this.#given.get(regionId, indicator.id);
    if (given !== undefined) return { value: given, fromChildren: true };
    const children = this.#tree.activeChildren(regionId);
    if (children.length === 0) return NO_TARGET;
    let total = ZERO;
    for (const child of children) {
      const value = this.get(child.id, indicator).value;
      if (value === null) return NO_TARGET;
      total = total.plus(value);
    }
    return { value: total, fromChildren: true };
  }
}

const NO_TARGET = Object.freeze({ value: null, fromChildren: false });

/**
 * The Σ of the children's targets (as EffectiveTargets) of each of `regionIds` that has no
 * target of its own — for a loader that hands the engine those regions without their children.
 */
export function targetsFromChildren(
  tree: RegionTree,
  regionIds: readonly string[],
  indicators: readonly IndicatorDef[],
  targets: readonly TargetRow[],
): TargetRow[] {
  const effective = new EffectiveTargets(tree, indexTargets(targets), indexTargets([]));
  const rows: TargetRow[] = [];
  for (const regionId of regionIds) {
    for (const indicator of indicators) {
      const { value, fromChildren } = effective.get(regionId, indicator);
      if (fromChildren && value !== null) rows.push({ regionId, indicatorId: indicator.id, value });
    }
  }
  return rows;
}

function buildCell(ctx: Context, region: RegionDef, indicator: IndicatorDef, expected: Decimal): Cell {
  const { year, month } = ctx.input;
  const active = ctx.tree.isActive(region.id);
  const actual = ctx.resolver.actual(region.id, indicator.id, year, month);
  const own = ctx.targets.get(region.id, indicator.id);
  const effective = own === undefined && ctx.effectiveTargets ? ctx.effectiveTargets.get(region.id, indicator) : null;
  const target = own ?? effective?.value ?? null;
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
  const children = ctx.tree.activeChildren(region.id);
  const childTargetSum = children.length === 0 ? null : childTargetTotal(children.map(idOf), indicator, ctx.targets);
  const cell = new CellRecord(ctx.outlook, region.id, indicator, region.id === ctx.tree.root.id, active, actual, target, childTargetSum,
    completion, expected, gap, cellStatus(active, completion, ctx.settings, gap), computeYoY(actual, lastYear));
  // only where it applies: a cell measured against its own target has no such field
  if (effective?.fromChildren && target !== null) cell.targetFromChildren = true;
  return cell;
}

/**
 * A Cell whose outlook is computed on first read (the overview and the rankings show the
 * city's only). One class for every cell, so the getter is shared, not a closure per cell;
 * `toJSON` includes the outlook, so a serialised cell is the plain data of the interface.
 */
class CellRecord implements Cell {
  // `declare`: the fields are made by the constructor's assignments, in this order (the order
  // of the plain data), without a class-field initialiser run per cell first
  declare regionId: string;
  declare indicatorId: string;
  declare isRoot: boolean;
  declare active: boolean;
  declare actual: Cell["actual"];
  declare target: Decimal | null;
  declare childTargetSum: Decimal | null;
  declare completion: Decimal | null;
  declare completionReason: Cell["completionReason"];
  declare expected: Decimal;
  declare benchmark: Decimal;
  declare gapPoints: Decimal | null;
  declare status: Cell["status"];
  declare yoy: Cell["yoy"];
  declare rank: number | null;
  declare targetFromChildren?: true;
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
    target: Decimal | null,
    childTargetSum: Decimal | null,
    completion: Completion,
    expected: Decimal,
    gapPoints: Decimal | null,
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

// callbacks at module level: functions made per call lose their optimised code at every full
// garbage collection (see regions.ts)
const idOf = (r: { id: string }): string => r.id;
const completionOf = (c: { completion: Decimal | null }): Decimal | null => c.completion;
/** Laggards worst first (no completion counts as 0), then in county order (the stable sort keeps it). */
const byCompletion = (a: Cell, b: Cell): number => (a.completion ?? ZERO).cmp(b.completion ?? ZERO);

/** Ranks the counties' cells of one indicator (setting `rank` on them) and lists the laggards. */
function rankIndicator(indicator: IndicatorDef, expected: Decimal, countyCells: readonly Cell[]): IndicatorRanking {
  const ranked = rankWithTies(countyCells, completionOf);
  const entries: IndicatorRanking["entries"] = new Array(ranked.length);
  for (let k = 0; k < ranked.length; k++) {
    const { item, rank } = ranked[k]!;
    item.rank = rank;
    entries[k] = { regionId: item.regionId, rank, completion: item.completion, gapPoints: item.gapPoints, status: item.status };
  }
  const laggards: Cell[] = [];
  for (const c of countyCells) if (isLaggard(c.status)) laggards.push(c);
  laggards.sort(byCompletion);
  const laggardRegionIds: string[] = new Array(laggards.length);
  for (let k = 0; k < laggards.length; k++) laggardRegionIds[k] = laggards[k]!.regionId;
  return { indicatorId: indicator.id, expected, entries, laggardRegionIds };
}

/**
 * The composite scores completion against the schedule: completion ÷ benchmark (序时进度
 * for higher-is-better, 1 for lower-is-better). A county exactly on schedule in June earns
 * full marks, as one on target in December does; at month 12 it is completion against the
 * annual target. While nothing is yet expected (a curve at 0), any progress is on schedule.
 */
function scheduleCompletion(cell: Pick<Cell, "completion" | "benchmark">): Decimal | null {
  if (cell.completion === null) return null;
  if (cell.benchmark.isZero()) return ONE;
  return cell.completion.div(cell.benchmark);
}

/** The score inputs of one region: its cells, consecutive from `first`, one per indicator. */
function scoreInputs(cells: readonly Cell[], first: number, indicators: readonly IndicatorDef[]): ScoreInput[] {
  const inputs: ScoreInput[] = new Array(indicators.length);
  for (let j = 0; j < indicators.length; j++) {
    const c = cells[first + j]!;
    inputs[j] = {
      indicatorId: c.indicatorId,
      weight: indicators[j]!.weight,
      completion: scheduleCompletion(c),
      hasTarget: c.completionReason !== "NO_TARGET" && c.completionReason !== "INVALID_TARGET",
    };
  }
  return inputs;
}

function compositeRanking(ctx: Context, cells: readonly Cell[], firstCell: ReadonlyMap<string, number>): CompositeRanking {
  const cache = new ScoreCache();
  const { indicators } = ctx.input;
  const { composite } = ctx.settings;
  const counties = ctx.tree.counties;
  const scores: CompositeScore[] = new Array(counties.length);
  for (let k = 0; k < counties.length; k++) {
    const id = counties[k]!.id;
    scores[k] = compositeScore(id, scoreInputs(cells, firstCell.get(id)!, indicators), composite, cache);
  }
  const root = ctx.tree.root.id;
  return { entries: rankComposite(scores), city: compositeScore(root, scoreInputs(cells, firstCell.get(root)!, indicators), composite, cache) };
}

/**
 * What the engine derives from the regions, the indicators and the settings, kept per input
 * object: the input is read-only data, and a loader that hands over the same configuration
 * objects on every call (the roll-up loader does) has them built once, not per computation.
 */
const trees = new WeakMap<readonly RegionDef[], RegionTree>();
const indicatorIndexes = new WeakMap<readonly IndicatorDef[], Map<string, IndicatorDef>>();
const resolvedSettings = new WeakMap<MetricsSettings, ResolvedSettings>();

function prepare(input: PeriodInput) {
  assertYear(input.year);
  assertMonth(input.month);
  const settings = derived(resolvedSettings, input.settings, resolveSettings);
  const tree = derived(trees, input.regions, buildRegionTree);
  const indicators = derived(indicatorIndexes, input.indicators, indexIndicators);
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
  const ids: string[] = [];
  for (const r of tree.ordered) if (r.id !== tree.root.id && tree.isActive(r.id) && tree.isLeaf(r.id)) ids.push(r.id);
  return ids;
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
  const effective = settings.childTargets === false ? null : new EffectiveTargets(tree, targets, indexTargets(input.childTargets ?? []));
  const completions: { regionId: string; completion: Decimal | null }[] = [];
  for (const county of tree.counties) {
    completions.push({
      regionId: county.id,
      completion: computeCompletion({
        actual: resolver.actual(county.id, indicatorId, input.year, month).value,
        target: targets.get(county.id, indicatorId) ?? effective?.get(county.id, indicator).value ?? null,
        direction: indicator.direction,
        kind: indicator.kind,
        expected,
        lowerIsBetterCap: settings.lowerIsBetterCap,
      }).value,
    });
  }
  const ranks = new Map<string, number | null>();
  for (const { item, rank } of rankWithTies(completions, completionOf)) ranks.set(item.regionId, rank);
  return ranks;
}

export function computePeriod(input: PeriodInput): PeriodResult {
  const { settings, tree, indicators, resolver } = prepare(input);
  const ctx: Context = {
    input,
    settings,
    tree,
    indicators,
    targets: indexTargets(input.targets),
    effectiveTargets: null,
    resolver,
    outlook: { resolver, indicators, year: input.year, month: input.month, lowerIsBetterCap: settings.lowerIsBetterCap },
    expected: [],
  };
  if (settings.childTargets !== false) ctx.effectiveTargets = new EffectiveTargets(tree, ctx.targets, indexTargets(input.childTargets ?? []));
  const n = input.indicators.length;
  for (let j = 0; j < n; j++) ctx.expected.push(expectedProgress(input.month, input.indicators[j]!.curve));

  // every region (tree order) × every indicator (input order): a region's cells are consecutive
  const ordered = tree.ordered;
  const cells: Cell[] = new Array(ordered.length * n);
  const firstCell = new Map<string, number>();
  for (let r = 0; r < ordered.length; r++) {
    const region = ordered[r]!;
    firstCell.set(region.id, r * n);
    for (let j = 0; j < n; j++) cells[r * n + j] = buildCell(ctx, region, input.indicators[j]!, ctx.expected[j]!);
  }
  const counties = tree.counties;
  const countyIds: string[] = new Array(counties.length);
  for (let k = 0; k < counties.length; k++) countyIds[k] = counties[k]!.id;
  const expected: Record<string, Decimal> = {};
  const rankings: IndicatorRanking[] = new Array(n);
  const countyCells: Cell[] = new Array(counties.length);
  for (let j = 0; j < n; j++) {
    const indicator = input.indicators[j]!;
    expected[indicator.id] = ctx.expected[j]!;
    for (let k = 0; k < counties.length; k++) countyCells[k] = cells[firstCell.get(countyIds[k]!)! + j]!;
    rankings[j] = rankIndicator(indicator, ctx.expected[j]!, countyCells);
  }
  const rootFirst = firstCell.get(tree.root.id)!;
  const result = new Result(ctx, countyIds, expected, cells, cells.slice(rootFirst, rootFirst + n), rankings, firstCell);
  contexts.set(result, ctx);
  return result;
}

/**
 * A PeriodResult whose composite and completeness are computed on first read (a single
 * indicator's ranking shows neither). A class with getters, not a property defined per result:
 * `toJSON` gives the plain data of the interface, in its field order.
 */
class Result implements PeriodResult {
  readonly year: number;
  readonly month: number;
  readonly rootRegionId: string;
  readonly countyIds: string[];
  readonly expected: Record<string, Decimal>;
  readonly cells: Cell[];
  readonly city: Cell[];
  readonly rankings: IndicatorRanking[];
  readonly #ctx: Context;
  readonly #firstCell: ReadonlyMap<string, number>;
  #composite: CompositeRanking | undefined;
  #completeness: CompletenessResult | undefined;

  constructor(
    ctx: Context,
    countyIds: string[],
    expected: Record<string, Decimal>,
    cells: Cell[],
    city: Cell[],
    rankings: IndicatorRanking[],
    firstCell: ReadonlyMap<string, number>,
  ) {
    this.year = ctx.input.year;
    this.month = ctx.input.month;
    this.rootRegionId = ctx.tree.root.id;
    this.countyIds = countyIds;
    this.expected = expected;
    this.cells = cells;
    this.city = city;
    this.rankings = rankings;
    this.#ctx = ctx;
    this.#firstCell = firstCell;
  }

  get composite(): CompositeRanking {
    return (this.#composite ??= compositeRanking(this.#ctx, this.cells, this.#firstCell));
  }

  get completeness(): CompletenessResult {
    const { input, settings, tree } = this.#ctx;
    return (this.#completeness ??= computeCompleteness({
      year: input.year,
      month: input.month,
      asOf: input.asOf,
      deadlineDay: settings.deadlineDay,
      regionIds: input.reporting?.regionIds ?? reportingRegionIds(tree),
      indicators: input.indicators,
      fills: input.reporting ? input.reporting.fills : input.fills,
      reports: input.reporting?.reports,
    }));
  }

  toJSON(): PeriodResult {
    return {
      year: this.year,
      month: this.month,
      rootRegionId: this.rootRegionId,
      countyIds: this.countyIds,
      expected: this.expected,
      cells: this.cells,
      city: this.city,
      rankings: this.rankings,
      composite: this.composite,
      completeness: this.completeness,
    };
  }
}

/** The cell of a region × indicator in a result (undefined when either is unknown). */
export function getCell(result: PeriodResult, regionId: string, indicatorId: string): Cell | undefined {
  return result.cells.find((c) => c.regionId === regionId && c.indicatorId === indicatorId);
}
