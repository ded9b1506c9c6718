/**
 * Lock rules of monthly reporting (domain.md §4) — the ONE place that decides whether a
 * cell (region × indicator × month) can be edited. Pure: the caller passes `now`.
 *
 * A month M is open for entry from the 1st of M (China time, UTC+8; the current month may
 * be filled in as the month goes, figures are month-end figures) until its reporting
 * deadline: day `deadlineDay` of M+1, 23:59:59.999 China time (`reportingDeadline`).
 * In order, the first rule that applies decides:
 *   1. an APPROVED fill is always locked (reason APPROVED, since its review time);
 *   2. a month that has not started yet is locked (NOT_YET_OPEN);
 *   3. an unlock GRANTED to the region with `openUntil` after now opens it (UNLOCKED) —
 *      the most specific decision wins, even over an admin's early lock;
 *   4. an admin's PeriodLock decides: LOCKED → locked (ADMIN_LOCKED, since the lock),
 *      OPEN → open (REOPENED, without end until the admin locks it again);
 *   5. after the deadline → locked (DEADLINE, since the deadline);
 *   6. otherwise open until the deadline.
 * Granting an unlock turns the region's APPROVED fills of that month back to SUBMITTED
 * (audited as UNLOCK), so rule 1 no longer applies and the reporter can correct them.
 */
import { CHINA_UTC_OFFSET_MS, reportingDeadline } from "../metrics/completeness";

export type LockReason = "APPROVED" | "NOT_YET_OPEN" | "ADMIN_LOCKED" | "DEADLINE";
export type OpenReason = "WINDOW" | "REOPENED" | "UNLOCKED";

export interface LockInput {
  year: number;
  month: number;
  now: Date;
  deadlineDay: number;
  /** the admin's explicit lock or re-opening of the whole period, if any */
  periodLock?: { state: "LOCKED" | "OPEN"; createdAt: Date } | null;
  /** GRANTED unlock requests of the region for this period */
  grants?: readonly { openUntil: Date | null }[];
  /** the fill's status and review time, for a single cell */
  fill?: { status: string; reviewedAt?: Date | null } | null;
}

export type LockStatus =
  | { locked: true; reason: LockReason; since: Date | null }
  | { locked: false; reason: OpenReason; until: Date | null };

/** The first instant of (year, month) in China time. */
export function periodStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month - 1, 1) - CHINA_UTC_OFFSET_MS);
}

/** Lock status of a period for one region (without `fill`) or of one cell. */
export function lockStatus(input: LockInput): LockStatus {
  const { year, month, now, deadlineDay } = input;
  if (input.fill?.status === "APPROVED") return { locked: true, reason: "APPROVED", since: input.fill.reviewedAt ?? null };
  if (now.getTime() < periodStart(year, month).getTime()) return { locked: true, reason: "NOT_YET_OPEN", since: null };
  const grant = (input.grants ?? [])
    .filter((g) => g.openUntil !== null && g.openUntil.getTime() > now.getTime())
    .sort((a, b) => b.openUntil!.getTime() - a.openUntil!.getTime())[0];
  if (grant) return { locked: false, reason: "UNLOCKED", until: grant.openUntil };
  if (input.periodLock?.state === "LOCKED") return { locked: true, reason: "ADMIN_LOCKED", since: input.periodLock.createdAt };
  if (input.periodLock?.state === "OPEN") return { locked: false, reason: "REOPENED", until: null };
  const deadline = reportingDeadline(year, month, deadlineDay);
  if (now.getTime() > deadline.getTime()) return { locked: true, reason: "DEADLINE", since: deadline };
  return { locked: false, reason: "WINDOW", until: deadline };
}

/** The (year, month) that `now` falls in, China time. */
export function chinaMonth(now: Date): { year: number; month: number } {
  const local = new Date(now.getTime() + CHINA_UTC_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

function previousMonth(p: { year: number; month: number }): { year: number; month: number } {
  return p.month === 1 ? { year: p.year - 1, month: 12 } : { year: p.year, month: p.month - 1 };
}

/**
 * The months open by the deadline rule alone at `now`: last month while its deadline
 * has not passed, and the current month. Oldest first.
 */
export function windowPeriods(now: Date, deadlineDay: number): { year: number; month: number }[] {
  const current = chinaMonth(now);
  const last = previousMonth(current);
  const out = [];
  if (now.getTime() <= reportingDeadline(last.year, last.month, deadlineDay).getTime()) out.push(last);
  out.push(current);
  return out;
}

/** How long a granted unlock stays open when the admin does not say: 7 days. */
export const DEFAULT_UNLOCK_DAYS = 7;
