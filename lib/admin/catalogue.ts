/**
 * Pure rules of the indicator catalogue: the expected-progress curve and what may change
 * once an indicator has figures. An indicator that already holds fills or targets is never
 * silently re-interpreted: a change of kind, unit, ratio parts or ratio factor is REFUSED
 * (the catalogue does not version indicators; the screen says so and suggests creating a
 * new indicator), and a precision change that would cut digits off stored values is refused.
 */
import { Decimal } from "../decimal";

/** The largest ratio factor (系数) the form and the import take: far beyond any real one, well inside the stored column. */
export const MAX_RATIO_FACTOR = 1e9;

export type CurveProblem = "curveLength" | "curveRange" | "curveOrder" | "curveEnd";

/** 12 cumulative percentages (as typed) → fractions, or the first problem found. */
export function parseCurve(percentages: string[]): { shares: Decimal[] } | { problem: CurveProblem; month?: number } {
  if (percentages.length !== 12) return { problem: "curveLength" };
  const shares: Decimal[] = [];
  for (let m = 0; m < 12; m++) {
    const text = percentages[m].trim().replace(/[%％]$/, "");
    if (!/^\d+(\.\d{1,4})?$/.test(text)) return { problem: "curveRange", month: m + 1 };
    const p = new Decimal(text);
    if (p.greaterThan(100)) return { problem: "curveRange", month: m + 1 };
    if (m > 0 && p.times(1).lessThan(shares[m - 1].times(100))) return { problem: "curveOrder", month: m + 1 };
    shares.push(p.dividedBy(100));
  }
  if (!shares[11].equals(1)) return { problem: "curveEnd", month: 12 };
  return { shares };
}

export interface IndicatorMeaning {
  kind: string;
  unit: string;
  precision: number;
  numeratorId: string | null;
  denominatorId: string | null;
  /** stored ×10^6, or null */
  ratioFactor: bigint | null;
}

export type MeaningChange = "kind" | "unit" | "ratioParts" | "ratioFactor" | "precision";

/**
 * The changes refused for an indicator with figures. `maxDecimals` is the largest number of
 * decimal places among its stored fills and targets.
 */
export function refusedChanges(before: IndicatorMeaning, after: IndicatorMeaning, hasFigures: boolean, maxDecimals: number): MeaningChange[] {
  if (!hasFigures) return [];
  const out: MeaningChange[] = [];
  if (before.kind !== after.kind) out.push("kind");
  if (before.unit.trim() !== after.unit.trim()) out.push("unit");
  if (before.numeratorId !== after.numeratorId || before.denominatorId !== after.denominatorId) out.push("ratioParts");
  if ((before.ratioFactor ?? null) !== (after.ratioFactor ?? null)) out.push("ratioFactor");
  if (after.precision < before.precision && after.precision < maxDecimals) out.push("precision");
  return out;
}

/** Decimal places actually used by a stored ×10^6 value (0…6). */
export function storedDecimals(stored: bigint): number {
  let v = stored < 0n ? -stored : stored;
  let places = 6;
  while (places > 0 && v % 10n === 0n) {
    v /= 10n;
    places--;
  }
  return places;
}
