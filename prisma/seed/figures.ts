/**
 * Deterministic demo figures: annual targets and monthly fills in realistic magnitudes,
 * from a region's scale and pace (catalogue.ts). Same catalogue → same numbers, always:
 * a small seeded PRNG, and Decimal arithmetic rounded to each indicator's precision.
 */
import { Decimal } from "../../lib/decimal";
import type { IndicatorDef, RegionDef } from "./catalogue";

/** mulberry32: a tiny, well-known deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decimal in [1 − spread, 1 + spread], to 3 places. */
function jitter(rand: () => number, spread: number): Decimal {
  return new Decimal(1).plus(new Decimal(rand()).times(2).minus(1).times(spread)).toDecimalPlaces(3);
}

/** How a typical year's cumulative total builds up month by month (close to even, with a mid-year and a year-end push). */
const MONTH_WEIGHTS = [8, 7, 9, 8, 8, 10, 8, 8, 8, 9, 8, 9];
const SEASONAL_SHAPE: Decimal[] = (() => {
  const total = MONTH_WEIGHTS.reduce((a, b) => a + b, 0);
  let run = 0;
  return MONTH_WEIGHTS.map((w) => {
    run += w;
    return new Decimal(run).dividedBy(total);
  });
})();

function round(value: Decimal, precision: number): Decimal {
  return value.toDecimalPlaces(precision, Decimal.ROUND_HALF_UP);
}

export interface SeriesYear {
  year: number;
  /** annual target (null when the indicator carries no target) */
  target: Decimal | null;
  /** the fill value for months 1…12 */
  months: Decimal[];
}

/**
 * Targets and 12 monthly fills per year for one (region, indicator).
 * CUMULATIVE: year-to-date totals along the seasonal shape. STOCK / INCREMENT: the level
 * at month end, rising from last December's level towards the target along the
 * indicator's curve (or linearly). Each year's pace is the region's pace for that year
 * with a little per-indicator noise.
 */
export function generateSeries(
  region: RegionDef,
  indicator: IndicatorDef,
  years: number[],
  rand: () => number,
): SeriesYear[] {
  const gen = indicator.gen;
  if (!gen) return [];
  const scale = gen.scaled === false ? new Decimal(1) : new Decimal(region.scale);
  const p = indicator.precision;
  const curve = indicator.curve?.map((c) => new Decimal(c));
  const shape = (m: number) =>
    curve ? curve[m - 1] : indicator.kind === "CUMULATIVE" ? SEASONAL_SHAPE[m - 1] : new Decimal(m).dividedBy(12);

  const out: SeriesYear[] = [];
  let level = gen.opening ? round(new Decimal(gen.opening).times(scale).times(jitter(rand, 0.15)), p) : new Decimal(0);
  let base = new Decimal(gen.base).times(scale).times(jitter(rand, 0.12));
  for (const year of years) {
    const pace = new Decimal(region.pace[year] ?? 1).times(jitter(rand, 0.07));
    const rise = base.isZero() ? new Decimal(0) : Decimal.max(round(base, p), new Decimal(1).dividedBy(new Decimal(10).pow(p)));
    const months: Decimal[] = [];
    let target: Decimal | null;
    if (indicator.kind === "CUMULATIVE") {
      target = round(base, p);
      let previous = new Decimal(0);
      for (let m = 1; m <= 12; m++) {
        const noisy = target.times(pace).times(shape(m)).times(jitter(rand, 0.03));
        previous = Decimal.max(previous, round(noisy, p));
        months.push(previous);
      }
    } else {
      const opening = level;
      // STOCK: the target is the year-end level; INCREMENT: the net increase.
      target = indicator.kind === "STOCK" ? opening.plus(rise) : rise;
      let previous = opening;
      for (let m = 1; m <= 12; m++) {
        const lvl = round(opening.plus(rise.times(pace).times(shape(m))), p);
        previous = Decimal.max(previous, lvl);
        months.push(previous);
      }
      level = months[11];
    }
    if (gen.noTarget) target = null;
    out.push({ year, target, months });
    // next year's target is set 6–15 % higher (better counties get heavier tasks)
    base = base.times(new Decimal("1.06").plus(new Decimal(rand()).times("0.09")));
  }
  return out;
}
