/** Reporting completeness (填报率) and the deadline in China time. */
import { describe, expect, it } from "vitest";
import { computeCompleteness, reportingDeadline, requiredIndicators } from "../../../lib/metrics";
import type { FillRow } from "../../../lib/metrics";
import { chinaTime, expectDec, fill, indicator } from "./fixtures";

describe("reportingDeadline (deadlineDay of the next month, 23:59:59.999 China time = UTC+8)", () => {
  it("June 2025, day 5 → 2025-07-05 23:59:59.999 +08:00 = 15:59:59.999 UTC", () => {
    expect(reportingDeadline(2025, 6, 5).toISOString()).toBe("2025-07-05T15:59:59.999Z");
  });

  it("December rolls into January of the next year", () => {
    expect(reportingDeadline(2025, 12, 5).toISOString()).toBe("2026-01-05T15:59:59.999Z");
  });

  it("a day past the month's end is its last day: January, day 31 → 28 Feb 2025 / 29 Feb 2024", () => {
    expect(reportingDeadline(2025, 1, 31).toISOString()).toBe("2025-02-28T15:59:59.999Z");
    expect(reportingDeadline(2024, 1, 31).toISOString()).toBe("2024-02-29T15:59:59.999Z");
  });

  it("rejects an impossible deadline day", () => {
    expect(() => reportingDeadline(2025, 6, 0)).toThrow(/deadlineDay/);
    expect(() => reportingDeadline(2025, 6, 32)).toThrow(/deadlineDay/);
  });
});

describe("computeCompleteness for 2025-06 (deadline 2025-07-05 end of day, China time)", () => {
  const RD = indicator("RD", "CUMULATIVE");
  const TC = indicator("TC", "CUMULATIVE");
  const RDI = indicator("RDI", "RATIO", { numeratorId: "RD", denominatorId: "TC" });
  const Q = indicator("Q", "STOCK", { frequency: "QUARTERLY" });
  const indicators = [RD, TC, RDI, Q];
  const at = (local: string) => chinaTime(local);
  const all = (region: string, submittedAt: Date): FillRow[] =>
    ["RD", "TC", "Q"].map((i) => fill(region, i, 2025, 6, 1, "SUBMITTED", submittedAt));

  // A: everything submitted on the deadline day at 23:59 China time → COMPLETE
  // B: everything submitted one minute later (00:00 on the 6th) → LATE
  // D: RD and Q submitted, TC returned by the reviewer → not complete
  // E: TC approved, Q submitted, RD still a draft → not complete
  const fills: FillRow[] = [
    ...all("A", at("2025-07-05T23:59")),
    ...all("B", at("2025-07-05T10:00")).slice(0, 2),
    fill("B", "Q", 2025, 6, 1, "APPROVED", at("2025-07-06T00:00")),
    fill("D", "RD", 2025, 6, 1, "SUBMITTED", at("2025-07-01T09:00")),
    fill("D", "TC", 2025, 6, 1, "RETURNED", at("2025-07-02T09:00")),
    fill("D", "Q", 2025, 6, 1, "SUBMITTED", at("2025-07-01T09:00")),
    fill("E", "RD", 2025, 6, 1, "DRAFT"),
    fill("E", "TC", 2025, 6, 1, "APPROVED", at("2025-07-03T09:00")),
    fill("E", "Q", 2025, 6, 1, "SUBMITTED", at("2025-07-03T09:00")),
    // other months never matter
    fill("D", "TC", 2025, 5, 1, "APPROVED", at("2025-06-03T09:00")),
  ];
  const run = (asOf: Date, extra: FillRow[] = fills) =>
    computeCompleteness({ year: 2025, month: 6, asOf, deadlineDay: 5, regionIds: ["A", "B", "D", "E"], indicators, fills: extra });

  it("RATIO indicators are never required; QUARTERLY ones only in 3, 6, 9, 12", () => {
    expect(requiredIndicators(indicators, 6).map((i) => i.id)).toEqual(["RD", "TC", "Q"]);
    expect(requiredIndicators(indicators, 5).map((i) => i.id)).toEqual(["RD", "TC"]);
  });

  it("asOf on the deadline day at 23:59: A COMPLETE, B LATE, D and E PENDING → 填报率 2/4 = 0.5", () => {
    const result = run(at("2025-07-05T23:59"));
    expect(result.deadlinePassed).toBe(false);
    expect(result.regions.map((r) => [r.regionId, r.status])).toEqual([
      ["A", "COMPLETE"],
      ["B", "LATE"],
      ["D", "PENDING"],
      ["E", "PENDING"],
    ]);
    expect(result.counts).toEqual({ COMPLETE: 1, LATE: 1, PENDING: 2, OVERDUE: 0 });
    expectDec(result.submissionRate, "0.5");
    expectDec(result.onTimeRate, "0.25");
  });

  it("one minute later (00:00 on the 6th) the unfinished ones are OVERDUE", () => {
    const result = run(at("2025-07-06T00:00"));
    expect(result.deadlinePassed).toBe(true);
    expect(result.counts).toEqual({ COMPLETE: 1, LATE: 1, PENDING: 0, OVERDUE: 2 });
    expectDec(result.submissionRate, "0.5");
  });

  it("details: counts, returned and missing indicators, last submission time", () => {
    const [a, b, dd, e] = run(at("2025-07-10T00:00")).regions;
    expect(a?.lastSubmittedAt?.toISOString()).toBe("2025-07-05T15:59:00.000Z");
    expect(b?.lastSubmittedAt?.toISOString()).toBe("2025-07-05T16:00:00.000Z");
    expect(dd).toMatchObject({ requiredCount: 3, submittedCount: 2, missingIndicatorIds: ["TC"], returnedIndicatorIds: ["TC"] });
    expect(e).toMatchObject({ submittedCount: 2, missingIndicatorIds: ["RD"], returnedIndicatorIds: [] });
  });

  it("the deadline is inclusive to the millisecond: 23:59:59.999 is on time, +1 ms is late", () => {
    const onTime = run(at("2025-07-10T00:00"), all("A", new Date("2025-07-05T23:59:59.999+08:00")));
    expect(onTime.regions[0]?.status).toBe("COMPLETE");
    const late = run(at("2025-07-10T00:00"), all("A", new Date("2025-07-06T00:00:00.000+08:00")));
    expect(late.regions[0]?.status).toBe("LATE");
  });

  it("a submitted fill without submittedAt is taken as on time", () => {
    const result = run(at("2025-08-01T00:00"), ["RD", "TC", "Q"].map((i) => fill("A", i, 2025, 6, 1, "APPROVED", null)));
    expect(result.regions[0]?.status).toBe("COMPLETE");
  });

  it("no reporting regions → rates are null", () => {
    const result = computeCompleteness({ year: 2025, month: 6, asOf: at("2025-07-01T00:00"), deadlineDay: 5, regionIds: [], indicators, fills });
    expect(result.total).toBe(0);
    expect(result.submissionRate).toBeNull();
  });
});
