/**
 * Entry checks (DESIGN.md §4), used by the browser for live warnings and by the server
 * actions, which refuse a flagged value unless it is confirmed with a note. Pure.
 *
 * Flags:
 * - BELOW_LAST_MONTH: a CUMULATIVE (year-to-date) value lower than last month's value of
 *   the same year (not checked in January, when the year starts again).
 * - JUMP: the month's increment (value − last month's value; for a CUMULATIVE value in
 *   January the value itself) lies far outside the region's own history of monthly
 *   increments of this indicator: |increment − mean| > max(K·sd, REL·|mean|, one unit of
 *   the indicator's precision), K = 3, REL = 0.5, with at least MIN_HISTORY increments
 *   (population sd). The REL and unit floors keep a flat history from flagging every
 *   small change.
 * - ABOVE_TARGET: the actual (the value; for INCREMENT the value minus the level at the
 *   end of last year) more than FAR_ABOVE × the annual target (1.5 = 150 %).
 * A malformed number is not a flag but an error (see `parseEntry`).
 */
import { Decimal, MAX_MEASURE } from "../decimal";

export const JUMP_K = 3;
export const JUMP_REL = new Decimal("0.5");
export const MIN_HISTORY = 6;
export const FAR_ABOVE = new Decimal("1.5");

export type CheckFlag = "BELOW_LAST_MONTH" | "JUMP" | "ABOVE_TARGET";

export interface CheckInput {
  kind: "CUMULATIVE" | "STOCK" | "INCREMENT" | "RATIO";
  month: number;
  precision: number;
  value: Decimal;
  /** last month's value (same year for CUMULATIVE; December of last year for a January level) */
  lastMonth: Decimal | null;
  /** INCREMENT: the level at the end of last year */
  baseline: Decimal | null;
  target: Decimal | null;
  /** the region's previous monthly increments of this indicator */
  history: readonly Decimal[];
}

export function increment(kind: CheckInput["kind"], month: number, value: Decimal, lastMonth: Decimal | null): Decimal | null {
  if (kind === "CUMULATIVE" && month === 1) return value;
  return lastMonth === null ? null : value.minus(lastMonth);
}

function meanSd(xs: readonly Decimal[]): { mean: Decimal; sd: Decimal } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a.plus(b), new Decimal(0)).div(n);
  const variance = xs.reduce((a, b) => a.plus(b.minus(mean).pow(2)), new Decimal(0)).div(n);
  return { mean, sd: variance.sqrt() };
}

export function checkValue(input: CheckInput): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const { kind, month, value, lastMonth, target } = input;
  if (kind === "RATIO") return flags;
  if (kind === "CUMULATIVE" && month > 1 && lastMonth !== null && value.lt(lastMonth)) flags.push("BELOW_LAST_MONTH");
  const inc = increment(kind, month, value, lastMonth);
  if (inc !== null && input.history.length >= MIN_HISTORY) {
    const { mean, sd } = meanSd(input.history);
    const unit = new Decimal(10).pow(-Math.max(0, input.precision));
    const tolerance = Decimal.max(sd.times(JUMP_K), mean.abs().times(JUMP_REL), unit);
    if (inc.minus(mean).abs().gt(tolerance)) flags.push("JUMP");
  }
  if (target !== null && target.gt(0)) {
    const actual = kind === "INCREMENT" ? (input.baseline === null ? null : value.minus(input.baseline)) : value;
    if (actual !== null && actual.gt(target.times(FAR_ABOVE))) flags.push("ABOVE_TARGET");
  }
  return flags;
}

export type ParseError = "malformed" | "tooManyDecimals" | "negative" | "tooLarge";

/**
 * Parses a typed number for an indicator with `precision` decimal places: digits with an
 * optional decimal point, thousands separators tolerated; no negative values, none above
 * the largest storable measure (lib/decimal.ts MAX_MEASURE).
 */
export function parseEntry(raw: string, precision: number): { value: Decimal } | { error: ParseError } {
  const cleaned = raw.trim().replace(/[,，\s]/g, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return { error: "malformed" };
  const value = new Decimal(cleaned);
  if (value.isNegative()) return { error: "negative" };
  if (value.decimalPlaces() > precision) return { error: "tooManyDecimals" };
  if (value.gt(MAX_MEASURE)) return { error: "tooLarge" };
  return { value };
}
