/**
 * The period a dashboard opens on: the latest *reported* month (domain.md §4).
 *
 * A month counts as reported when its reporting deadline (completeness.ts: day
 * `deadlineDay` of the next month, end of day, China time) has passed, or — before that —
 * when at least `share` of the reporting regions have submitted all its required figures.
 * On the deadline day itself the deadline has not passed yet.
 *
 * The default period is the latest month with figures when it is reported; otherwise the
 * latest reported month among the months before it (always the one whose deadline passed
 * last, unless a later one reached the share). A tenant with no figures yet opens on the
 * latest month whose deadline has passed. Pure: "now" and the counts are passed in.
 */
import { Decimal } from "../decimal";
import { CHINA_UTC_OFFSET_MS, reportingDeadline } from "./completeness";

export interface YearMonth {
  year: number;
  month: number;
}

/** How many reporting regions have submitted a month, of how many. */
export interface MonthReportCount extends YearMonth {
  submitted: number;
  total: number;
}

const index = (p: YearMonth): number => p.year * 12 + (p.month - 1);
const fromIndex = (k: number): YearMonth => ({ year: Math.floor(k / 12), month: (k % 12) + 1 });

/** The month before (January → December of the year before). */
function monthBefore(p: YearMonth): YearMonth {
  return fromIndex(index(p) - 1);
}

/** The latest month whose reporting deadline has passed at `asOf`. */
function lastDueMonth(asOf: Date, deadlineDay: number): YearMonth {
  const china = new Date(asOf.getTime() + CHINA_UTC_OFFSET_MS);
  const previous = monthBefore({ year: china.getUTCFullYear(), month: china.getUTCMonth() + 1 });
  return asOf.getTime() > reportingDeadline(previous.year, previous.month, deadlineDay).getTime() ? previous : monthBefore(previous);
}

/** Whether the share of submitted regions reaches `share` (a fraction; no regions: never). */
function shareReached(count: MonthReportCount, share: Decimal): boolean {
  return count.total > 0 && new Decimal(count.submitted).div(count.total).gte(share);
}

/** Whether a month counts as reported at `asOf`: its deadline has passed, or the share is reached. */
export function isReported(count: MonthReportCount, asOf: Date, deadlineDay: number, share: Decimal): boolean {
  return asOf.getTime() > reportingDeadline(count.year, count.month, deadlineDay).getTime() || shareReached(count, share);
}

/** The months after the last due month up to the latest with figures, latest first: the ones whose counts decide. */
export function openMonths(latestWithFigures: YearMonth | null, asOf: Date, deadlineDay: number): YearMonth[] {
  if (latestWithFigures === null) return [];
  const due = index(lastDueMonth(asOf, deadlineDay));
  const months: YearMonth[] = [];
  for (let k = index(latestWithFigures); k > due; k--) months.push(fromIndex(k));
  return months;
}

export interface DefaultPeriodInput {
  asOf: Date;
  deadlineDay: number;
  /** fraction of the reporting regions, e.g. 1 (all) or 0.8 */
  share: Decimal;
  latestWithFigures: YearMonth | null;
  /** the counts of `openMonths(latestWithFigures, asOf, deadlineDay)`, any order */
  open: readonly MonthReportCount[];
}

export function defaultPeriod(input: DefaultPeriodInput): YearMonth {
  const { asOf, deadlineDay, share, latestWithFigures } = input;
  const due = lastDueMonth(asOf, deadlineDay);
  if (latestWithFigures === null) return due;
  if (index(latestWithFigures) <= index(due)) return latestWithFigures;
  const reached = input.open.filter((c) => index(c) <= index(latestWithFigures) && shareReached(c, share)).sort((a, b) => index(b) - index(a));
  const latest = reached[0];
  return latest ? { year: latest.year, month: latest.month } : due;
}
