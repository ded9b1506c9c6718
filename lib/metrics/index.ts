/**
 * STI Monitor metrics engine — pure TypeScript, no I/O, no clock.
 * DESIGN.md §3–§5: actuals per indicator kind, completion vs 序时进度, status, YoY,
 * aggregation up the region tree, rankings, composite scores, outlook, completeness.
 *
 * Entry point: `computePeriod(input)`; the helpers below are exported for reuse.
 */
export type * from "./types";
export { childTargetTotal, computePeriod, getCell, indexIndicators, indexTargets, ranksAt, reportingRegionIds, scheduleCompletion } from "./period";
export { buildRollupIndex, rollupActual, rollupPlan } from "./rollup";
export type { RollupIndex, RollupPlan, RollupPoint } from "./rollup";
export type { TargetIndex } from "./period";
export { DEFAULT_SETTINGS, DEFAULT_COUNTED_STATUSES, DEFAULT_LOWER_IS_BETTER_CAP, resolveSettings, validateSettings } from "./settings";
export type { ResolvedSettings } from "./settings";
export { expectedProgress, validateCurve, isDueMonth, latestDueMonth } from "./progress";
export { rankWithTies } from "./ranking";
export type { Ranked, RankOrder } from "./ranking";
export { computeCompletion, benchmarkFor } from "./completion";
export type { Completion, CompletionArgs } from "./completion";
export { gapPoints, gapStatus, cellStatus, isLaggard } from "./status";
export type { StatusThresholds } from "./status";
export { computeYoY } from "./yoy";
export { aggregateActuals, differenceActual, ratioActual, ownActual, missingActual, NO_REGIONS } from "./aggregate";
export { createActualResolver, ratioValue } from "./actual";
export type { ActualResolver } from "./actual";
export { buildFillIndex } from "./fills";
export type { FillIndex } from "./fills";
export { buildRegionTree } from "./regions";
export type { RegionTree } from "./regions";
export { compositeScore, rankComposite, indicatorBonus, tierFor } from "./composite";
export type { ScoreInput } from "./composite";
export { computeOutlook, shareOfYear, neededPerMonth } from "./outlook";
export type { OutlookContext, Share } from "./outlook";
export { computeCompleteness, reportingDeadline, requiredIndicators, CHINA_UTC_OFFSET_MS } from "./completeness";
export type { CompletenessInput } from "./completeness";
export { MetricsInputError } from "./util";
