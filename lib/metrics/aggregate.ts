/**
 * Building and combining `Actual`s: own values, sums up the region tree, differences
 * (INCREMENT) and ratios. Pure functions over plain data.
 *
 * Aggregation rule: a parent's additive actual (CUMULATIVE, STOCK, INCREMENT) is the sum
 * of its active children's actuals; children without a value are left out and the
 * result is flagged `partial` with their ids in `missingRegionIds` (so a city total is
 * never silently short). Only when no child has a value is the parent's actual missing.
 * Ratios are never summed or averaged: they are recomputed from the summed numerator
 * and denominator (see `ratioActual`).
 */
import { Decimal, ZERO } from "../decimal";
import type { Actual, ActualReason } from "./types";

/** The empty list of missing regions, shared (Actuals are read-only data). */
export const NO_REGIONS: readonly string[] = Object.freeze([]);

export function ownActual(value: Decimal, monthUsed: number, stale: boolean): Actual {
  return { value, reason: null, source: "FILL", stale, monthUsed, partial: false, missingRegionIds: NO_REGIONS };
}

export function missingActual(reason: ActualReason, missingRegionIds: readonly string[] = NO_REGIONS): Actual {
  return {
    value: null,
    reason,
    source: null,
    stale: false,
    monthUsed: null,
    partial: false,
    missingRegionIds,
  };
}

/**
 * a followed by the ids of b not in a. Each list has no duplicates (the engine builds them
 * so, and the loader's roll-ups name each leaf once), so a list is shared when the other is empty.
 */
function union(a: readonly string[], b: readonly string[]): readonly string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const seen = new Set(a);
  const out = [...a];
  for (const id of b) if (!seen.has(id)) out.push(id);
  return out;
}

/** Sum of the children's actuals (see the module comment for missing children). */
export function aggregateActuals(children: readonly { regionId: string; actual: Actual }[]): Actual {
  const sum = new ActualSum();
  for (const { regionId, actual } of children) sum.add(regionId, actual);
  return sum.result();
}

/** aggregateActuals one child at a time, without a list of the children first. */
export class ActualSum {
  // assigned in the constructor (no class-field initialiser run per sum)
  declare private value: Decimal | null;
  declare private stale: boolean;
  declare private monthUsed: number | null;
  declare private allNoBaseline: boolean;
  declare private children: number;
  declare private missingRegionIds: readonly string[];

  constructor() {
    this.value = null;
    this.stale = false;
    this.monthUsed = null;
    this.allNoBaseline = true;
    this.children = 0;
    this.missingRegionIds = NO_REGIONS;
  }

  add(regionId: string, actual: Actual): void {
    this.children += 1;
    if (actual.reason !== "NO_BASELINE") this.allNoBaseline = false;
    if (actual.value !== null) {
      this.value = (this.value ?? ZERO).plus(actual.value);
      if (actual.stale) this.stale = true;
      if (actual.monthUsed !== null && (this.monthUsed === null || actual.monthUsed < this.monthUsed)) this.monthUsed = actual.monthUsed;
      this.missingRegionIds = union(this.missingRegionIds, actual.missingRegionIds);
    } else {
      // the deepest missing regions behind the child, or the child itself
      this.missingRegionIds = union(this.missingRegionIds, actual.missingRegionIds.length > 0 ? actual.missingRegionIds : [regionId]);
    }
  }

  result(): Actual {
    const { value, missingRegionIds } = this;
    if (value === null) return missingActual(this.children > 0 && this.allNoBaseline ? "NO_BASELINE" : "NO_DATA", missingRegionIds);
    return {
      value,
      reason: null,
      source: "AGGREGATE",
      stale: this.stale,
      monthUsed: this.monthUsed,
      partial: missingRegionIds.length > 0,
      missingRegionIds,
    };
  }
}

/** level − base (INCREMENT: the level at the month minus the level at the end of last year). */
export function differenceActual(level: Actual, base: Actual): Actual {
  if (level.value === null) return level;
  if (base.value === null) return missingActual("NO_BASELINE", base.missingRegionIds);
  return {
    value: level.value.minus(base.value),
    reason: null,
    source: level.source,
    stale: level.stale || base.stale,
    monthUsed: level.monthUsed,
    partial: level.partial || base.partial,
    missingRegionIds: union(level.missingRegionIds, base.missingRegionIds),
  };
}

/** numerator / denominator × factor, from the region's own (possibly summed) parts. */
export function ratioActual(numerator: Actual, denominator: Actual, factor: Decimal): Actual {
  const missingRegionIds = union(numerator.missingRegionIds, denominator.missingRegionIds);
  if (numerator.value === null) return missingActual(numerator.reason ?? "NO_DATA", missingRegionIds);
  if (denominator.value === null) return missingActual(denominator.reason ?? "NO_DATA", missingRegionIds);
  if (denominator.value.isZero()) return missingActual("ZERO_DENOMINATOR", missingRegionIds);
  const n = numerator.monthUsed;
  const d = denominator.monthUsed;
  return {
    value: numerator.value.div(denominator.value).times(factor),
    reason: null,
    source: "RATIO",
    stale: numerator.stale || denominator.stale,
    monthUsed: n === null ? d : d === null ? n : Math.min(n, d),
    partial: numerator.partial || denominator.partial,
    missingRegionIds,
  };
}
