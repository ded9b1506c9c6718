/**
 * Roll-ups: a region's figures summed from its leaves elsewhere (by the database), handed
 * to the engine instead of the leaves' fills. The period loader uses them for the children
 * of the root (the ranked units), so the engine works on root + units however deep the
 * tree below them is (decision 006).
 *
 * A RollupRow describes, for one region × indicator × point (year, month), the contributing
 * leaves of the region — its active leaf descendants, or the region itself when it is a
 * leaf — each with its latest counted fill of that year at or before the month:
 * - LEVEL: Σ of those values (CUMULATIVE YTD or STOCK/INCREMENT level);
 * - NET: Σ over leaves with both of (level at the point − level at December of the year
 *   before), as `ActualResolver.netChange` sums it.
 * `rollupActual` turns a row into exactly the `Actual` the resolver would have built from
 * the leaves' fills (value, stale, monthUsed, partial, missing regions, reason) — valid
 * when no region between the leaves and the rolled-up region reports itself (see actual.ts;
 * the loader checks this and otherwise loads the fills).
 */
import { NO_REGIONS, missingActual, ownActual } from "./aggregate";
import { latestDueMonth } from "./progress";
import type { Actual, Frequency, RollupMeasure, RollupRow, Rollups } from "./types";
import { MetricsInputError, key } from "./util";

/**
 * The Actual of a rolled-up region. `leaf`: the region reports for itself (its own fill:
 * source FILL, never partial); otherwise it is the sum of its leaves (source AGGREGATE).
 */
export function rollupActual(row: RollupRow, leaf: boolean, frequency: Frequency | undefined): Actual {
  const due = latestDueMonth(row.month, frequency);
  if (row.present === 0) {
    const allNoBaseline =
      row.measure === "NET" && row.noBaseline > 0 && (leaf || row.noBaseline === row.missingRegionIds.length);
    return missingActual(allNoBaseline ? "NO_BASELINE" : "NO_DATA", leaf ? NO_REGIONS : row.missingRegionIds);
  }
  if (row.minUsed === null) throw new MetricsInputError(`roll-up of ${row.regionId} has values but no month used`);
  let stale = row.minUsed < due;
  if (row.measure === "NET") {
    if (row.minBaseUsed === null) throw new MetricsInputError(`net roll-up of ${row.regionId} has no baseline month`);
    stale ||= row.minBaseUsed < latestDueMonth(12, frequency);
  }
  if (leaf) return ownActual(row.sum, row.minUsed, stale);
  return {
    value: row.sum,
    reason: null,
    source: "AGGREGATE",
    stale,
    monthUsed: row.minUsed,
    partial: row.missingRegionIds.length > 0,
    missingRegionIds: row.missingRegionIds,
  };
}

export interface RollupIndex {
  has(regionId: string): boolean;
  /** The Actual of a rolled-up region; throws when the loader did not supply that point. */
  actual(measure: RollupMeasure, regionId: string, indicatorId: string, year: number, month: number, frequency?: Frequency): Actual;
}

/** (measure, year, month) as one number: the innermost key of the index (no string per lookup). */
function pointKey(measure: RollupMeasure, year: number, month: number): number {
  return (year * 16 + month) * 2 + (measure === "NET" ? 1 : 0);
}

/** One rolled-up region × indicator: its rows by point, and their Actuals once asked for. */
interface Points {
  keys: number[];
  rows: RollupRow[];
  actuals: (Actual | undefined)[];
}

export function buildRollupIndex(rollups: Rollups | undefined): RollupIndex {
  return new RollupTable(rollups);
}

/** A class, not closures: one is built per computation (see regions.ts). */
class RollupTable implements RollupIndex {
  declare private readonly leafOf: ReadonlyMap<string, boolean>;
  /** region → indicator → a handful of points, scanned (no map, no key string per lookup) */
  declare private readonly index: Map<string, Map<string, Points>>;

  constructor(rollups: Rollups | undefined) {
    this.index = new Map();
    this.leafOf = new Map((rollups?.regions ?? []).map((r) => [r.regionId, r.leaf]));
    // a loader lists a region × indicator's points one after another: no lookup for those
    let points!: Points;
    let lastRegion: string | undefined;
    let lastIndicator: string | undefined;
    for (const row of rollups?.rows ?? []) {
      if (row.regionId !== lastRegion || row.indicatorId !== lastIndicator) {
        if (!this.leafOf.has(row.regionId)) throw new MetricsInputError(`roll-up row for region ${row.regionId}, which is not rolled up`);
        let byIndicator = this.index.get(row.regionId);
        if (!byIndicator) this.index.set(row.regionId, (byIndicator = new Map()));
        const found = byIndicator.get(row.indicatorId);
        if (found) points = found;
        else byIndicator.set(row.indicatorId, (points = { keys: [], rows: [], actuals: [] }));
        lastRegion = row.regionId;
        lastIndicator = row.indicatorId;
      }
      const k = pointKey(row.measure, row.year, row.month);
      if (points.keys.includes(k)) throw new MetricsInputError(`duplicate roll-up row ${key(row.measure, row.regionId, row.indicatorId, row.year, row.month)}`);
      points.keys.push(k);
      points.rows.push(row);
      points.actuals.push(undefined);
    }
  }

  has(regionId: string): boolean {
    return this.leafOf.has(regionId);
  }

  actual(measure: RollupMeasure, regionId: string, indicatorId: string, year: number, month: number, frequency?: Frequency): Actual {
    const points = this.index.get(regionId)?.get(indicatorId);
    const k = points ? points.keys.indexOf(pointKey(measure, year, month)) : -1;
    if (k < 0) {
      throw new MetricsInputError(`no ${measure} roll-up for region ${regionId}, indicator ${indicatorId}, ${year}-${month}`);
    }
    return (points!.actuals[k] ??= rollupActual(points!.rows[k]!, this.leafOf.get(regionId) ?? false, frequency));
  }
}

export interface RollupPoint {
  year: number;
  month: number;
  /** only STOCK and INCREMENT indicators read it (a baseline of last year's net change) */
  stockOnly: boolean;
}

export interface RollupPlan {
  points: RollupPoint[];
  /** NET pairs (indexes into points): level − baseline, for STOCK and INCREMENT */
  nets: { level: number; base: number }[];
}

/**
 * The points at which computePeriod (and ranksAt for last month, with `previousMonth`)
 * reads a rolled-up region at (year, month): this month, last month, the same month last
 * year, last December and — for the net change of last year — the December before.
 * `wholeYear` (the county page: computePeriod at every month up to `month`, and last year's
 * monthly series): every month of the year up to `month` and every month of last year.
 */
export function rollupPlan(year: number, month: number, options: { previousMonth?: boolean; wholeYear?: boolean } = {}): RollupPlan {
  const points: RollupPoint[] = [];
  const at = (y: number, m: number, stockOnly = false): number => {
    const found = points.findIndex((p) => p.year === y && p.month === m);
    if (found >= 0) {
      points[found].stockOnly &&= stockOnly;
      return found;
    }
    return points.push({ year: y, month: m, stockOnly }) - 1;
  };
  const current = at(year, month);
  const previous = options.previousMonth && month > 1 ? at(year, month - 1) : null;
  const lastYear = at(year - 1, month);
  const lastDecember = at(year - 1, 12);
  const yearBefore = at(year - 2, 12, true);
  const levels = [current, previous, lastYear, lastDecember];
  if (options.wholeYear) {
    for (let m = 1; m <= month; m += 1) levels.push(at(year, m));
    for (let m = 1; m <= 12; m += 1) levels.push(at(year - 1, m));
  }
  const nets = levels
    .filter((k): k is number => k !== null)
    .filter((k, i, all) => all.indexOf(k) === i)
    .map((k) => ({ level: k, base: points[k].year === year ? lastDecember : yearBefore }));
  return { points, nets };
}
