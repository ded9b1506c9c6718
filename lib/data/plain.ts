/**
 * Results of the data layer are plain, serialisable data for pages, exports and the API:
 * every decimal becomes its exact decimal string (toString, so never "-0"),
 * every Date its ISO string.
 */
import { Decimal } from "../decimal";

export type Plain<T> = T extends Decimal
  ? string
  : T extends Date
    ? string
    : T extends readonly (infer U)[]
      ? Plain<U>[]
      : T extends object
        ? { [K in keyof T]: Plain<T[K]> }
        : T;

export function toPlain<T>(value: T): Plain<T> {
  return convert(value) as Plain<T>;
}

function convert(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(convert);
  if (value instanceof Date) return value.toISOString();
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const k in source) if (Object.hasOwn(source, k)) out[k] = convert(source[k]);
  return out;
}
