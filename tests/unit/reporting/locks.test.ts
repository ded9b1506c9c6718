import { describe, expect, it } from "vitest";
import { chinaMonth, lockStatus, periodStart, windowPeriods } from "../../../lib/reporting/locks";

// October 2026 of a tenant with deadline day 5: due 2026-11-05 23:59:59.999 China time = 15:59:59.999 UTC.
const base = { year: 2026, month: 10, deadlineDay: 5 };
const at = (iso: string) => new Date(iso);

describe("lock rules at their boundaries", () => {
  it("opens a month at 00:00 China time on its 1st, not a millisecond earlier", () => {
    expect(periodStart(2026, 10).toISOString()).toBe("2026-09-30T16:00:00.000Z");
    expect(lockStatus({ ...base, now: at("2026-09-30T15:59:59.999Z") })).toEqual({ locked: true, reason: "NOT_YET_OPEN", since: null });
    expect(lockStatus({ ...base, now: at("2026-09-30T16:00:00.000Z") }).locked).toBe(false);
  });

  it("closes at the deadline instant (day 5 of the next month, 23:59:59.999 China time)", () => {
    const last = lockStatus({ ...base, now: at("2026-11-05T15:59:59.999Z") });
    expect(last).toEqual({ locked: false, reason: "WINDOW", until: at("2026-11-05T15:59:59.999Z") });
    const after = lockStatus({ ...base, now: at("2026-11-05T16:00:00.000Z") });
    expect(after).toEqual({ locked: true, reason: "DEADLINE", since: at("2026-11-05T15:59:59.999Z") });
  });

  it("uses the tenant's deadline day (huaihua: the 10th) and the last day of short months", () => {
    expect(lockStatus({ ...base, deadlineDay: 10, now: at("2026-11-10T15:00:00Z") }).locked).toBe(false);
    expect(lockStatus({ ...base, deadlineDay: 10, now: at("2026-11-10T16:00:00Z") }).locked).toBe(true);
    // January's figures with deadline day 31: due the last day of February
    expect(lockStatus({ year: 2026, month: 1, deadlineDay: 31, now: at("2026-02-28T15:59:00Z") }).locked).toBe(false);
    expect(lockStatus({ year: 2026, month: 1, deadlineDay: 31, now: at("2026-02-28T16:00:00Z") }).locked).toBe(true);
    // December's figures are due in January of the next year
    expect(lockStatus({ year: 2026, month: 12, deadlineDay: 5, now: at("2027-01-05T15:59:00Z") }).locked).toBe(false);
  });

  it("on the demo's today (2026-11-22) October is closed for xiangxi (Nov 5) and huaihua (Nov 10), November open", () => {
    const now = at("2026-11-22T04:00:00Z");
    expect(lockStatus({ ...base, now })).toMatchObject({ locked: true, reason: "DEADLINE" });
    expect(lockStatus({ ...base, deadlineDay: 10, now })).toMatchObject({ locked: true, reason: "DEADLINE" });
    expect(lockStatus({ year: 2026, month: 11, deadlineDay: 5, now })).toMatchObject({ locked: false, reason: "WINDOW" });
    expect(windowPeriods(now, 5)).toEqual([{ year: 2026, month: 11 }]);
    expect(windowPeriods(at("2026-11-03T00:00:00Z"), 5)).toEqual([{ year: 2026, month: 10 }, { year: 2026, month: 11 }]);
  });

  it("an approved cell is always locked, whatever else", () => {
    const reviewedAt = at("2026-11-02T02:00:00Z");
    const s = lockStatus({ ...base, now: at("2026-11-03T00:00:00Z"), fill: { status: "APPROVED", reviewedAt }, periodLock: { state: "OPEN", createdAt: reviewedAt }, grants: [{ openUntil: at("2026-12-01T00:00:00Z") }] });
    expect(s).toEqual({ locked: true, reason: "APPROVED", since: reviewedAt });
    expect(lockStatus({ ...base, now: at("2026-11-03T00:00:00Z"), fill: { status: "SUBMITTED" } }).locked).toBe(false);
  });

  it("an admin's early lock closes an open month; a re-opening opens a closed one", () => {
    const createdAt = at("2026-11-02T00:00:00Z");
    expect(lockStatus({ ...base, now: at("2026-11-03T00:00:00Z"), periodLock: { state: "LOCKED", createdAt } })).toEqual({ locked: true, reason: "ADMIN_LOCKED", since: createdAt });
    expect(lockStatus({ ...base, now: at("2026-11-22T00:00:00Z"), periodLock: { state: "OPEN", createdAt } })).toEqual({ locked: false, reason: "REOPENED", until: null });
  });

  it("a granted unlock opens the month for the region until openUntil (exclusive), even over an admin lock", () => {
    const openUntil = at("2026-11-29T00:00:00Z");
    const grants = [{ openUntil }, { openUntil: at("2026-11-01T00:00:00Z") }];
    expect(lockStatus({ ...base, now: at("2026-11-28T23:59:59.999Z"), grants, periodLock: { state: "LOCKED", createdAt: at("2026-11-06T00:00:00Z") } })).toEqual({ locked: false, reason: "UNLOCKED", until: openUntil });
    expect(lockStatus({ ...base, now: openUntil, grants }).locked).toBe(true);
  });

  it("knows the China-time month of an instant", () => {
    expect(chinaMonth(at("2026-11-30T15:59:59Z"))).toEqual({ year: 2026, month: 11 });
    expect(chinaMonth(at("2026-11-30T16:00:00Z"))).toEqual({ year: 2026, month: 12 });
  });
});
