/**
 * The one decimal type: decimal.js's `Decimal`, imported from here and nowhere else, with
 * the conversion to and from storage.
 *
 * Arithmetic runs at decimal.js's default settings — 20 significant digits, ROUND_HALF_UP,
 * plain notation from 1e-7 up to 1e21 — which every figure on screen and in exports assumes;
 * nothing calls `Decimal.set`, and tests/unit/decimal.test.ts checks the settings.
 *
 * Every measure (fill values, targets, weights, thresholds, scores) is stored in the
 * database as a fixed-point integer: the decimal value × 10^6, in a BIGINT column.
 * That is exact on SQLite (64-bit INTEGER) and PostgreSQL (BIGINT) alike, sums exactly
 * in SQL, and gives ±9.2 × 10^12 units with six decimal places — room for any county,
 * city or national figure in 亿元, 万元, 家, 项 or 人. JS floats never hold a stored value.
 * See docs/decisions/003-exact-decimals.md.
 */
import { Decimal } from "decimal.js";

export { Decimal };

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Number of decimal places kept in storage. */
export const STORAGE_SCALE = 6;
const FACTOR = new Decimal(10).pow(STORAGE_SCALE);
/** The largest stored integer: 2^63 − 1, what a BIGINT column holds. */
const MAX_STORED = new Decimal(2).pow(63).minus(1);
/** The largest measure that can be stored: 9,223,372,036,854.775807. */
export const MAX_MEASURE = MAX_STORED.dividedBy(FACTOR);

export class DecimalRangeError extends RangeError {}

/** A decimal → its stored fixed-point integer. Refuses values that would lose digits. */
export function toStored(value: Decimal | string | number | bigint): bigint {
  const d = new Decimal(typeof value === "bigint" ? value.toString() : value);
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

/** MAX_MEASURE for messages, in whole units with thousands separators ("9,223,372,036,854"). */
export function formatMaxMeasure(): string {
  return MAX_MEASURE.floor().toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
