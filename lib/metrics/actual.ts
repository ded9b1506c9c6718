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
import { Dec } from "../dec";
import { aggregateActuals, differenceActual, missingActual, ownActual, ratioActual } from "./aggregate";
import type { FillIndex } from "./fills";
import { latestDueMonth } from "./progress";
import type { RegionTree } from "./regions";
import { buildRollupIndex, type RollupIndex } from "./rollup";
import type { Actual, IndicatorDef } from "./types";
import { MetricsInputError, ONE, key } from "./util";

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
  const memo = new Map<string, Actual>();
  const inProgress = new Set<string>();

  const indicator = (id: string): IndicatorDef => {
    const found = indicators.get(id);
    if (!found) throw new MetricsInputError(`unknown indicator ${id}`);
    return found;
  };

  const memoised = (fn: string, r: string, i: string, y: number, m: number, compute: () => Actual): Actual => {
    const k = key(fn, r, i, y, m);
    const hit = memo.get(k);
    if (hit) return hit;
    if (inProgress.has(k)) throw new MetricsInputError(`ratio indicator ${i} refers to itself`);
    inProgress.add(k);
    const result = compute();
    inProgress.delete(k);
    memo.set(k, result);
    return result;
  };

  const reportsItself = (r: string, i: string, y: number, m: number): boolean =>
    tree.isLeaf(r) || fills.latest(r, i, y, m) !== undefined;

  const ownLevel = (r: string, i: string, y: number, m: number): Actual => {
    const fill = fills.latest(r, i, y, m);
    if (!fill) return missingActual("NO_DATA");
    const stale = fill.month < latestDueMonth(m, indicator(i).frequency);
    return ownActual(fill.value, fill.month, stale);
  };

  const overChildren = (r: string, each: (childId: string) => Actual): Actual =>
    aggregateActuals(tree.activeChildren(r).map((c) => ({ regionId: c.id, actual: each(c.id) })));

  // rolled-up regions: straight from the roll-up rows (memoised there)
  const level = (r: string, i: string, y: number, m: number): Actual =>
    rollups.has(r)
      ? rollups.actual("LEVEL", r, i, y, m, indicator(i).frequency)
      : memoised("level", r, i, y, m, () =>
          reportsItself(r, i, y, m) ? ownLevel(r, i, y, m) : overChildren(r, (c) => level(c, i, y, m)),
        );

  const netChange = (r: string, i: string, y: number, m: number): Actual =>
    rollups.has(r)
      ? rollups.actual("NET", r, i, y, m, indicator(i).frequency)
      : memoised("net", r, i, y, m, () =>
          reportsItself(r, i, y, m)
            ? differenceActual(ownLevel(r, i, y, m), level(r, i, y - 1, 12))
            : overChildren(r, (c) => netChange(c, i, y, m)),
        );

  const ratio = (r: string, def: IndicatorDef, y: number, m: number): Actual => {
    if (!def.numeratorId || !def.denominatorId) {
      throw new MetricsInputError(`ratio indicator ${def.id} needs a numerator and a denominator`);
    }
    const factor = def.ratioFactor ?? ONE;
    return ratioActual(actual(r, def.numeratorId, y, m), actual(r, def.denominatorId, y, m), factor);
  };

  const actual = (r: string, i: string, y: number, m: number): Actual => {
    // a rolled-up region's level and net change are memoised by the roll-up rows already:
    // no second layer of memo keys for the most frequent lookups
    if (rollups.has(r)) {
      const kind = indicator(i).kind;
      if (kind !== "RATIO") return kind === "INCREMENT" ? netChange(r, i, y, m) : level(r, i, y, m);
    }
    return memoisedActual(r, i, y, m);
  };

  const memoisedActual = (r: string, i: string, y: number, m: number): Actual =>
    memoised("actual", r, i, y, m, () => {
      const def = indicator(i);
      switch (def.kind) {
        case "CUMULATIVE":
        case "STOCK":
          return level(r, i, y, m);
        case "INCREMENT":
          return netChange(r, i, y, m);
        case "RATIO":
          return ratio(r, def, y, m);
      }
    });

  return { actual, level, netChange };
}

/** Exported for tests and callers with a single region: RATIO of two plain values. */
export function ratioValue(numerator: Dec, denominator: Dec, factor: Dec = ONE): Dec | null {
  return denominator.isZero() ? null : numerator.div(denominator).times(factor);
}
