/**
 * Which month the dashboards, the bulletin form and the read API open on, and how far a
 * month is reported (lib/metrics/reported.ts holds the rule; domain.md §4). The counts are
 * the completeness board's (fills.ts): a region has submitted a month when all its required
 * figures are SUBMITTED or APPROVED. "Now" is the caller's (lib/clock.ts, once per request).
 */
import type { Db } from "../db/client";
import { ONE } from "../decimal";
import { defaultPeriod, isReported, openMonths, reportingDeadline, type MonthReportCount } from "../metrics";
import { CHINA_UTC_OFFSET_MS } from "../metrics/completeness";
import type { Period, TenantContext } from "./context";
import { getCompletenessBoard } from "./fills";
import { latestPeriod, loadSettings } from "./period-loader";

async function countOf(db: Db, ctx: TenantContext, period: Period, asOf: Date, parentId?: string): Promise<MonthReportCount> {
  const board = await getCompletenessBoard(db, ctx, period, asOf, parentId);
  return { ...period, submitted: board.counts.COMPLETE + board.counts.LATE, total: board.total };
}

/** The latest reported month at `asOf` (see the module). */
export async function latestReportedPeriod(db: Db, ctx: TenantContext, asOf: Date): Promise<Period> {
  const [settings, latestWithFigures] = await Promise.all([loadSettings(db, ctx.tenantId), latestPeriod(db, ctx)]);
  const open = await Promise.all(openMonths(latestWithFigures, asOf, settings.deadlineDay).map((p) => countOf(db, ctx, p, asOf)));
  return defaultPeriod({ asOf, deadlineDay: settings.deadlineDay, share: settings.reportedShare ?? ONE, latestWithFigures, open });
}

export interface MonthReporting {
  year: number;
  month: number;
  /** reporting regions that have submitted every required figure, of `total` */
  submitted: number;
  total: number;
  /** the deadline's day in China time */
  deadline: { month: number; day: number };
  deadlinePassed: boolean;
  /** the month counts as reported (deadline passed or the tenant's share reached) */
  reported: boolean;
}

/**
 * How far a month is reported at `asOf` (the dashboards' banner): by the reporting regions
 * below `parentId` when a dashboard shows one region's children, else the whole tenant's.
 */
export async function monthReporting(db: Db, ctx: TenantContext, period: Period, asOf: Date, parentId?: string): Promise<MonthReporting> {
  const [settings, count] = await Promise.all([loadSettings(db, ctx.tenantId), countOf(db, ctx, period, asOf, parentId)]);
  const deadline = reportingDeadline(period.year, period.month, settings.deadlineDay);
  const china = new Date(deadline.getTime() + CHINA_UTC_OFFSET_MS);
  return {
    year: period.year,
    month: period.month,
    submitted: count.submitted,
    total: count.total,
    deadline: { month: china.getUTCMonth() + 1, day: china.getUTCDate() },
    deadlinePassed: asOf.getTime() > deadline.getTime(),
    reported: isReported(count, asOf, settings.deadlineDay, settings.reportedShare ?? ONE),
  };
}
