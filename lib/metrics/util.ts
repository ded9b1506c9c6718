/** Small decimal helpers and input validation shared by the metrics modules. */
import { Decimal } from "../decimal";

export const HUNDRED = new Decimal(100);
export const TWELVE = new Decimal(12);

/**
 * A value derived from a read-only input object, built on first use and kept with the object
 * (a WeakMap: it goes when the object goes).
 */
export function derived<K extends object, V>(cache: WeakMap<K, V>, key: K, build: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = build(key)));
  return value;
}

/** Thrown when the engine's input is inconsistent (bad month, curve, tree, duplicate rows…). */
export class MetricsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MetricsInputError";
  }
}

/** value limited to [min, max] (one of the three, not a copy: Decimals are immutable) */
export function clamp(value: Decimal, min: Decimal, max: Decimal): Decimal {
  return value.lt(min) ? min : value.gt(max) ? max : value;
}

export function assertMonth(month: number, what = "month"): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new MetricsInputError(`${what} must be an integer 1–12, got ${month}`);
  }
}

export function assertYear(year: number): void {
  if (!Number.isInteger(year)) throw new MetricsInputError(`year must be an integer, got ${year}`);
}

/** Key for maps over several string/number parts (a hot path: no rest array, no join). */
export function key(a: string | number, b: string | number, c?: string | number, d?: string | number, e?: string | number): string {
  let k = `${a}\u0000${b}`;
  if (c !== undefined) k += `\u0000${c}`;
  if (d !== undefined) k += `\u0000${d}`;
  if (e !== undefined) k += `\u0000${e}`;
  return k;
}
