/**
 * Plain data types of the metrics engine (domain.md §3–§5).
 *
 * Every measure is a `Decimal` (lib/decimal.ts); plain numbers are used only for years,
 * months, ranks and counts.
 * All types are plain data (serialisable apart from `Decimal` and `Date`), so a loader can
 * fill them from flat database rows and a page can pass the results on.
 *
 * Units used throughout:
 * - `completion`, `expected`, `benchmark`, `shareOfYear`, `growth`, rates: fractions
 *   (0.234 = 23.4 %).
 * - `gapPoints` and the gap thresholds in the settings: percentage points
 *   ((completion − benchmark) × 100, so −26.6 means 26.6 points behind).
 * - Composite scores: points (fullMarks is typically 100).
 */
import type { Decimal } from "../decimal";

// ------------------------------------------------------------------ enums

export type IndicatorKind = "CUMULATIVE" | "STOCK" | "INCREMENT" | "RATIO";
export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type Frequency = "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "YEARLY";
export type FillStatus = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

// ------------------------------------------------------------------ input

/** A node of the tenant's region tree. Exactly one region has no parent: the city (root). */
export interface RegionDef {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  /** Deactivated regions keep their history but are excluded from totals, rankings and completeness. */
  active: boolean;
  sortOrder: number;
}

export interface IndicatorDef {
  id: string;
  code: string;
  name: string;
  kind: IndicatorKind;
  direction: Direction;
  /** Display precision only — the engine never rounds. */
  precision: number;
  /** Weight in the composite score; 0 (or less) keeps the indicator out of the composite. */
  weight: Decimal;
  /** Reporting frequency (default MONTHLY); decides which months a fill is required and when a value is stale. */
  frequency?: Frequency;
  /** RATIO only: the indicator summed as numerator. */
  numeratorId?: string | null;
  /** RATIO only: the indicator summed as denominator. */
  denominatorId?: string | null;
  /** RATIO only: multiplier, e.g. 100 for a percentage (default 1). */
  ratioFactor?: Decimal | null;
  /** 12 cumulative expected-progress fractions (Jan…Dec), non-decreasing, in [0, 1], ending at exactly 1. */
  curve?: readonly Decimal[] | null;
}

/** The annual target of one region for one indicator (the input's year). */
export interface TargetRow {
  regionId: string;
  indicatorId: string;
  value: Decimal;
}

/**
 * One monthly fill. For CUMULATIVE the value is the year-to-date total, for STOCK and
 * INCREMENT the level at month end. RATIO indicators are never filled (rows are ignored).
 */
export interface FillRow {
  regionId: string;
  indicatorId: string;
  year: number;
  month: number;
  value: Decimal;
  status: FillStatus;
  /** When the fill was (last) submitted; used for lateness. */
  submittedAt?: Date | null;
}

/** A region's fills of the month summed up for completeness (see completeness.ts). */
export interface RegionReport {
  regionId: string;
  /** required indicators submitted or approved (other ids are ignored) */
  submittedIds: readonly string[];
  /** required indicators returned by the reviewer */
  returnedIds: readonly string[];
  /** latest submittedAt among the submitted required fills */
  lastSubmittedAt: Date | null;
}

/** A fill as completeness reads it (any status; the value is not needed). */
export type ReportRow = Pick<FillRow, "regionId" | "indicatorId" | "year" | "month" | "status" | "submittedAt">;

/** Roll-ups of regions summed by the loader (see rollup.ts). */
export type RollupMeasure = "LEVEL" | "NET";

export interface RollupRow {
  regionId: string;
  indicatorId: string;
  year: number;
  month: number;
  measure: RollupMeasure;
  /** Contributing leaves with a value (NET: with both the level and the baseline). */
  present: number;
  /** Σ of their values (NET: of level − baseline); ignored when `present` is 0. */
  sum: Decimal;
  /** Earliest month whose fill was used among them (NET: of the level); null when none. */
  minUsed: number | null;
  /** NET: earliest month of the baseline (last year's) used among them. */
  minBaseUsed: number | null;
  /** Contributing leaves without a value (NET: without the level or the baseline), in tree order. */
  missingRegionIds: readonly string[];
  /** NET: leaves with a level but no baseline. */
  noBaseline: number;
}

/** The rolled-up regions (each with whether it is itself a leaf) and their rows. */
export interface Rollups {
  regions: readonly { regionId: string; leaf: boolean }[];
  rows: readonly RollupRow[];
}

export interface ScoreTier {
  label: string;
  /** A score at or above this bound (and below the next higher tier's) gets this tier. */
  minScore: Decimal;
}

export interface CompositeSettings {
  /** Composite score when every counted indicator is exactly at target (e.g. 100). */
  fullMarks: Decimal;
  /** Bonus points per percentage point of completion above 100 % (e.g. 0.1). */
  bonusPerPercent: Decimal;
  /** Maximum bonus per indicator (e.g. 4, 常州武进). */
  bonusCap: Decimal;
  /** Tiers in any order; the highest `minScore` not above the score wins (e.g. A ≥ 80, B ≥ 60, C ≥ 0). */
  tiers: readonly ScoreTier[];
}

export interface MetricsSettings {
  /** Reports for month M are due by the end of this day of month M+1, China time (UTC+8). Clamped to the month's length. */
  deadlineDay: number;
  /** Gap in percentage points at or above which a cell is AHEAD (on or ahead of schedule), e.g. 0. */
  behindGap: Decimal;
  /** Gap in percentage points below which a cell is SERIOUSLY_BEHIND, e.g. −10. Must be ≤ behindGap. */
  seriousGap: Decimal;
  composite: CompositeSettings;
  /**
   * Fill statuses that count toward the dashboards. Default SUBMITTED and APPROVED: a
   * DRAFT is not yet vouched for by the county and a RETURNED figure was rejected by
   * the reviewer, so neither is shown as an actual.
   */
  countedStatuses?: readonly FillStatus[];
  /**
   * Upper bound of a LOWER_IS_BETTER completion (default 2 = 200 %), which also covers
   * an actual of 0 or below. Keeps completion finite and monotone.
   */
  lowerIsBetterCap?: Decimal;
  /**
   * Read by the loaders and views, not by computePeriod (reported.ts, states.ts): the share
   * of reporting regions (a fraction, default 1) whose submission makes a month reported
   * before its deadline, and whether a county is ranked on a carried figure for a month it
   * has not reported (default false: listed after the ranked ones).
   */
  reportedShare?: Decimal;
  rankUnreported?: boolean;
  /**
   * A parent without a target of its own is measured against the Σ of its active children's
   * targets, when every one of them has one (their own, or theirs in turn) — default true.
   * Never for RATIO indicators (ratios do not add up).
   */
  childTargets?: boolean;
}

/**
 * Everything the engine needs for one tenant and one period (year, month).
 *
 * `fills` should hold, for the regions and indicators given:
 * - this year, months 1…month (later months are ignored);
 * - last year, all 12 months (year-on-year, outlook shape, INCREMENT baseline);
 * - the year before last, for STOCK and INCREMENT indicators: its latest value up to
 *   December is the baseline of last year's net change (year-on-year growth and outlook
 *   shape). Without it those are simply unavailable.
 * Rows of other years are ignored. At most one row per (region, indicator, year, month).
 */
export interface PeriodInput {
  year: number;
  /** 1…12 */
  month: number;
  /** "Now" for completeness — passed in, never read from the clock. */
  asOf: Date;
  settings: MetricsSettings;
  regions: readonly RegionDef[];
  /** In display order; the output keeps this order. */
  indicators: readonly IndicatorDef[];
  /** Targets of `year`. At most one row per (region, indicator). */
  targets: readonly TargetRow[];
  fills: readonly FillRow[];
  /**
   * Σ of the children's targets of regions whose children the input does not hold (rolled-up
   * units with regions below them), as `targetsFromChildren` computes them on the whole tree:
   * used when such a region has no target of its own (settings.childTargets).
   */
  childTargets?: readonly TargetRow[];
  /**
   * Regions whose figures the loader summed from their leaves (rollup.ts): their actuals
   * come from these rows, and `fills` need not hold their leaves' fills.
   */
  rollups?: Rollups;
  /**
   * Completeness: the reporting regions and their fills of (year, month), any status.
   * Default: the active leaves below the root (the regions that fill) and `fills`.
   */
  reporting?: {
    regionIds: readonly string[];
    fills?: readonly ReportRow[];
    /** the regions' fills of the month summed up already (completeness.ts RegionReport) */
    reports?: readonly RegionReport[];
  };
}

// ------------------------------------------------------------------ actuals

/** Why an actual has no value. */
export type ActualReason =
  /** no counted fill (and no earlier month to carry forward), or no child with a value */
  | "NO_DATA"
  /** INCREMENT: no level at the end of last year to subtract */
  | "NO_BASELINE"
  /** RATIO: the denominator is zero */
  | "ZERO_DENOMINATOR";

export interface Actual {
  value: Decimal | null;
  reason: ActualReason | null;
  /** FILL: the region's own fill; AGGREGATE: summed from its active children; RATIO: computed from two indicators. */
  source: "FILL" | "AGGREGATE" | "RATIO" | null;
  /** True when a value was carried forward from a month before the latest month due (or a part of it was). */
  stale: boolean;
  /** Month whose fill was used (the earliest such month for aggregates and ratios); null without a value. */
  monthUsed: number | null;
  /** Aggregates: true when some active children had no value (the sum covers only the others). */
  partial: boolean;
  /** Active regions whose value is missing from this aggregate (deepest level), in tree order. */
  missingRegionIds: readonly string[];
}

// ------------------------------------------------------------------ cells

export type CompletionReason =
  /** no target, or a target of zero */
  | "NO_TARGET"
  /** a negative target */
  | "INVALID_TARGET"
  /** no actual (see `Actual.reason`) */
  | "NO_DATA";

export type CellStatus = "AHEAD" | "BEHIND" | "SERIOUSLY_BEHIND" | "NO_TARGET" | "NO_DATA" | "INACTIVE";

export type YoYReason =
  /** no actual this year */
  | "NO_DATA"
  /** no actual last year at the same month */
  | "NO_LAST_YEAR"
  /** last year's value is zero */
  | "ZERO_BASE"
  /** last year's value is negative (a growth rate on a negative base is meaningless) */
  | "NEGATIVE_BASE";

export interface YoY {
  current: Decimal | null;
  lastYear: Decimal | null;
  /** current − lastYear (for a % ratio: percentage points) */
  change: Decimal | null;
  /** (current − lastYear) / lastYear, a fraction; null with `reason` */
  growth: Decimal | null;
  reason: YoYReason | null;
  lastYearStale: boolean;
}

/** How the share of the year already done was obtained. */
export type ShapeSource = "LAST_YEAR" | "CURVE" | "LINEAR" | "FLAT" | "COMPONENTS";

export type OutlookReason = "NO_DATA" | "NO_TARGET" | "NO_PROJECTION";
export type NeededReason = "NO_DATA" | "NO_TARGET" | "TARGET_MET" | "YEAR_END" | "NOT_APPLICABLE";

export interface Outlook {
  /** Fraction of the year's progress expected to be done by this month. */
  shareOfYear: Decimal | null;
  shape: ShapeSource | null;
  /** Projected year-end actual at the current pace. */
  projected: Decimal | null;
  /** Completion of the projected year-end actual (same rule as `Cell.completion` at month 12). */
  projectedCompletion: Decimal | null;
  reason: OutlookReason | null;
  /** Amount still needed per remaining month to reach the target (倒排工期). */
  neededPerMonth: Decimal | null;
  neededReason: NeededReason | null;
  remainingMonths: number;
  /**
   * Present when last year's monthly shape was set aside as too thin: the months of last year
   * it would have rested on (January to the month its December figure comes from), fewer
   * than MIN_SHAPE_MONTHS; the projection then uses the curve or the linear pace.
   */
  shortHistory?: number;
}

/** One region × indicator figure of the period. */
export interface Cell {
  regionId: string;
  indicatorId: string;
  isRoot: boolean;
  /** The region and all its ancestors are active. */
  active: boolean;
  actual: Actual;
  target: Decimal | null;
  /** Sum of the active children's targets, for checking against this region's own target (null for leaves and RATIO). */
  childTargetSum: Decimal | null;
  /**
   * Present (true) when the region has no target of its own and `target` is the Σ of its
   * active children's targets (settings.childTargets; shown as 按下级目标合计).
   */
  targetFromChildren?: true;
  completion: Decimal | null;
  completionReason: CompletionReason | null;
  /** 序时进度: month/12 or the indicator's curve. */
  expected: Decimal;
  /** What completion is compared with: `expected` (higher is better) or 1 (lower is better). */
  benchmark: Decimal;
  /** (completion − benchmark) × 100, in percentage points. */
  gapPoints: Decimal | null;
  status: CellStatus;
  yoy: YoY;
  /** Rank among the active counties for this indicator; null for the root, inactive or unranked regions. */
  rank: number | null;
  outlook: Outlook;
}

// ------------------------------------------------------------------ rankings

export interface RankEntry {
  regionId: string;
  rank: number | null;
  completion: Decimal | null;
  gapPoints: Decimal | null;
  status: CellStatus;
}

export interface IndicatorRanking {
  indicatorId: string;
  expected: Decimal;
  /** Active counties, ranked first (best first), then the unranked in tree order. */
  entries: RankEntry[];
  /** Counties BEHIND or SERIOUSLY_BEHIND, worst first. */
  laggardRegionIds: string[];
}

export type ScoreExclusion = "NO_TARGET" | "ZERO_WEIGHT";

export interface IndicatorScore {
  indicatorId: string;
  weight: Decimal;
  /** weight / Σ weights of the counted indicators; 0 when excluded */
  normalisedWeight: Decimal;
  /** Completion used for scoring (0 when the region has a target but no data); null when excluded. */
  completion: Decimal | null;
  /** 目标得分: fullMarks × normalisedWeight × clamp(completion, 0, 1) */
  base: Decimal;
  /** 加分: min(bonusCap, (completion − 1) × 100 × bonusPerPercent) above target, else 0 */
  bonus: Decimal;
  counted: boolean;
  excludedReason: ScoreExclusion | null;
}

export interface CompositeScore {
  regionId: string;
  /** Σ base (目标得分); null when no indicator counts */
  targetScore: Decimal | null;
  /** Σ bonus (加分) */
  bonusScore: Decimal | null;
  /** targetScore + bonusScore (综合得分) */
  total: Decimal | null;
  tier: string | null;
  rank: number | null;
  parts: IndicatorScore[];
}

export interface CompositeRanking {
  /** Active counties, ranked first (best first), then the unranked in tree order. */
  entries: CompositeScore[];
  /** The city's own composite against its own targets (never ranked). */
  city: CompositeScore;
}

// ------------------------------------------------------------------ completeness

/**
 * COMPLETE: every required fill SUBMITTED/APPROVED, the last one on or before the deadline.
 * LATE: every required fill SUBMITTED/APPROVED, the last one after the deadline.
 * PENDING: not all submitted yet, deadline not passed.
 * OVERDUE: not all submitted and the deadline has passed.
 */
export type ReportStatus = "COMPLETE" | "LATE" | "PENDING" | "OVERDUE";

export interface RegionCompleteness {
  regionId: string;
  status: ReportStatus;
  requiredCount: number;
  submittedCount: number;
  /** Required indicators without a SUBMITTED/APPROVED fill (including RETURNED and DRAFT ones). */
  missingIndicatorIds: string[];
  /** Required indicators whose fill was RETURNED by the reviewer. */
  returnedIndicatorIds: string[];
  /** Latest submittedAt among the submitted required fills. */
  lastSubmittedAt: Date | null;
}

export interface CompletenessResult {
  year: number;
  month: number;
  /** End of the deadline day in China time, as an instant. */
  deadline: Date;
  deadlinePassed: boolean;
  regions: RegionCompleteness[];
  counts: Record<ReportStatus, number>;
  total: number;
  /** 填报率: (COMPLETE + LATE) / total; null when there are no reporting regions */
  submissionRate: Decimal | null;
  /** COMPLETE / total */
  onTimeRate: Decimal | null;
}

// ------------------------------------------------------------------ result

export interface PeriodResult {
  year: number;
  month: number;
  rootRegionId: string;
  /** Active children of the root — the ranked and reporting units — in tree order. */
  countyIds: string[];
  /** 序时进度 per indicator id. */
  expected: Record<string, Decimal>;
  /** Every region (tree order, inactive included) × every indicator (input order). */
  cells: Cell[];
  /** The root's cells, one per indicator (input order): city totals against the city's own targets. */
  city: Cell[];
  rankings: IndicatorRanking[];
  composite: CompositeRanking;
  completeness: CompletenessResult;
}
