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
import type { Dec } from "../dec";
import type { Actual, ActualReason } from "./types";
import { sum } from "./util";

export function ownActual(value: Dec, monthUsed: number, stale: boolean): Actual {
  return { value, reason: null, source: "FILL", stale, monthUsed, partial: false, missingRegionIds: [] };
}

export function missingActual(reason: ActualReason, missingRegionIds: string[] = []): Actual {
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

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function earliestMonth(actuals: readonly Actual[]): number | null {
  const months = actuals.map((a) => a.monthUsed).filter((m): m is number => m !== null);
  return months.length > 0 ? Math.min(...months) : null;
}

/** Deepest missing regions behind one child's actual. */
function missingBehind(regionId: string, actual: Actual): string[] {
  if (actual.value === null) return actual.missingRegionIds.length > 0 ? actual.missingRegionIds : [regionId];
  return actual.missingRegionIds;
}

/** Sum of the children's actuals (see the module comment for missing children). */
export function aggregateActuals(children: readonly { regionId: string; actual: Actual }[]): Actual {
  const present = children.filter((c) => c.actual.value !== null).map((c) => c.actual);
  const missingRegionIds = unique(children.flatMap((c) => missingBehind(c.regionId, c.actual)));
  if (present.length === 0) {
    const allNoBaseline = children.length > 0 && children.every((c) => c.actual.reason === "NO_BASELINE");
    return missingActual(allNoBaseline ? "NO_BASELINE" : "NO_DATA", missingRegionIds);
  }
  return {
    value: sum(present.map((a) => a.value as Dec)),
    reason: null,
    source: "AGGREGATE",
    stale: present.some((a) => a.stale),
    monthUsed: earliestMonth(present),
    partial: missingRegionIds.length > 0,
    missingRegionIds,
  };
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
    missingRegionIds: unique([...level.missingRegionIds, ...base.missingRegionIds]),
  };
}

/** numerator / denominator × factor, from the region's own (possibly summed) parts. */
export function ratioActual(numerator: Actual, denominator: Actual, factor: Dec): Actual {
  const missingRegionIds = unique([...numerator.missingRegionIds, ...denominator.missingRegionIds]);
  if (numerator.value === null) return missingActual(numerator.reason ?? "NO_DATA", missingRegionIds);
  if (denominator.value === null) return missingActual(denominator.reason ?? "NO_DATA", missingRegionIds);
  if (denominator.value.isZero()) return missingActual("ZERO_DENOMINATOR", missingRegionIds);
  return {
    value: numerator.value.div(denominator.value).times(factor),
    reason: null,
    source: "RATIO",
    stale: numerator.stale || denominator.stale,
    monthUsed: earliestMonth([numerator, denominator]),
    partial: numerator.partial || denominator.partial,
    missingRegionIds,
  };
}
