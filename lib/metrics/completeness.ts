/**
 * Reporting completeness (填报率) of one month.
 *
 * Deadline: reports for month M are due by the end of day `deadlineDay` of month M+1
 * (December → January of the next year), China time (UTC+8, no daylight saving): the
 * deadline instant is that day 23:59:59.999 +08:00. A deadlineDay past the end of the
 * month means its last day (31 → 28/29 February).
 *
 * Reporting regions: the regions that fill — by default (computePeriod) the active
 * leaves below the root: the counties of a city, the counties (not the cities) of a
 * province. Required
 * fills: every indicator that is not RATIO (ratios are computed, never filled) and is
 * due in month M by its frequency (QUARTERLY: 3, 6, 9, 12; HALF_YEARLY: 6, 12;
 * YEARLY: 12). A required fill counts as submitted when its status is SUBMITTED or
 * APPROVED — whatever `countedStatuses` says for the dashboards; DRAFT and RETURNED
 * do not. A region's submission time is the latest `submittedAt` of its required
 * fills; a submitted fill without `submittedAt` is taken as on time (lateness is never
 * guessed).
 *
 * Status per region:
 * - COMPLETE: all required fills submitted, the last on or before the deadline;
 * - LATE: all submitted, the last after the deadline;
 * - PENDING: not all submitted and `asOf` is on or before the deadline;
 * - OVERDUE: not all submitted and `asOf` is after the deadline.
 * A region with nothing required is COMPLETE.
 * submissionRate = (COMPLETE + LATE) / regions; onTimeRate = COMPLETE / regions.
 */
import { Decimal } from "../decimal";
import { isDueMonth } from "./progress";
import type {
  CompletenessResult,
  FillStatus,
  IndicatorDef,
  RegionCompleteness,
  RegionReport,
  ReportRow,
  ReportStatus,
} from "./types";
import { MetricsInputError, assertMonth, assertYear } from "./util";

/** China Standard Time is UTC+8 all year. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

const SUBMITTED: ReadonlySet<FillStatus> = new Set<FillStatus>(["SUBMITTED", "APPROVED"]);

/** The instant reports for (year, month) are due: deadlineDay of the next month, 23:59:59.999 China time. */
export function reportingDeadline(year: number, month: number, deadlineDay: number): Date {
  assertYear(year);
  assertMonth(month);
  if (!Number.isInteger(deadlineDay) || deadlineDay < 1 || deadlineDay > 31) {
    throw new MetricsInputError(`deadlineDay must be an integer 1–31, got ${deadlineDay}`);
  }
  const dueYear = month === 12 ? year + 1 : year;
  const dueMonth = month === 12 ? 1 : month + 1; // 1-based
  const daysInDueMonth = new Date(Date.UTC(dueYear, dueMonth, 0)).getUTCDate();
  const day = Math.min(deadlineDay, daysInDueMonth);
  return new Date(Date.UTC(dueYear, dueMonth - 1, day, 23, 59, 59, 999) - CHINA_UTC_OFFSET_MS);
}

/** Indicators that need a fill in `month`: not RATIO, and due by frequency. */
export function requiredIndicators(indicators: readonly IndicatorDef[], month: number): IndicatorDef[] {
  const required: IndicatorDef[] = [];
  for (const i of indicators) if (i.kind !== "RATIO" && isDueMonth(month, i.frequency)) required.push(i);
  return required;
}

export interface CompletenessInput {
  year: number;
  month: number;
  asOf: Date;
  deadlineDay: number;
  /** The reporting regions (normally the active leaves), in display order. */
  regionIds: readonly string[];
  indicators: readonly IndicatorDef[];
  /** Fills of any status; only those of (year, month) are looked at. */
  fills?: readonly ReportRow[];
  /** Or the regions' reports, summed up already (regions without one reported nothing). */
  reports?: readonly RegionReport[];
}

function reportStatus(allSubmitted: boolean, last: Date | null, deadline: Date, asOf: Date): ReportStatus {
  if (allSubmitted) return last !== null && last.getTime() > deadline.getTime() ? "LATE" : "COMPLETE";
  return asOf.getTime() > deadline.getTime() ? "OVERDUE" : "PENDING";
}

/** Sums up each region's fills of (year, month) over the required indicators. */
export function reportsFromFills(
  fills: readonly ReportRow[],
  year: number,
  month: number,
  required: readonly IndicatorDef[],
): Map<string, RegionReport> {
  const requiredIds = new Set(required.map((i) => i.id));
  const reports = new Map<string, { submittedIds: string[]; returnedIds: string[]; lastSubmittedAt: Date | null }>();
  for (const f of fills) {
    if (f.year !== year || f.month !== month || !requiredIds.has(f.indicatorId)) continue;
    let report = reports.get(f.regionId);
    if (!report) reports.set(f.regionId, (report = { submittedIds: [], returnedIds: [], lastSubmittedAt: null }));
    if (SUBMITTED.has(f.status)) {
      report.submittedIds.push(f.indicatorId);
      const at = f.submittedAt;
      if (at instanceof Date && (report.lastSubmittedAt === null || at.getTime() > report.lastSubmittedAt.getTime())) report.lastSubmittedAt = at;
    } else if (f.status === "RETURNED") {
      report.returnedIds.push(f.indicatorId);
    }
  }
  return new Map([...reports].map(([regionId, r]) => [regionId, { regionId, ...r }]));
}

/** The required indicators' positions, and scratch marks, shared by every region of one month. */
interface Required {
  indicators: readonly IndicatorDef[];
  position: ReadonlyMap<string, number>;
  /** per required indicator: 1 submitted, 2 returned (reset for each region) */
  marks: Uint8Array;
}

function regionCompleteness(regionId: string, required: Required, report: RegionReport | undefined, deadline: Date, asOf: Date): RegionCompleteness {
  const { indicators, position, marks } = required;
  marks.fill(0);
  for (const id of report?.submittedIds ?? []) {
    const k = position.get(id);
    if (k !== undefined) marks[k]! |= 1;
  }
  for (const id of report?.returnedIds ?? []) {
    const k = position.get(id);
    if (k !== undefined) marks[k]! |= 2;
  }
  const missingIndicatorIds: string[] = [];
  const returnedIndicatorIds: string[] = [];
  for (let k = 0; k < indicators.length; k++) {
    if (!(marks[k]! & 1)) missingIndicatorIds.push(indicators[k]!.id);
    if (marks[k]! & 2) returnedIndicatorIds.push(indicators[k]!.id);
  }
  const lastSubmittedAt = report?.lastSubmittedAt ?? null;
  return {
    regionId,
    status: reportStatus(missingIndicatorIds.length === 0, lastSubmittedAt, deadline, asOf),
    requiredCount: indicators.length,
    submittedCount: indicators.length - missingIndicatorIds.length,
    missingIndicatorIds,
    returnedIndicatorIds,
    lastSubmittedAt,
  };
}

function positionsOf(indicators: readonly IndicatorDef[]): Map<string, number> {
  const position = new Map<string, number>();
  for (let k = 0; k < indicators.length; k++) position.set(indicators[k]!.id, k);
  return position;
}

function rate(part: number, total: number): Decimal | null {
  return total === 0 ? null : new Decimal(part).div(new Decimal(total));
}

export function computeCompleteness(input: CompletenessInput): CompletenessResult {
  const { year, month, asOf } = input;
  const deadline = reportingDeadline(year, month, input.deadlineDay);
  const required = requiredIndicators(input.indicators, month);
  let reports: Map<string, RegionReport>;
  if (input.reports) {
    reports = new Map();
    for (const r of input.reports) reports.set(r.regionId, r);
  } else {
    reports = reportsFromFills(input.fills ?? [], year, month, required);
  }
  const positions: Required = {
    indicators: required,
    position: positionsOf(required),
    marks: new Uint8Array(required.length),
  };
  const regions: RegionCompleteness[] = new Array(input.regionIds.length);
  for (let k = 0; k < regions.length; k++) {
    const r = input.regionIds[k]!;
    regions[k] = regionCompleteness(r, positions, reports.get(r), deadline, asOf);
  }
  const counts: Record<ReportStatus, number> = { COMPLETE: 0, LATE: 0, PENDING: 0, OVERDUE: 0 };
  for (const r of regions) counts[r.status] += 1;
  const total = regions.length;
  return {
    year,
    month,
    deadline,
    deadlinePassed: asOf.getTime() > deadline.getTime(),
    regions,
    counts,
    total,
    submissionRate: rate(counts.COMPLETE + counts.LATE, total),
    onTimeRate: rate(counts.COMPLETE, total),
  };
}
