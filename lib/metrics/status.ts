/**
 * Gap and traffic-light status of a cell.
 *
 * gap = (completion − benchmark) × 100, in percentage points (benchmark = 序时进度 for
 * higher-is-better indicators, 1 for lower-is-better ones; see completion.ts).
 * Status, in this order of precedence:
 * - INACTIVE: the region (or an ancestor) is deactivated;
 * - NO_TARGET: no usable target (missing, zero or negative);
 * - NO_DATA: no actual;
 * - AHEAD: gap ≥ behindGap (on or ahead of schedule — green);
 * - SERIOUSLY_BEHIND: gap < seriousGap (red);
 * - BEHIND: otherwise (yellow).
 */
import type { Decimal } from "../decimal";
import type { Completion } from "./completion";
import type { CellStatus } from "./types";
import { HUNDRED } from "./util";

export function gapPoints(completion: Decimal | null, benchmark: Decimal): Decimal | null {
  return completion === null ? null : completion.minus(benchmark).times(HUNDRED);
}

export interface StatusThresholds {
  behindGap: Decimal;
  seriousGap: Decimal;
}

/** Status from a gap alone (AHEAD / BEHIND / SERIOUSLY_BEHIND). */
export function gapStatus(gap: Decimal, thresholds: StatusThresholds): "AHEAD" | "BEHIND" | "SERIOUSLY_BEHIND" {
  if (gap.gte(thresholds.behindGap)) return "AHEAD";
  if (gap.lt(thresholds.seriousGap)) return "SERIOUSLY_BEHIND";
  return "BEHIND";
}

export function cellStatus(
  active: boolean,
  completion: Completion,
  thresholds: StatusThresholds,
  /** gapPoints(completion.value, completion.benchmark), when the caller has it already */
  knownGap?: Decimal | null,
): CellStatus {
  if (!active) return "INACTIVE";
  if (completion.reason === "NO_TARGET" || completion.reason === "INVALID_TARGET") return "NO_TARGET";
  const gap = knownGap !== undefined ? knownGap : gapPoints(completion.value, completion.benchmark);
  if (gap === null) return "NO_DATA";
  return gapStatus(gap, thresholds);
}

/** BEHIND and SERIOUSLY_BEHIND cells are laggards. */
export function isLaggard(status: CellStatus): boolean {
  return status === "BEHIND" || status === "SERIOUSLY_BEHIND";
}
