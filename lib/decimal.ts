/**
 * Exact decimals for stored measures.
 *
 * Every measure (fill values, targets, weights, thresholds, scores) is stored in the
 * database as a fixed-point integer: the decimal value × 10^6, in a BIGINT column.
 * That is exact on SQLite (64-bit INTEGER) and PostgreSQL (BIGINT) alike, sums
 * exactly in SQL, and gives ±5.7 × 10^11 units with six decimal places — room for
 * any county, city or national figure in 亿元, 万元, 家, 项 or 人. Stored values stay
 * below 2^59 so that the dashboards' roll-up query can carry a value and its month in
 * one 64-bit integer (value × 16 + month, decision 007). In the application measures
 * are decimal.js `Decimal`s; JS floats never hold a stored value.
 * See docs/decisions/003-exact-decimals.md.
 */
import { Decimal } from "decimal.js";
import { Dec } from "./dec";

export { Decimal };

/** Number of decimal places kept in storage. */
export const STORAGE_SCALE = 6;
const FACTOR = new Decimal(10).pow(STORAGE_SCALE);
/** The largest stored integer: 2^59 − 1 (see the module comment). */
const MAX_STORED = new Decimal(2).pow(59).minus(1);
/** The largest measure that can be stored: 576,460,752,303.423487. */
export const MAX_MEASURE = MAX_STORED.dividedBy(FACTOR);

export class DecimalRangeError extends RangeError {}

/** A decimal → its stored fixed-point integer. Refuses values that would lose digits. */
export function toStored(value: Decimal | Dec | string | number | bigint): bigint {
  const d = new Decimal(typeof value === "bigint" || value instanceof Dec ? value.toString() : value);
  if (!d.isFinite()) throw new DecimalRangeError(`not a finite number: ${d.toString()}`);
  if (d.decimalPlaces() > STORAGE_SCALE) {
    throw new DecimalRangeError(`more than ${STORAGE_SCALE} decimal places: ${d.toString()}`);
  }
  const scaled = d.times(FACTOR);
  if (scaled.abs().greaterThan(MAX_STORED)) throw new DecimalRangeError(`out of range: ${d.toString()}`);
  return BigInt(scaled.toFixed(0));
}

/** A stored fixed-point integer → its decimal value (exact: the exponent is shifted, nothing is divided). */
export function fromStored(stored: bigint | number): Decimal {
  return new Decimal(`${stored}e-${STORAGE_SCALE}`);
}

/** Nullable variant of {@link fromStored}. */
export function fromStoredOrNull(stored: bigint | number | null | undefined): Decimal | null {
  return stored === null || stored === undefined ? null : fromStored(stored);
}

/**
 * Parse a number typed by a person: digits with an optional sign and decimal point;
 * thousands separators (, or ，) and surrounding spaces are tolerated. Returns null
 * for anything else (no exponent notation, no units).
 */
export function parseDecimalInput(raw: string): Decimal | null {
  const cleaned = raw.trim().replace(/[,，\s]/g, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return null;
  return new Decimal(cleaned);
}

/** MAX_MEASURE for messages, in whole units with thousands separators ("576,460,752,303"). */
export function formatMaxMeasure(): string {
  return MAX_MEASURE.floor().toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
