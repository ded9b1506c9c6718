/**
 * Outlook (domain.md §5): projected year-end at the current pace and the monthly amount
 * still needed (倒排工期).
 *
 * Share of the year done by month m (the "shape"), first that applies:
 * 1. LAST_YEAR — last year's progress at m / last year's progress at December, for the
 *    same region, when both exist, December's is positive, the share is in (0, 1],
 *    for an aggregate both sums cover the same children, and last year's history is
 *    long enough: its December figure comes from month MIN_SHAPE_MONTHS or later (for a
 *    sum, every part's). A shape of fewer months says little (one January figure carried
 *    to December makes the share 1 and the projection the current figure): the outlook
 *    then says so (`shortHistory`) and uses the next rule;
 * 2. CURVE — the indicator's expected-progress curve at m, when it has one and it is > 0;
 * 3. LINEAR — m / 12.
 * "Progress" is what accrues over the year: the YTD total for CUMULATIVE, the net
 * increase since last December for INCREMENT and STOCK.
 *
 * Projection by kind:
 * - CUMULATIVE: projected = YTD / share.
 * - INCREMENT: projected = net increase / share.
 * - STOCK: the level is extrapolated through its net increase: projected = level +
 *   (increase / share − increase). Without last year's closing level the level is
 *   assumed to hold (shape FLAT, projected = level).
 * - RATIO: projected numerator / projected denominator × factor (shape COMPONENTS).
 * At month 12 the share is 1 and projected = actual.
 *
 * projectedCompletion applies the completion rule at month 12 to the projection.
 * neededPerMonth = (target − actual) / (12 − month) for HIGHER_IS_BETTER CUMULATIVE,
 * STOCK and INCREMENT indicators; null with TARGET_MET when actual ≥ target, YEAR_END at
 * month 12, NOT_APPLICABLE for RATIO and LOWER_IS_BETTER indicators (a ceiling needs no
 * amount "still to do").
 *
 * neededClaim says that amount without rounding it into a different claim: per month when
 * the amount is exact at the indicator's precision; for a whole-number indicator (precision
 * 0) otherwise as the total over the months left — 0.5 家 a month is "共需 3 家，余 6 个月",
 * never "每月 1 家".
 */
import { Decimal, ONE, ZERO } from "../decimal";
import type { ActualResolver } from "./actual";
import { computeCompletion } from "./completion";
import type { Actual, IndicatorDef, NeededReason, Outlook, ShapeSource } from "./types";
import { MetricsInputError, TWELVE, assertMonth } from "./util";

export interface Share {
  share: Decimal;
  shape: ShapeSource;
  /** last year's shape was set aside: the months it had (see the module comment) */
  shortHistory?: number;
}

/** Last year's history needs at least this many months (January to its December figure's month) to give the shape. */
const MIN_SHAPE_MONTHS = 6;

/** Share of the year done by `month` (see the module comment for the order of rules). */
export function shareOfYear(
  month: number,
  lastYearAtMonth: Decimal | null,
  lastYearAtDecember: Decimal | null,
  curve?: readonly Decimal[] | null,
): Share {
  assertMonth(month);
  if (lastYearAtMonth !== null && lastYearAtDecember !== null && lastYearAtDecember.gt(ZERO)) {
    const share = lastYearAtMonth.div(lastYearAtDecember);
    if (share.gt(ZERO) && share.lte(ONE)) return { share, shape: "LAST_YEAR" };
  }
  const fromCurve = curve && curve.length === 12 ? curve[month - 1] : undefined;
  if (fromCurve !== undefined && fromCurve.gt(ZERO)) return { share: fromCurve, shape: "CURVE" };
  return { share: new Decimal(month).div(TWELVE), shape: "LINEAR" };
}

/** Amount still needed per remaining month (see the module comment). */
export function neededPerMonth(
  target: Decimal | null,
  actual: Decimal | null,
  month: number,
): { value: Decimal | null; reason: NeededReason | null } {
  assertMonth(month);
  if (target === null || !target.gt(ZERO)) return { value: null, reason: "NO_TARGET" };
  if (actual === null) return { value: null, reason: "NO_DATA" };
  if (actual.gte(target)) return { value: null, reason: "TARGET_MET" };
  if (month === 12) return { value: null, reason: "YEAR_END" };
  return { value: target.minus(actual).div(new Decimal(12 - month)), reason: null };
}

export type NeededClaim = { perMonth: Decimal } | { total: Decimal; months: number };

/** How the amount still needed is said at `precision` decimal places (see the module comment). */
export function neededClaim(perMonth: Decimal, remainingMonths: number, precision: number): NeededClaim {
  if (precision > 0 || perMonth.decimalPlaces() === 0 || remainingMonths <= 1) return { perMonth };
  // the division's tail is rounded away at the precision: total = target − actual
  return { total: perMonth.times(remainingMonths).toDecimalPlaces(precision, Decimal.ROUND_HALF_UP), months: remainingMonths };
}

export interface OutlookContext {
  resolver: ActualResolver;
  indicators: ReadonlyMap<string, IndicatorDef>;
  year: number;
  month: number;
  lowerIsBetterCap: Decimal;
}

interface Projection {
  projected: Decimal | null;
  share: Decimal | null;
  shape: ShapeSource | null;
  shortHistory?: number;
}

const NO_PROJECTION: Projection = { projected: null, share: null, shape: null };

/** Both last-year values cover the same regions (an aggregate's shape is only meaningful like for like). */
function sameCoverage(a: Actual, b: Actual): boolean {
  const x = a.missingRegionIds;
  const y = b.missingRegionIds;
  if (x.length !== y.length) return false;
  if (x.length === 0 || x === y) return true;
  const missing = new Set(x);
  for (const id of y) if (!missing.has(id)) return false;
  return true;
}

function lastYearShare(ctx: OutlookContext, def: IndicatorDef, regionId: string, progress: "actual" | "netChange"): Share {
  const lastYear = ctx.year - 1;
  const atMonth = ctx.resolver[progress](regionId, def.id, lastYear, ctx.month);
  const atDecember = ctx.resolver[progress](regionId, def.id, lastYear, 12);
  if (!sameCoverage(atMonth, atDecember)) return shareOfYear(ctx.month, null, null, def.curve);
  const months = atDecember.monthUsed;
  if (atMonth.value !== null && months !== null && months < MIN_SHAPE_MONTHS) {
    return { ...shareOfYear(ctx.month, null, null, def.curve), shortHistory: months };
  }
  return shareOfYear(ctx.month, atMonth.value, atDecember.value, def.curve);
}

function projectStock(ctx: OutlookContext, def: IndicatorDef, regionId: string, level: Decimal): Projection {
  const increase = ctx.resolver.netChange(regionId, def.id, ctx.year, ctx.month).value;
  if (increase === null) return { projected: level, share: null, shape: "FLAT" };
  const { share, shape, shortHistory } = lastYearShare(ctx, def, regionId, "netChange");
  return withShortHistory({ projected: level.plus(increase.div(share)).minus(increase), share, shape }, shortHistory);
}

function projectRatio(ctx: OutlookContext, def: IndicatorDef, regionId: string): Projection {
  if (!def.numeratorId || !def.denominatorId) {
    throw new MetricsInputError(`ratio indicator ${def.id} needs a numerator and a denominator`);
  }
  const numerator = project(ctx, def.numeratorId, regionId);
  const denominator = project(ctx, def.denominatorId, regionId);
  if (numerator.projected === null || denominator.projected === null || denominator.projected.isZero()) return NO_PROJECTION;
  const projected = numerator.projected.div(denominator.projected).times(def.ratioFactor ?? ONE);
  // the thinner part's history, if either was set aside
  const short = [numerator.shortHistory, denominator.shortHistory].filter((m) => m !== undefined);
  return withShortHistory({ projected, share: null, shape: "COMPONENTS" }, short.length > 0 ? Math.min(...short) : undefined);
}

/** The field only where it applies (a projection on a full shape has none). */
function withShortHistory(p: Projection, months: number | undefined): Projection {
  if (months !== undefined) p.shortHistory = months;
  return p;
}

/** Projected year-end value of an indicator for a region. */
function project(ctx: OutlookContext, indicatorId: string, regionId: string): Projection {
  const def = ctx.indicators.get(indicatorId);
  if (!def) throw new MetricsInputError(`unknown indicator ${indicatorId}`);
  if (def.kind === "RATIO") return projectRatio(ctx, def, regionId);
  const actual = ctx.resolver.actual(regionId, def.id, ctx.year, ctx.month).value;
  if (actual === null) return NO_PROJECTION;
  if (def.kind === "STOCK") return projectStock(ctx, def, regionId, actual);
  const { share, shape, shortHistory } = lastYearShare(ctx, def, regionId, "actual");
  return withShortHistory({ projected: actual.div(share), share, shape }, shortHistory);
}

function needed(def: IndicatorDef, target: Decimal | null, actual: Decimal | null, month: number) {
  if (def.kind === "RATIO" || def.direction === "LOWER_IS_BETTER") {
    return { value: null, reason: "NOT_APPLICABLE" as const };
  }
  return neededPerMonth(target, actual, month);
}

/** Outlook of one region × indicator cell. */
export function computeOutlook(
  ctx: OutlookContext,
  def: IndicatorDef,
  regionId: string,
  actual: Actual,
  target: Decimal | null,
): Outlook {
  const need = needed(def, target, actual.value, ctx.month);
  const base = { neededPerMonth: need.value, neededReason: need.reason, remainingMonths: 12 - ctx.month };
  if (actual.value === null) {
    return { ...base, shareOfYear: null, shape: null, projected: null, projectedCompletion: null, reason: "NO_DATA" };
  }
  const { projected, share, shape, shortHistory } = project(ctx, def.id, regionId);
  const completion = computeCompletion({
    actual: projected,
    target,
    direction: def.direction,
    kind: def.kind,
    expected: ONE,
    lowerIsBetterCap: ctx.lowerIsBetterCap,
  });
  const reason = projected === null ? "NO_PROJECTION" : completion.value === null ? "NO_TARGET" : null;
  const outlook: Outlook = { ...base, shareOfYear: share, shape, projected, projectedCompletion: completion.value, reason };
  if (shortHistory !== undefined) outlook.shortHistory = shortHistory;
  return outlook;
}
