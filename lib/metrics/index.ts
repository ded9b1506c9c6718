/**
 * STI Monitor metrics engine — pure TypeScript, no I/O, no clock.
 * domain.md §3–§5: actuals per indicator kind, completion vs 序时进度, status, YoY,
 * aggregation up the region tree, rankings, composite scores, outlook, completeness.
 *
 * Entry point: `computePeriod(input)`; below it, what the loaders, pages and tests use.
 */
export type * from "./types";
export { childTargetTotal, computePeriod, getCell, indexIndicators, indexTargets, ranksAt, reportingRegionIds, targetsFromChildren } from "./period";
export { buildRollupIndex, rollupActual, rollupPlan } from "./rollup";
export type { RollupPlan } from "./rollup";
export { DEFAULT_SETTINGS, DEFAULT_COUNTED_STATUSES } from "./settings";
export { expectedProgress, validateCurve, isDueMonth, latestDueMonth } from "./progress";
export { rankWithTies } from "./ranking";
export { computeCompletion } from "./completion";
export { gapPoints, gapStatus, cellStatus } from "./status";
export { NO_REGIONS } from "./aggregate";
export { createActualResolver, ratioValue } from "./actual";
export { buildFillIndex } from "./fills";
export { buildRegionTree, levelsBelow, regionsBelow } from "./regions";
export type { RegionTree } from "./regions";
export { compositeScore, rankComposite, indicatorBonus, tierFor } from "./composite";
export { shareOfYear, neededPerMonth } from "./outlook";
export { computeCompleteness, reportingDeadline, requiredIndicators } from "./completeness";
export { MetricsInputError } from "./util";
export { defaultPeriod, isReported, openMonths } from "./reported";
export type { MonthReportCount } from "./reported";
export { FigureStates, rankReported, statusesFromFills } from "./states";
export type { FigureState, MonthStatuses } from "./states";
