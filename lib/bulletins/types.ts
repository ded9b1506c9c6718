/**
 * The bulletin (通报) as plain data: what the generator takes and what it returns.
 * Client-safe (types only). Decimals travel as exact decimal strings.
 */
export const BULLETIN_PERIOD_TYPES = ["MONTH", "QUARTER", "HALF_YEAR", "YEAR"] as const;
export type BulletinPeriodType = (typeof BULLETIN_PERIOD_TYPES)[number];

export interface BulletinPeriodSpec {
  type: BulletinPeriodType;
  year: number;
  /** month 1–12, quarter 1–4, half 1–2, or 1 for a year */
  period: number;
}

export type CellStatusName = "AHEAD" | "BEHIND" | "SERIOUSLY_BEHIND" | "NO_TARGET" | "NO_DATA" | string;

/** One indicator's city figures for the period. */
export interface BulletinIndicatorInput {
  code: string;
  name: string;
  unit: string;
  precision: number;
  actual: string | null;
  target: string | null;
  /** fraction, e.g. "0.513" */
  completion: string | null;
  /** 序时进度, fraction */
  expected: string;
  /** percentage points, signed */
  gapPoints: string | null;
  status: CellStatusName;
  /** fraction, null when there is no comparable figure last year */
  yoyGrowth: string | null;
  /** the amount still needed per remaining month (倒排工期), null when not applicable */
  neededPerMonth: string | null;
  remainingMonths: number;
}

export interface BulletinLaggardInput {
  indicatorCode: string;
  /** counties below 序时进度, worst first */
  counties: { name: string; completion: string; expected: string; gapPoints: string; status: CellStatusName }[];
}

export interface BulletinCompositeInput {
  name: string;
  rank: number | null;
  targetScore: string | null;
  bonusScore: string | null;
  total: string | null;
  tier: string | null;
}

export interface BulletinChartInput {
  indicatorCode: string;
  /** every county with its completion (fraction), in ranking order */
  bars: { name: string; completion: string | null }[];
  expected: string;
}

export interface BulletinInput {
  /** e.g. 湘西土家族苗族自治州 */
  tenantName: string;
  /** e.g. 湘西土家族苗族自治州科学技术局 (TenantSettings.issuer) */
  issuer: string;
  /** the tenant's word for its whole area, e.g. 全州 (TenantSettings.areaWord) */
  area: string;
  /** the word for the regions ranked, by their level: 县市区 (when absent) or 市州 */
  units?: string;
  period: BulletinPeriodSpec;
  /** the last month of the period: the figures are year-to-date at its end */
  month: number;
  /** the document's date, YYYY-MM-DD */
  issuedOn: string;
  indicators: BulletinIndicatorInput[];
  laggards: BulletinLaggardInput[];
  composite: BulletinCompositeInput[];
  chart: BulletinChartInput | null;
  /** every county's completion (fraction) of every indicator: `completion[k]` is `counties[k]`'s */
  grid: { counties: string[]; rows: { indicatorCode: string; completion: (string | null)[] }[] };
  /** counties with a figure of the month 未报 (not reported): named, never ranked on stale figures */
  unreported: string[];
  /** counties whose figures of the month are reported but some still 待审核 (not yet approved) */
  pending: string[];
  /** whether 待审核 figures count (TenantSettings.countPending) */
  pendingCounted: boolean;
  /**
   * the counties' codes and whether each has an outline on the tenant's map: absent or null
   * when the tenant has no map (no 图 of the map then)
   */
  map?: { counties: { code: string; name: string; outlined: boolean }[] } | null;
}

/** A number in a paragraph and the table cell it comes from. */
export interface FigureRef {
  table: string;
  row: number;
  column: number;
  /** the number as written in the text (and in the cell) */
  text: string;
}

export interface BulletinParagraph {
  id: string;
  /** generated from the numbers, or added by an administrator */
  origin: "generated" | "custom";
  text: string;
  figures: FigureRef[];
  /** set when an administrator changed a generated paragraph */
  edited?: boolean;
}

export interface BulletinSection {
  id: string;
  heading: string;
  paragraphs: BulletinParagraph[];
}

export interface BulletinTable {
  id: string;
  title: string;
  columns: string[];
  rows: string[][];
  /** a line under the table (source, notes) */
  note?: string;
  /** cells set in bold (a county below 序时进度) */
  emphasis?: { row: number; column: number }[];
}

export interface BulletinChart {
  id: string;
  title: string;
  /** 序时进度 in percent, 1 decimal */
  expectedPercent: string;
  bars: { label: string; percent: string | null }[];
}

/**
 * The county map figure: each county's composite tier (what section 三 discusses) as a status
 * key of the dashboards (AHEAD the best tier, SERIOUSLY_BEHIND the worst, BEHIND between,
 * NO_DATA unranked). The outlines are the tenant's, drawn when the document is shown.
 */
export interface BulletinMapFigure {
  id: "county-map";
  /** e.g. 图2 各县市区科技创新综合得分等次（1—6月） */
  title: string;
  /** the tiers present, best first, then 未排名 when a county has no score */
  legend: { tone: string; label: string }[];
  counties: { code: string; name: string; tone: string; label: string; outlined: boolean }[];
  /** the counties without an outline of their own, named under the map */
  note?: string;
}

export interface BulletinDocument {
  version: 1;
  title: string;
  /** the title broken between words for print (absent in documents generated before) */
  titleLines?: string[];
  issuer: string;
  /** e.g. 2026年7月5日 */
  dateText: string;
  period: BulletinPeriodSpec;
  month: number;
  sections: BulletinSection[];
  tables: BulletinTable[];
  charts: BulletinChart[];
  /** the county map (absent for a tenant without outlines, and in documents generated before it) */
  map?: BulletinMapFigure;
  /** the counties named as not having reported the month, and those with figures awaiting approval */
  unreported?: string[];
  pending?: string[];
  /** a fingerprint of the input figures: a change means the data moved after generation */
  dataHash: string;
}
