/**
 * Entry checks (domain.md §4), used by the browser for live warnings and by the server
 * actions, which refuse a flagged value unless it is confirmed with a note. Pure.
 *
 * Flags:
 * - BELOW_LAST_MONTH: a CUMULATIVE (year-to-date) value lower than last month's value of
 *   the same year (not checked in January, when the year starts again).
 * - BELOW_BASELINE: an INCREMENT value (the end-of-month total, 期末总数) below the total at
 *   the end of last year, so the year's increase — and its completion — would be negative.
 *   Usually the reporter typed the year's new units instead of the total.
 * - JUMP: the month's change (value − last month's value; for a CUMULATIVE value in
 *   January the value itself) lies far outside the region's own history of month-on-month
 *   changes of this indicator. The rule is robust, so one odd month in the history does not
 *   widen or shift it: |change − median| > max(K · 1.4826 · MAD, REL · |median|,
 *   LEVEL · |last month's value|, one unit of the indicator's precision), K = 3.5,
 *   REL = 0.5, LEVEL = 0.05, judged only with at least MIN_HISTORY past changes. MAD is the
 *   median absolute deviation from the median (1.4826 · MAD estimates the standard
 *   deviation). The floors keep a short or flat history from flagging ordinary changes: a
 *   stock going 79 → 81 moves 2.5 % of its level and is not a jump.
 * - ABOVE_TARGET: the actual (the value; for INCREMENT the value minus the level at the
 *   end of last year) more than FAR_ABOVE × the annual target (1.5 = 150 %).
 * A malformed number is not a flag but an error (see `parseEntry`).
 */
import { Decimal, MAX_MEASURE } from "../decimal";
import { formatFixed } from "../format";

const JUMP_K = new Decimal("3.5");
const MAD_TO_SD = new Decimal("1.4826");
const JUMP_REL = new Decimal("0.5");
const JUMP_LEVEL = new Decimal("0.05");
const MIN_HISTORY = 3;
const FAR_ABOVE = new Decimal("1.5");

export type CheckFlag = "BELOW_LAST_MONTH" | "BELOW_BASELINE" | "JUMP" | "ABOVE_TARGET";

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
  /** the region's previous month-on-month changes of this indicator */
  history: readonly Decimal[];
}

export function increment(kind: CheckInput["kind"], month: number, value: Decimal, lastMonth: Decimal | null): Decimal | null {
  if (kind === "CUMULATIVE" && month === 1) return value;
  return lastMonth === null ? null : value.minus(lastMonth);
}

function median(xs: readonly Decimal[]): Decimal {
  const sorted = [...xs].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).div(2);
}

/** The typical change (median) and how far from it a change may lie before it is a jump; null when the history is too short. */
function jumpBand(input: Pick<CheckInput, "history" | "lastMonth" | "precision">): { median: Decimal; tolerance: Decimal } | null {
  if (input.history.length < MIN_HISTORY) return null;
  const m = median(input.history);
  const mad = median(input.history.map((x) => x.minus(m).abs()));
  const unit = new Decimal(10).pow(-Math.max(0, input.precision));
  const level = input.lastMonth === null ? new Decimal(0) : input.lastMonth.abs().times(JUMP_LEVEL);
  const tolerance = Decimal.max(mad.times(MAD_TO_SD).times(JUMP_K), m.abs().times(JUMP_REL), level, unit);
  return { median: m, tolerance };
}

export function checkValue(input: CheckInput): CheckFlag[] {
  const flags: CheckFlag[] = [];
  const { kind, month, value, lastMonth, target, baseline } = input;
  if (kind === "RATIO") return flags;
  if (kind === "CUMULATIVE" && month > 1 && lastMonth !== null && value.lt(lastMonth)) flags.push("BELOW_LAST_MONTH");
  if (kind === "INCREMENT" && baseline !== null && value.lt(baseline)) flags.push("BELOW_BASELINE");
  const change = increment(kind, month, value, lastMonth);
  const band = jumpBand(input);
  if (change !== null && band !== null && change.minus(band.median).abs().gt(band.tolerance)) flags.push("JUMP");
  if (target !== null && target.gt(0)) {
    const actual = kind === "INCREMENT" ? (baseline === null ? null : value.minus(baseline)) : value;
    if (actual !== null && actual.gt(target.times(FAR_ABOVE))) flags.push("ABOVE_TARGET");
  }
  return flags;
}

/** An entry row as the data layer gives it (decimals as strings). */
export interface CheckedRow {
  kind: CheckInput["kind"];
  precision: number;
  last: string | null;
  baseline: string | null;
  target: string | null;
  history: readonly string[];
}

/** The checks' input for a typed value of an entry row: the one mapping the form and the actions share. */
export function checkInputOf(row: CheckedRow, month: number, value: Decimal): CheckInput {
  const d = (v: string | null) => (v === null ? null : new Decimal(v));
  return {
    kind: row.kind,
    month,
    precision: row.precision,
    value,
    lastMonth: d(row.last),
    baseline: d(row.baseline),
    target: d(row.target),
    history: row.history.map((h) => new Decimal(h)),
  };
}

/**
 * The figures the flags' messages quote, at the indicator's precision: the value, last
 * month's change and the region's usual change, and for INCREMENT the end-of-last-year
 * total, the decrease the value would mean and the total it would be had the value been the
 * year's new units ("上年末 23 家，填 2 表示减少 21 家；若本年新增 2 家，应填 25").
 */
export function flagValues(input: CheckInput, unit: string): Record<string, string> {
  const f = (v: Decimal | null) => formatFixed(v, input.precision);
  const change = increment(input.kind, input.month, input.value, input.lastMonth);
  const base = input.baseline;
  return {
    unit,
    value: f(input.value),
    change: change === null ? f(null) : `${change.isNegative() ? "" : "+"}${f(change)}`,
    usual: f(jumpBand(input)?.median ?? null),
    baseline: f(base),
    decrease: f(base === null ? null : base.minus(input.value)),
    meant: f(base === null ? null : base.plus(input.value)),
  };
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
