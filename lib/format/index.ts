/**
 * Number formatting for the dashboards in Chinese conventions (and English): measures
 * with the indicator's precision and thousands separators, fractions as %, gaps in
 * percentage points (个百分点 / pts). Inputs are the data layer's exact decimal strings;
 * rounding is done with Decimal, never with floats. Client-safe. The one number formatter:
 * every page, form and export formats figures here.
 */
import { Decimal } from "../decimal";

export type FormatLocale = "zh-CN" | "en";
export const MINUS = "\u2212";
const DASH = "—";

type Num = string | Decimal | null | undefined;

function toDecimal(value: Num): Decimal | null {
  if (value === null || value === undefined || value === "") return null;
  try {
    const d = new Decimal(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** Thousands separators in a run of integer digits: "1234567" → "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Fixed decimals with thousands separators and a true minus sign: -1234.5 → "−1,234.50". */
export function formatFixed(value: Num, digits: number): string {
  const d = toDecimal(value);
  if (!d) return DASH;
  const fixed = d.toFixed(digits, Decimal.ROUND_HALF_UP);
  const negative = fixed.startsWith("-") && !/^-0(\.0*)?$/.test(fixed);
  const [int, frac] = fixed.replace(/^-/, "").split(".");
  const grouped = groupThousands(int);
  return `${negative ? MINUS : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A value as it stands in an input field: the indicator's precision, no separators ("0.6", 2 → "0.60"). */
export function formatInput(value: Num, digits: number): string {
  const d = toDecimal(value);
  return d ? d.toFixed(digits, Decimal.ROUND_HALF_UP) : "";
}

/** A measure in its unit with the indicator's precision: ("12.345", 2, "亿元") → "12.35 亿元". */
export function formatMeasure(value: Num, precision: number, unit?: string): string {
  const text = formatFixed(value, precision);
  if (text === DASH || !unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/** A fraction as a percentage: 0.234 → "23.4%". */
export function formatPercent(fraction: Num, digits = 1): string {
  const d = toDecimal(fraction);
  if (!d) return DASH;
  return `${formatFixed(d.times(100), digits)}%`;
}

/** A signed fraction as a percentage: 0.052 → "+5.2%", −0.1 → "−10.0%". */
export function formatSignedPercent(fraction: Num, digits = 1): string {
  const d = toDecimal(fraction);
  if (!d) return DASH;
  const text = formatPercent(d, digits);
  return d.times(100).toFixed(digits, Decimal.ROUND_HALF_UP).match(/^[0.]+$/) || d.isNegative() ? text : `+${text}`;
}

/** A gap in percentage points: −26.6 → "−26.6个百分点" (zh-CN) / "−26.6 pts" (en). */
export function formatPoints(points: Num, locale: FormatLocale, digits = 1): string {
  const d = toDecimal(points);
  if (!d) return DASH;
  const rounded = d.toFixed(digits, Decimal.ROUND_HALF_UP);
  const zero = /^-?0(\.0*)?$/.test(rounded);
  const text = `${!zero && d.isPositive() ? "+" : ""}${formatFixed(d, digits)}`;
  return locale === "zh-CN" ? `${text}个百分点` : `${text} pts`;
}

/** A score (composite): two decimals. */
export function formatScore(value: Num): string {
  return formatFixed(value, 2);
}

/** Rounded number for charts (never used for display of exact figures). */
export function toChartNumber(value: Num, digits = 4): number | null {
  const d = toDecimal(value);
  return d ? Number(d.toFixed(digits)) : null;
}

export function formatLocale(locale: string): FormatLocale {
  return locale.startsWith("zh") ? "zh-CN" : "en";
}

/** An instant in Beijing time, to the minute: "2026/11/05 14:30" (zh-CN). */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return DASH;
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/**
 * The scale of every figure the read API and the .xlsx exports give: at most six decimal
 * places, rounded half up, trailing zeros dropped (docs/api.md). Measures are stored with
 * six places, so they and their sums pass unchanged; only quotients — completion, 序时进度,
 * YoY, ratio indicators, projections, amounts per month — lose their division tails
 * ("0.75000000000000000002" → "0.75"). The engine's own figures stay exact.
 */
const EXCHANGE_SCALE = 6;
const LONG_DECIMAL = new RegExp(`^-?(\\d+\\.\\d{${EXCHANGE_SCALE + 1},}|\\d+(\\.\\d+)?e[-+]?\\d+)$`, "i");

/** A decimal string at the exchange scale; any other string unchanged. */
export function atExchangeScale(text: string): string {
  return LONG_DECIMAL.test(text) ? new Decimal(text).toDecimalPlaces(EXCHANGE_SCALE, Decimal.ROUND_HALF_UP).toString() : text;
}

/** JSON of the read API: decimals (strings, or Decimals through their toJSON) at the exchange scale. */
export function exchangeJson(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === "string" ? atExchangeScale(value) : value));
}
