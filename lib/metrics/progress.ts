/** Expected progress (序时进度) and reporting-frequency helpers. */
import { Decimal, ONE, ZERO } from "../decimal";
import type { Frequency } from "./types";
import { MetricsInputError, TWELVE, assertMonth } from "./util";

/**
 * Checks a 12-step cumulative curve: 12 values in [0, 1], non-decreasing, the last exactly 1.
 * Throws {@link MetricsInputError} otherwise.
 */
export function validateCurve(curve: readonly Decimal[]): void {
  // a curve is read-only data: checked once (every 序时进度 of every computation asks)
  if (validCurves.has(curve)) return;
  if (curve.length !== 12) throw new MetricsInputError(`a progress curve needs 12 values, got ${curve.length}`);
  for (let i = 0; i < 12; i++) {
    const v = curve[i]!;
    if (v.lt(ZERO) || v.gt(ONE)) throw new MetricsInputError(`curve value for month ${i + 1} is outside [0, 1]: ${v}`);
    const previous = curve[i - 1];
    if (previous !== undefined && v.lt(previous)) {
      throw new MetricsInputError(`curve decreases at month ${i + 1}: ${previous} → ${v}`);
    }
  }
  if (!curve[11]?.eq(ONE)) throw new MetricsInputError("a progress curve must end at exactly 1");
  validCurves.add(curve);
}

/** Curves already checked (by identity: the engine's input is read-only). */
const validCurves = new WeakSet<readonly Decimal[]>();

/** month / 12 for months 1…12, computed once (and written shortest: 1, not 1.0000…, divides fastest). */
const LINEAR: readonly Decimal[] = Array.from({ length: 12 }, (_, k) => new Decimal(new Decimal(k + 1).div(TWELVE).toString()));

/**
 * 序时进度 for a month, as a fraction: `curve[month − 1]` when the indicator has a curve,
 * otherwise month / 12 (e.g. June → 0.5).
 */
export function expectedProgress(month: number, curve?: readonly Decimal[] | null): Decimal {
  assertMonth(month);
  if (curve && curve.length > 0) {
    validateCurve(curve);
    return curve[month - 1] as Decimal;
  }
  return LINEAR[month - 1] as Decimal;
}

/** Months per reporting period (a switch: the frequency strings come from the database, not the source). */
function periodMonths(frequency: Frequency): number {
  switch (frequency) {
    case "MONTHLY":
      return 1;
    case "QUARTERLY":
      return 3;
    case "HALF_YEARLY":
      return 6;
    case "YEARLY":
      return 12;
  }
  throw new MetricsInputError(`unknown reporting frequency ${String(frequency)}`);
}

/** Whether a fill is due for `month` at this frequency (quarterly: 3, 6, 9, 12; half-yearly: 6, 12; yearly: 12). */
export function isDueMonth(month: number, frequency: Frequency = "MONTHLY"): boolean {
  assertMonth(month);
  return month % periodMonths(frequency) === 0;
}

/** The latest month ≤ `month` for which a fill is due; 0 when none is due yet this year. */
export function latestDueMonth(month: number, frequency: Frequency = "MONTHLY"): number {
  assertMonth(month);
  const step = periodMonths(frequency);
  return month - (month % step);
}
