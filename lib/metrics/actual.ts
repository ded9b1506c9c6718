/**
 * Actuals per indicator kind (DESIGN.md §3):
 * - CUMULATIVE: the year-to-date fill at the month.
 * - STOCK: the level at the month.
 * - INCREMENT: the level at the month − the level at the end of last year (net increase);
 *   without last year's closing level the actual is missing with reason NO_BASELINE.
 * - RATIO: numerator actual / denominator actual × ratioFactor — computed, never typed;
 *   for a parent both parts are sums, so the ratio is the ratio of sums.
 *
 * Missing month (carry-forward): when the month has no counted fill, the latest earlier
 * counted fill of the same year is used and the actual is flagged `stale` with the
 * `monthUsed`. A value is stale only when that month is before the latest month due
 * for the indicator's frequency (a QUARTERLY figure from March is current in May).
 * Nothing is carried across years: in a month before the first fill of the year the
 * actual is missing (NO_DATA), never 0. The INCREMENT baseline is last year's latest
 * fill up to December (flagged stale if it is not December's).
 *
 * Who reports: a region with no active children uses its own fills. A parent uses its
 * own fills for an indicator in a year when it has any counted fill of that indicator
 * in that year up to the month; otherwise (the normal case — the city does not report
 * itself) its actual is aggregated from its active children (see aggregate.ts).
 *
 * Rolled-up regions (rollup.ts): their levels and net changes come from the roll-up rows
 * the loader supplies, never from fills or children.
 */
import { Decimal, ONE } from "../decimal";
import { ActualSum, differenceActual, missingActual, ownActual, ratioActual } from "./aggregate";
import type { FillIndex } from "./fills";
import { latestDueMonth } from "./progress";
import type { RegionTree } from "./regions";
import { buildRollupIndex, type RollupIndex } from "./rollup";
import type { Actual, IndicatorDef } from "./types";
import { MetricsInputError, derived } from "./util";

/** The memoised functions, numbered for the memo's key. */
const LEVEL = 0;
const NET = 1;
const ACTUAL = 2;
type Memo = typeof LEVEL | typeof NET | typeof ACTUAL;
const IN_PROGRESS = Symbol("in progress");

export interface ActualResolver {
  /** The actual compared with the target: YTD, level, net increase or ratio, by kind. */
  actual(regionId: string, indicatorId: string, year: number, month: number): Actual;
  /** The reported series — YTD (CUMULATIVE) or level (STOCK, INCREMENT) — own or summed. */
  level(regionId: string, indicatorId: string, year: number, month: number): Actual;
  /** Level at the month − level at the end of the previous year (used for STOCK and INCREMENT). */
  netChange(regionId: string, indicatorId: string, year: number, month: number): Actual;
}

export function createActualResolver(
  tree: RegionTree,
  indicators: ReadonlyMap<string, IndicatorDef>,
  fills: FillIndex,
  rollups: RollupIndex = buildRollupIndex(undefined),
): ActualResolver {
  return new Resolver(tree, indicators, fills, rollups);
}

/** The indicators' positions, per indicator index (the engine keeps one per configuration). */
const indicatorNumbers = new WeakMap<ReadonlyMap<string, IndicatorDef>, ReadonlyMap<string, number>>();
const numberIndicators = (indicators: ReadonlyMap<string, IndicatorDef>): ReadonlyMap<string, number> =>
  new Map([...indicators.keys()].map((id, k) => [id, k]));

/**
 * The resolver as a class, not an object of closures: one is built per computation, and
 * closures made per call lose their optimised code at every full garbage collection.
 *
 * Memo: region → (indicator, function) → year × 16 + month → Actual, with no string built
 * per lookup. IN_PROGRESS marks a computation under way: a ratio that refers to itself,
 * directly or through its parts, comes back to it and is refused.
 */
class Resolver implements ActualResolver {
  // `declare`d and assigned in the constructor: no class-field initialiser run per resolver
  declare private readonly tree: RegionTree;
  declare private readonly indicators: ReadonlyMap<string, IndicatorDef>;
  declare private readonly fills: FillIndex;
  declare private readonly rollups: RollupIndex;
  declare private readonly indicatorNumber: ReadonlyMap<string, number>;
  declare private readonly slotsPerRegion: number;
  declare private readonly memo: Map<string, (Map<number, Actual | typeof IN_PROGRESS> | undefined)[]>;

  constructor(tree: RegionTree, indicators: ReadonlyMap<string, IndicatorDef>, fills: FillIndex, rollups: RollupIndex) {
    this.tree = tree;
    this.indicators = indicators;
    this.fills = fills;
    this.rollups = rollups;
    this.memo = new Map();
    this.indicatorNumber = derived(indicatorNumbers, indicators, numberIndicators);
    this.slotsPerRegion = this.indicatorNumber.size * 3;
  }

  /** The actual compared with the target: YTD, level, net increase or ratio, by kind. */
  actual(r: string, i: string, y: number, m: number): Actual {
    return this.actualOf(r, this.indicator(i), y, m);
  }

  /** The reported series — YTD (CUMULATIVE) or level (STOCK, INCREMENT) — own or summed. */
  level(r: string, i: string, y: number, m: number): Actual {
    return this.levelOf(r, this.indicator(i), y, m);
  }

  /** Level at the month − level at the end of the previous year (used for STOCK and INCREMENT). */
  netChange(r: string, i: string, y: number, m: number): Actual {
    return this.netChangeOf(r, this.indicator(i), y, m);
  }

  // the indicator looked up once per request, not at every step

  private actualOf(r: string, def: IndicatorDef, y: number, m: number): Actual {
    // a rolled-up region's level and net change are memoised by the roll-up rows already:
    // no second layer of memo for the most frequent lookups
    if (def.kind !== "RATIO" && this.rollups.has(r)) {
      return this.rollups.actual(def.kind === "INCREMENT" ? "NET" : "LEVEL", r, def.id, y, m, def.frequency);
    }
    return this.memoised(ACTUAL, r, def, y, m);
  }

  private levelOf(r: string, def: IndicatorDef, y: number, m: number): Actual {
    // rolled-up regions: straight from the roll-up rows (memoised there)
    return this.rollups.has(r) ? this.rollups.actual("LEVEL", r, def.id, y, m, def.frequency) : this.memoised(LEVEL, r, def, y, m);
  }

  private netChangeOf(r: string, def: IndicatorDef, y: number, m: number): Actual {
    return this.rollups.has(r) ? this.rollups.actual("NET", r, def.id, y, m, def.frequency) : this.memoised(NET, r, def, y, m);
  }

  private indicator(id: string): IndicatorDef {
    const found = this.indicators.get(id);
    if (!found) throw new MetricsInputError(`unknown indicator ${id}`);
    return found;
  }

  private memoised(fn: Memo, r: string, def: IndicatorDef, y: number, m: number): Actual {
    const ind = this.indicatorNumber.get(def.id)!;
    let slots = this.memo.get(r);
    if (!slots) this.memo.set(r, (slots = new Array(this.slotsPerRegion)));
    let byPoint = slots[ind * 3 + fn];
    if (!byPoint) slots[ind * 3 + fn] = byPoint = new Map();
    const point = y * 16 + m;
    const hit = byPoint.get(point);
    if (hit === IN_PROGRESS) throw new MetricsInputError(`ratio indicator ${def.id} refers to itself`);
    if (hit) return hit;
    byPoint.set(point, IN_PROGRESS);
    try {
      const result = this.compute(fn, r, def, y, m);
      byPoint.set(point, result);
      return result;
    } catch (error) {
      byPoint.delete(point);
      throw error;
    }
  }

  private compute(fn: Memo, r: string, def: IndicatorDef, y: number, m: number): Actual {
    if (fn === LEVEL) return this.reportsItself(r, def, y, m) ? this.ownLevel(r, def, y, m) : this.overChildren(LEVEL, r, def, y, m);
    if (fn === NET) {
      return this.reportsItself(r, def, y, m)
        ? differenceActual(this.ownLevel(r, def, y, m), this.levelOf(r, def, y - 1, 12))
        : this.overChildren(NET, r, def, y, m);
    }
    switch (def.kind) {
      case "CUMULATIVE":
      case "STOCK":
        return this.levelOf(r, def, y, m);
      case "INCREMENT":
        return this.netChangeOf(r, def, y, m);
      case "RATIO":
        return this.ratio(r, def, y, m);
    }
  }

  private reportsItself(r: string, def: IndicatorDef, y: number, m: number): boolean {
    return this.tree.isLeaf(r) || this.fills.latest(r, def.id, y, m) !== undefined;
  }

  private ownLevel(r: string, def: IndicatorDef, y: number, m: number): Actual {
    const fill = this.fills.latest(r, def.id, y, m);
    if (!fill) return missingActual("NO_DATA");
    const stale = fill.month < latestDueMonth(m, def.frequency);
    return ownActual(fill.value, fill.month, stale);
  }

  private overChildren(fn: typeof LEVEL | typeof NET, r: string, def: IndicatorDef, y: number, m: number): Actual {
    const sum = new ActualSum();
    for (const child of this.tree.activeChildren(r)) {
      sum.add(child.id, fn === LEVEL ? this.levelOf(child.id, def, y, m) : this.netChangeOf(child.id, def, y, m));
    }
    return sum.result();
  }

  private ratio(r: string, def: IndicatorDef, y: number, m: number): Actual {
    if (!def.numeratorId || !def.denominatorId) {
      throw new MetricsInputError(`ratio indicator ${def.id} needs a numerator and a denominator`);
    }
    const factor = def.ratioFactor ?? ONE;
    return ratioActual(this.actual(r, def.numeratorId, y, m), this.actual(r, def.denominatorId, y, m), factor);
  }
}

/** Exported for tests and callers with a single region: RATIO of two plain values. */
export function ratioValue(numerator: Decimal, denominator: Decimal, factor: Decimal = ONE): Decimal | null {
  return denominator.isZero() ? null : numerator.div(denominator).times(factor);
}
