/** The default period: the latest reported month (deadline passed, or the share of counties reached). */
import { describe, expect, it } from "vitest";
import { defaultPeriod, isReported, openMonths } from "../../../lib/metrics";
import { chinaTime, d } from "./fixtures";

const deadlineDay = 5;
const nov = (submitted: number, total = 9) => ({ year: 2026, month: 11, submitted, total });
const dflt = (asOf: Date, latestWithFigures: { year: number; month: number } | null, open: ReturnType<typeof nov>[] = [], share = d(1)) =>
  defaultPeriod({ asOf, deadlineDay, share, latestWithFigures, open });

describe("defaultPeriod", () => {
  it("stays on October while November is open and 1 of 9 counties has submitted it", () => {
    expect(dflt(chinaTime("2026-12-03T10:00"), { year: 2026, month: 11 }, [nov(1)])).toEqual({ year: 2026, month: 10 });
  });

  it("on the deadline day itself November is still open; the instant after it, November is reported", () => {
    expect(dflt(chinaTime("2026-12-05T23:59"), { year: 2026, month: 11 }, [nov(1)])).toEqual({ year: 2026, month: 10 });
    expect(dflt(new Date("2026-12-05T15:59:59.999Z"), { year: 2026, month: 11 }, [nov(1)])).toEqual({ year: 2026, month: 10 });
    expect(dflt(new Date("2026-12-05T16:00:00.000Z"), { year: 2026, month: 11 }, [nov(1)])).toEqual({ year: 2026, month: 11 });
  });

  it("a share reached exactly makes the month reported before its deadline; one county fewer does not", () => {
    const asOf = chinaTime("2026-12-03T10:00");
    expect(dflt(asOf, { year: 2026, month: 11 }, [nov(8, 10)], d("0.8"))).toEqual({ year: 2026, month: 11 });
    expect(dflt(asOf, { year: 2026, month: 11 }, [nov(7, 10)], d("0.8"))).toEqual({ year: 2026, month: 10 });
    expect(dflt(asOf, { year: 2026, month: 11 }, [nov(9, 9)])).toEqual({ year: 2026, month: 11 });
  });

  it("across the year: early January opens on November until December's deadline has passed", () => {
    const dec = (submitted: number) => ({ year: 2026, month: 12, submitted, total: 9 });
    expect(dflt(chinaTime("2027-01-03T09:00"), { year: 2026, month: 12 }, [dec(3)])).toEqual({ year: 2026, month: 11 });
    expect(dflt(chinaTime("2027-01-03T09:00"), { year: 2026, month: 12 }, [dec(9)])).toEqual({ year: 2026, month: 12 });
    expect(dflt(chinaTime("2027-01-06T00:00"), { year: 2026, month: 12 }, [dec(3)])).toEqual({ year: 2026, month: 12 });
    // January 2027 filled early by one county, December reported: December
    expect(dflt(chinaTime("2027-01-20T09:00"), { year: 2027, month: 1 }, [{ year: 2027, month: 1, submitted: 1, total: 9 }])).toEqual({ year: 2026, month: 12 });
  });

  it("a tenant with no figures yet opens on the latest month whose deadline has passed", () => {
    expect(dflt(chinaTime("2026-12-03T10:00"), null)).toEqual({ year: 2026, month: 10 });
    expect(dflt(chinaTime("2027-01-06T00:00"), null)).toEqual({ year: 2026, month: 12 });
  });

  it("figures that stopped months ago: the latest month with figures", () => {
    expect(dflt(chinaTime("2026-12-03T10:00"), { year: 2026, month: 6 })).toEqual({ year: 2026, month: 6 });
  });
});

describe("openMonths and isReported", () => {
  it("lists the months after the last due month up to the latest with figures, latest first", () => {
    expect(openMonths({ year: 2027, month: 1 }, chinaTime("2027-01-03T09:00"), deadlineDay)).toEqual([
      { year: 2027, month: 1 },
      { year: 2026, month: 12 },
    ]);
    expect(openMonths({ year: 2026, month: 10 }, chinaTime("2026-12-03T09:00"), deadlineDay)).toEqual([]);
    expect(openMonths(null, chinaTime("2026-12-03T09:00"), deadlineDay)).toEqual([]);
  });

  it("a month without reporting regions is reported only by its deadline", () => {
    expect(isReported(nov(0, 0), chinaTime("2026-12-03T10:00"), deadlineDay, d("0.8"))).toBe(false);
    expect(isReported(nov(0, 0), chinaTime("2026-12-06T00:00"), deadlineDay, d("0.8"))).toBe(true);
  });
});
