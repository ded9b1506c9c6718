/**
 * An integer field (year, month, precision, sort order, days…) as a form posts it — plain
 * digits, optionally signed — or as a number. z.coerce.number would take "2.02e3" as 2020,
 * "0x7" and "0o7" as 7, true as 1 and [] as 0; those are refused here like any other text
 * that is not an integer. A blank is absent: the fallback when one is given, else required.
 */
import { z } from "zod";

export function integer(min: number, max: number, fallback?: number) {
  return z.preprocess((v) => {
    if (v === undefined) return fallback;
    if (typeof v !== "string") return v;
    const text = v.trim();
    if (text === "") return fallback;
    return /^[-+]?\d+$/.test(text) ? Number(text) : v;
  }, z.number().int().min(min).max(max));
}
