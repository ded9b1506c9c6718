/**
 * The number conventions of the bulletin's text and tables (Decimal, half-up; never JS
 * floats): percentages and points as bare numbers with 1 decimal, an ASCII minus, no "%"
 * or unit (the sentence carries them); amounts at the indicator's precision. The
 * dashboards' formatter (lib/format) writes a true minus sign, groups and suffixes
 * percentages; amounts differ from it only by the minus sign, so they go through it.
 */
import { Decimal } from "@/lib/decimal";
import { MINUS, formatFixed } from "@/lib/format";

const HALF_UP = Decimal.ROUND_HALF_UP;

/** A fraction as a percentage number with 1 decimal: "0.2370" → "23.7". */
export function percent(fraction: string | Decimal): string {
  return new Decimal(fraction).times(100).toDecimalPlaces(1, HALF_UP).toFixed(1);
}

/** Percentage points with 1 decimal, without sign: "-26.296" → "26.3". */
export function points(value: string | Decimal): string {
  return new Decimal(value).abs().toDecimalPlaces(1, HALF_UP).toFixed(1);
}

/** Signed percentage points for tables: "+1.3" / "-26.3" / "0.0". */
export function signedPoints(value: string | Decimal): string {
  const d = new Decimal(value).toDecimalPlaces(1, HALF_UP);
  return d.gt(0) ? `+${d.toFixed(1)}` : d.isZero() ? "0.0" : d.toFixed(1);
}

/** Signed percentage of a fraction for tables: "0.057" → "+5.7", "-0.015" → "-1.5". */
export function signedPercent(fraction: string | Decimal): string {
  return signedPoints(new Decimal(fraction).times(100));
}

/** An amount at the indicator's precision, with thousands separators: "1291.53" → "1,291.53". */
export function amount(value: string | Decimal, precision: number): string {
  return formatFixed(value, Math.max(0, precision)).replace(MINUS, "-");
}

/** A score with 1 decimal. */
export function score(value: string | Decimal): string {
  return new Decimal(value).toDecimalPlaces(1, HALF_UP).toFixed(1);
}

/** The number tokens of a text, without signs or thousands separators: "+1,291.5 和 -3" → ["1291.5", "3"]. */
export function numberTokens(text: string): string[] {
  return (text.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).map((t) => t.replace(/,/g, ""));
}

/** A date as 2026年7月5日 (from YYYY-MM-DD, no time zone involved). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map((s) => Number(s));
  return `${y}年${m}月${d}日`;
}
