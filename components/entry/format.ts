/** Display helpers for decimal strings (no floats): thousands separators, fixed places. Client-safe. */
import { Decimal } from "decimal.js";

export function formatDecimal(value: string | Decimal | null | undefined, places: number): string {
  if (value === null || value === undefined || value === "") return "—";
  const d = typeof value === "string" ? new Decimal(value) : value;
  const fixed = d.toFixed(places);
  const [int, frac] = fixed.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

/** A fraction as a percentage. */
export function formatPercent(fraction: Decimal | null, places = 1): string {
  return fraction === null ? "—" : `${formatDecimal(new Decimal(fraction.toString()).times(100), places)}%`;
}

export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}
