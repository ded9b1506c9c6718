/**
 * Completion rate (完成率) of an actual against an annual target, as a fraction.
 *
 * HIGHER_IS_BETTER: completion = actual / target, compared with the expected progress
 * (序时进度) of the month — 0.234 at June against 0.5 is 26.6 points behind.
 *
 * LOWER_IS_BETTER: the target is a ceiling. completion = allowance / actual, capped at
 * `lowerIsBetterCap` (default 2 = 200 %, also used when the actual is 0 or negative), and
 * compared with a benchmark of 1 (100 %: exactly at the ceiling) in every month. The
 * allowance is the target for STOCK / INCREMENT / RATIO (a ceiling that holds all
 * year) and target × expected progress for CUMULATIVE (a YTD total may use only its
 * share of the annual ceiling so far). So completion ≥ 1 means "within the ceiling",
 * and a larger actual never raises it.
 *
 * A missing or zero target gives null with NO_TARGET (never ∞ or NaN), a negative one
 * INVALID_TARGET; a missing actual gives NO_DATA. The target is checked first.
 */
import { Decimal, ONE, ZERO } from "../decimal";
import type { CompletionReason, Direction, IndicatorKind } from "./types";

export interface CompletionArgs {
  actual: Decimal | null;
  target: Decimal | null;
  direction: Direction;
  kind: IndicatorKind;
  /** 序时进度 of the month (fraction). */
  expected: Decimal;
  lowerIsBetterCap: Decimal;
}

export interface Completion {
  value: Decimal | null;
  reason: CompletionReason | null;
  /** What the completion is compared with: `expected` (higher is better) or 1 (lower is better). */
  benchmark: Decimal;
}

export function benchmarkFor(direction: Direction, expected: Decimal): Decimal {
  return direction === "LOWER_IS_BETTER" ? ONE : expected;
}

function lowerIsBetter(actual: Decimal, allowance: Decimal, cap: Decimal): Decimal {
  if (!actual.gt(ZERO)) return cap;
  return Decimal.min(cap, allowance.div(actual));
}

export function computeCompletion(args: CompletionArgs): Completion {
  const { actual, target, direction, kind, expected, lowerIsBetterCap } = args;
  const benchmark = benchmarkFor(direction, expected);
  if (target === null || target.isZero()) return { value: null, reason: "NO_TARGET", benchmark };
  if (target.lt(ZERO)) return { value: null, reason: "INVALID_TARGET", benchmark };
  if (actual === null) return { value: null, reason: "NO_DATA", benchmark };
  if (direction === "HIGHER_IS_BETTER") return { value: actual.div(target), reason: null, benchmark };
  const allowance = kind === "CUMULATIVE" ? target.times(expected) : target;
  return { value: lowerIsBetter(actual, allowance, lowerIsBetterCap), reason: null, benchmark };
}
