/**
 * computePeriod on a small tenant: city C, counties A, B, D, E and the deactivated
 * county X; period 2025-06 (序时进度 6/12 = 50 %); default thresholds (behind below
 * 0 points, seriously behind below −10).
 *
 * RD (全社会研发经费投入, CUMULATIVE, 亿元, weight 50)
 *   targets  C 6.4 | A 2.00 | B 1.00 | D 1.00 | E 2.00 | X 1.00
 *   2025-06  A 0.468 | B 0.9 | D 0.6 | E 1.2 | X 0.5 (X is deactivated)
 *   completion A 0.234 (−26.6 pts, SERIOUSLY_BEHIND) | B 0.9 (+40, AHEAD)
 *              D 0.6 (+10, AHEAD) | E 0.6 (+10, AHEAD)       → ranks B 1, D 2, E 2, A 4
 *   city actual = 0.468 + 0.9 + 0.6 + 1.2 = 3.168 (X left out); 3.168 / 6.4 = 0.495
 *   → gap −0.5 points, BEHIND; Σ county targets = 6
 *   2024-06  A 0.39 | B 0.75 | D 0.5 | E 1.0 → every county +20 %; city 3.168 / 2.64 − 1 = 0.2
 *
 * TC (技术合同成交额, CUMULATIVE, weight 50)
 *   targets  A 1 | B 1 | D 2 | E 1 (the city has none; measured here without the Σ of the
 *   counties' targets — settings.childTargets off — which has a test of its own)
 *   A: 2025-06 0.5                 → 0.5, gap 0 → AHEAD
 *   B: 2025-05 0.45 (APPROVED), June missing → carried forward: 0.45, stale, month 5 → BEHIND (−5)
 *   D: 2025-04 0.2, 2025-06 1.5 as DRAFT (not counted) → 0.2 from April, stale → 0.1, SERIOUSLY_BEHIND
 *   E: nothing → NO_DATA, unranked
 *   city = 0.5 + 0.45 + 0.2 = 1.15, partial (E missing), no target → NO_TARGET
 *
 * Composite (fullMarks 100, weights 50/50, bonus 0.1 per point above schedule, cap 4):
 * completion is scored against the schedule, c = completion ÷ 序时进度 (0.5):
 *   A RD 0.234/0.5 = 0.468 → 23.4;  TC 0.5/0.5 = 1 → 50            = 73.4  (B)
 *   B RD 0.9/0.5 = 1.8 → 50 + min(4, 80 × 0.1) = 54;  TC 0.9 → 45   = 99    (A)
 *   D RD 1.2 → 50 + min(4, 20 × 0.1) = 52;  TC 0.1/0.5 = 0.2 → 10   = 62    (B)
 *   E RD 1.2 → 52;  TC no data scores 0                             = 52    (C)
 *   → B 1, A 2, D 3, E 4; city: only RD has a target → 100 × 0.495/0.5 = 99
 */
import { describe, expect, it } from "vitest";
import { computePeriod, getCell, MetricsInputError } from "../../../lib/metrics";
import type { Cell, PeriodResult } from "../../../lib/metrics";
import { d, expectDec, fill, indicator, periodInput, settings, target } from "./fixtures";

const RD = indicator("RD", "CUMULATIVE", { weight: d(50) });
const TC = indicator("TC", "CUMULATIVE", { weight: d(50) });

const input = periodInput({
  settings: settings({ childTargets: false }),
  indicators: [RD, TC],
  targets: [
    target("C", "RD", "6.4"),
    target("A", "RD", "2.00"),
    target("B", "RD", "1.00"),
    target("D", "RD", "1.00"),
    target("E", "RD", "2.00"),
    target("X", "RD", "1.00"),
    target("A", "TC", 1),
    target("B", "TC", 1),
    target("D", "TC", 2),
    target("E", "TC", 1),
  ],
  fills: [
    fill("A", "RD", 2025, 6, "0.468"),
    fill("B", "RD", 2025, 6, "0.9", "APPROVED"),
    fill("D", "RD", 2025, 6, "0.6"),
    fill("E", "RD", 2025, 6, "1.2"),
    fill("X", "RD", 2025, 6, "0.5"),
    fill("A", "RD", 2024, 6, "0.39", "APPROVED"),
    fill("B", "RD", 2024, 6, "0.75", "APPROVED"),
    fill("D", "RD", 2024, 6, "0.5", "APPROVED"),
    fill("E", "RD", 2024, 6, "1.0", "APPROVED"),
    fill("A", "TC", 2025, 6, "0.5"),
    fill("B", "TC", 2025, 5, "0.45", "APPROVED"),
    fill("D", "TC", 2025, 4, "0.2", "APPROVED"),
    fill("D", "TC", 2025, 6, "1.5", "DRAFT"),
  ],
});

const result: PeriodResult = computePeriod(input);
const cell = (r: string, i: string): Cell => {
  const c = getCell(result, r, i);
  if (!c) throw new Error(`no cell ${r}/${i}`);
  return c;
};

describe("computePeriod — cells", () => {
  it("county A: 0.468 of 2.00 at June → 23.4 %, gap −26.6 points, SERIOUSLY_BEHIND, rank 4", () => {
    const a = cell("A", "RD");
    expectDec(a.actual.value, "0.468");
    expect(a.actual.source).toBe("FILL");
    expect(a.actual.stale).toBe(false);
    expectDec(a.target, "2");
    expectDec(a.completion, "0.234");
    expectDec(a.expected, "0.5");
    expectDec(a.gapPoints, "-26.6");
    expect(a.status).toBe("SERIOUSLY_BEHIND");
    expect(a.rank).toBe(4);
    expectDec(a.yoy.growth, "0.2"); // (0.468 − 0.39) / 0.39 = 0.078 / 0.39
    expectDec(a.yoy.change, "0.078");
  });

  it("ranks RD 1, 2, 2, 4 (B, D, E, A) and lists the laggards", () => {
    const ranking = result.rankings.find((r) => r.indicatorId === "RD");
    expect(ranking?.entries.map((e) => [e.regionId, e.rank])).toEqual([
      ["B", 1],
      ["D", 2],
      ["E", 2],
      ["A", 4],
    ]);
    expect(ranking?.laggardRegionIds).toEqual(["A"]);
    expect(result.countyIds).toEqual(["A", "B", "D", "E"]);
  });

  it("city RD = Σ active counties = 3.168 against its own target 6.4 → 49.5 %, BEHIND; Σ county targets 6", () => {
    const c = cell("C", "RD");
    expect(c.isRoot).toBe(true);
    expectDec(c.actual.value, "3.168");
    expect(c.actual.source).toBe("AGGREGATE");
    expect(c.actual.partial).toBe(false);
    expectDec(c.completion, "0.495");
    expectDec(c.gapPoints, "-0.5");
    expect(c.status).toBe("BEHIND");
    expect(c.rank).toBeNull();
    expectDec(c.childTargetSum, "6");
    expectDec(c.yoy.lastYear, "2.64");
    expectDec(c.yoy.growth, "0.2");
    expect(result.city.map((x) => x.indicatorId)).toEqual(["RD", "TC"]);
  });

  it("the deactivated county X keeps its numbers but is INACTIVE, unranked and not in the city total", () => {
    const x = cell("X", "RD");
    expect(x.active).toBe(false);
    expectDec(x.actual.value, "0.5");
    expectDec(x.completion, "0.5");
    expect(x.status).toBe("INACTIVE");
    expect(x.rank).toBeNull();
    expect(result.rankings[0]?.entries.some((e) => e.regionId === "X")).toBe(false);
    expect(result.composite.entries.some((e) => e.regionId === "X")).toBe(false);
    expect(result.completeness.regions.some((r) => r.regionId === "X")).toBe(false);
  });

  it("a missing month carries the latest earlier fill forward, flagged stale with the month used", () => {
    const b = cell("B", "TC");
    expectDec(b.actual.value, "0.45");
    expect(b.actual.stale).toBe(true);
    expect(b.actual.monthUsed).toBe(5);
    expectDec(b.gapPoints, "-5");
    expect(b.status).toBe("BEHIND");
  });

  it("DRAFT fills do not count: D uses April's 0.2, not June's draft 1.5", () => {
    const dd = cell("D", "TC");
    expectDec(dd.actual.value, "0.2");
    expect(dd.actual.monthUsed).toBe(4);
    expectDec(dd.completion, "0.1");
    expect(dd.status).toBe("SERIOUSLY_BEHIND");
  });

  it("no fill at all is NO_DATA (not 0) and unranked; the city sum is flagged partial", () => {
    const e = cell("E", "TC");
    expect(e.actual.value).toBeNull();
    expect(e.actual.reason).toBe("NO_DATA");
    expect(e.completion).toBeNull();
    expect(e.completionReason).toBe("NO_DATA");
    expect(e.status).toBe("NO_DATA");
    expect(e.rank).toBeNull();
    const ranking = result.rankings.find((r) => r.indicatorId === "TC");
    expect(ranking?.entries.map((x) => [x.regionId, x.rank])).toEqual([
      ["A", 1],
      ["B", 2],
      ["D", 3],
      ["E", null],
    ]);
    expect(ranking?.laggardRegionIds).toEqual(["D", "B"]); // worst first
    const city = cell("C", "TC");
    expectDec(city.actual.value, "1.15");
    expect(city.actual.partial).toBe(true);
    expect(city.actual.missingRegionIds).toEqual(["E"]);
    expect(city.actual.stale).toBe(true);
    expect(city.actual.monthUsed).toBe(4);
    expect(city.status).toBe("NO_TARGET");
    expect(city.completionReason).toBe("NO_TARGET");
  });

  it("a city without its own target is measured against the Σ of its active counties' targets (on by default), marked", () => {
    const on = computePeriod({ ...input, settings: settings() });
    const city = getCell(on, "C", "TC")!;
    expectDec(city.target, "5");
    expectDec(city.completion, "0.23");
    expect(city.targetFromChildren).toBe(true);
    // with its own target, no mark; a county without a target leaves the city without one
    expect(getCell(on, "C", "RD")!.targetFromChildren).toBeUndefined();
    const gap = computePeriod({ ...input, settings: settings(), targets: input.targets.filter((t) => !(t.regionId === "E" && t.indicatorId === "TC")) });
    expect(getCell(gap, "C", "TC")!.target).toBeNull();
    expect(getCell(gap, "C", "TC")!.targetFromChildren).toBeUndefined();
  });

  it("composite against the schedule: B 99 (tier A), A 73.4, D 62, E 52 → ranks 1–4; the city 99 on RD alone", () => {
    const entries = result.composite.entries;
    expect(entries.map((e) => [e.regionId, e.rank, e.tier])).toEqual([
      ["B", 1, "A"],
      ["A", 2, "B"],
      ["D", 3, "B"],
      ["E", 4, "C"],
    ]);
    expect(entries.map((e) => e.total?.toString())).toEqual(["99", "73.4", "62", "52"]);
    expect(entries.map((e) => [e.targetScore?.toString(), e.bonusScore?.toString()])).toEqual([
      ["95", "4"],
      ["73.4", "0"],
      ["60", "2"],
      ["50", "2"],
    ]);
    expectDec(result.composite.city.total, "99");
    expect(result.composite.city.parts.find((p) => p.indicatorId === "TC")?.excludedReason).toBe("NO_TARGET");
  });

  it("completeness (asOf 2025-07-10, deadline 07-05): only A has submitted both → 1 of 4", () => {
    expect(result.completeness.counts).toEqual({ COMPLETE: 1, LATE: 0, PENDING: 0, OVERDUE: 3 });
    expectDec(result.completeness.submissionRate, "0.25");
  });

  it("expected progress per indicator and the cell grid: 6 regions × 2 indicators in tree order", () => {
    expectDec(result.expected["RD"], "0.5");
    expect(result.cells).toHaveLength(12);
    expect(result.cells.map((c) => c.regionId).filter((r, i, all) => all.indexOf(r) === i)).toEqual([
      "C",
      "A",
      "B",
      "D",
      "E",
      "X",
    ]);
  });
});

describe("computePeriod — variants", () => {
  it("a zero target gives NO_TARGET: no completion, no rank, left out of the composite", () => {
    const r = computePeriod({ ...input, targets: [...input.targets.filter((t) => !(t.regionId === "B" && t.indicatorId === "RD")), target("B", "RD", 0)] });
    const b = getCell(r, "B", "RD");
    expect(b?.completion).toBeNull();
    expect(b?.completionReason).toBe("NO_TARGET");
    expect(b?.status).toBe("NO_TARGET");
    expect(b?.rank).toBeNull();
    // D and E move up: 0.6, 0.6, 0.234 → 1, 1, 3
    expect(r.rankings[0]?.entries.map((e) => [e.regionId, e.rank])).toEqual([
      ["D", 1],
      ["E", 1],
      ["A", 3],
      ["B", null],
    ]);
    // B's composite now rests on TC alone: 100 × 0.45 / 0.5 = 90
    expectDec(r.composite.entries.find((e) => e.regionId === "B")?.total, "90");
  });

  it("countedStatuses can include DRAFT: D's June draft 1.5 then counts", () => {
    const r = computePeriod({ ...input, settings: { ...input.settings, countedStatuses: ["DRAFT", "SUBMITTED", "APPROVED"] } });
    expectDec(getCell(r, "D", "TC")?.actual.value, "1.5");
    expect(getCell(r, "D", "TC")?.actual.stale).toBe(false);
  });

  it("a city that reports itself uses its own fill instead of the sum", () => {
    const r = computePeriod({ ...input, fills: [...input.fills, fill("C", "RD", 2025, 6, "3.5")] });
    const c = getCell(r, "C", "RD");
    expectDec(c?.actual.value, "3.5");
    expect(c?.actual.source).toBe("FILL");
  });

  it("curve-based progress: 0.25 at June against a curve value 0.2 is AHEAD (+5), against linear 0.5 it would be −25", () => {
    const curve = ["0", "0", "0", "0.05", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.8", "1"].map(d);
    const HTE = indicator("HTE", "CUMULATIVE", { curve });
    const r = computePeriod(
      periodInput({
        indicators: [HTE, indicator("LIN", "CUMULATIVE")],
        targets: [target("A", "HTE", 8), target("A", "LIN", 8)],
        fills: [fill("A", "HTE", 2025, 6, 2), fill("A", "LIN", 2025, 6, 2)],
      }),
    );
    const a = getCell(r, "A", "HTE");
    expectDec(a?.completion, "0.25");
    expectDec(a?.expected, "0.2");
    expectDec(a?.gapPoints, "5");
    expect(a?.status).toBe("AHEAD");
    expectDec(getCell(r, "A", "LIN")?.gapPoints, "-25");
    expect(getCell(r, "A", "LIN")?.status).toBe("SERIOUSLY_BEHIND");
    expectDec(r.expected["HTE"], "0.2");
  });

  it("rejects inconsistent input with MetricsInputError", () => {
    expect(() => computePeriod({ ...input, month: 13 })).toThrow(MetricsInputError);
    expect(() => computePeriod({ ...input, fills: [...input.fills, fill("A", "RD", 2025, 6, 1)] })).toThrow(/duplicate fill/);
    expect(() => computePeriod({ ...input, targets: [...input.targets, target("A", "RD", 1)] })).toThrow(/duplicate target/);
    expect(() => computePeriod({ ...input, regions: [...input.regions, { ...input.regions[0]!, id: "Z" }] })).toThrow(/exactly one root/);
    expect(() =>
      computePeriod({ ...input, indicators: [...input.indicators, indicator("R", "RATIO", { numeratorId: "RD", denominatorId: "NOPE" })] }),
    ).toThrow(/missing indicator NOPE/);
    expect(() => computePeriod({ ...input, settings: { ...input.settings, seriousGap: d(5) } })).toThrow(/seriousGap/);
  });
});
