/** Index of the counted fills by (region, indicator, year, month). */
import type { FillRow, FillStatus } from "./types";
import { MetricsInputError, assertMonth, key } from "./util";

export interface FillIndex {
  /** The counted fill of exactly that month, if any. */
  get(regionId: string, indicatorId: string, year: number, month: number): FillRow | undefined;
  /** The counted fill of the latest month ≤ `month` in `year`, if any (carry-forward within a year). */
  latest(regionId: string, indicatorId: string, year: number, month: number): FillRow | undefined;
}

/**
 * Indexes the fills whose status is in `counted`. Throws on two rows for the same
 * (region, indicator, year, month), whatever their status (the database forbids it).
 */
export function buildFillIndex(fills: readonly FillRow[], counted: readonly FillStatus[]): FillIndex {
  // the roll-up loader's input has no fills (the root's own are the rare exception)
  return fills.length === 0 ? NO_FILLS : new Fills(fills, counted);
}

/** A class, not closures: one is built per computation (see regions.ts). */
class Fills implements FillIndex {
  /** region → indicator and year → fills by month (1…12) */
  declare private readonly byYear: Map<string, (FillRow | undefined)[]>;

  constructor(fills: readonly FillRow[], counted: readonly FillStatus[]) {
    this.byYear = new Map();
    const countedSet = new Set<FillStatus>(counted);
    const seen = new Set<string>();
    for (const fill of fills) {
      assertMonth(fill.month, "fill month");
      const id = key(fill.regionId, fill.indicatorId, fill.year, fill.month);
      if (seen.has(id)) {
        throw new MetricsInputError(
          `duplicate fill for region ${fill.regionId}, indicator ${fill.indicatorId}, ${fill.year}-${fill.month}`,
        );
      }
      seen.add(id);
      if (!countedSet.has(fill.status)) continue;
      const yearKey = key(fill.regionId, fill.indicatorId, fill.year);
      let months = this.byYear.get(yearKey);
      if (!months) this.byYear.set(yearKey, (months = new Array<FillRow | undefined>(13).fill(undefined)));
      months[fill.month] = fill;
    }
  }

  get(regionId: string, indicatorId: string, year: number, month: number): FillRow | undefined {
    return this.byYear.get(key(regionId, indicatorId, year))?.[month];
  }

  latest(regionId: string, indicatorId: string, year: number, month: number): FillRow | undefined {
    const months = this.byYear.get(key(regionId, indicatorId, year));
    if (!months) return undefined;
    for (let m = month; m >= 1; m -= 1) {
      const fill = months[m];
      if (fill) return fill;
    }
    return undefined;
  }
}

/** The index of no fills, shared. */
const NO_FILLS: FillIndex = new Fills([], []);
