/** The figures' states: 已审核, 待审核, 沿用, 未报 — per county, per total, per ratio; and ranking without 未报. */
import { describe, expect, it } from "vitest";
import { buildRegionTree, FigureStates, indexIndicators, rankReported, statusesFromFills, type Actual } from "../../../lib/metrics";
import { counties, d, fill, indicator, region } from "./fixtures";

const RD = indicator("RD", "CUMULATIVE");
const GDP = indicator("GDP", "CUMULATIVE");
const RDI = indicator("RDI", "RATIO", { numeratorId: "RD", denominatorId: "GDP" });
const Q = indicator("Q", "STOCK", { frequency: "QUARTERLY" });
const value = (monthUsed: number, stale = false): Actual => ({ value: d(1), reason: null, source: "FILL", stale, monthUsed, partial: false, missingRegionIds: [] });
const none: Actual = { value: null, reason: "NO_DATA", source: null, stale: false, monthUsed: null, partial: false, missingRegionIds: [] };

// November: A approved everything, B submitted RD (not approved) and approved GDP, D nothing (October carried), E nothing at all
const fills = [
  fill("A", "RD", 2026, 11, 5, "APPROVED"),
  fill("A", "GDP", 2026, 11, 50, "APPROVED"),
  fill("B", "RD", 2026, 11, 5, "SUBMITTED"),
  fill("B", "GDP", 2026, 11, 50, "APPROVED"),
  fill("D", "RD", 2026, 10, 4, "APPROVED"),
  fill("D", "RD", 2026, 11, 4, "DRAFT"),
];
const states = new FigureStates(buildRegionTree(counties()), indexIndicators([RD, GDP, RDI, Q]), 11, statusesFromFills(fills, 2026, 11));

describe("FigureStates", () => {
  it("marks each county's figure: approved, pending, and not reported even when October's is carried (a draft is not reported)", () => {
    expect(states.of("A", "RD", value(11))).toBe("APPROVED");
    expect(states.of("B", "RD", value(11))).toBe("SUBMITTED");
    expect(states.of("D", "RD", value(10, true))).toBe("MISSING");
    expect(states.of("E", "RD", none)).toBe("MISSING");
  });

  it("a ratio takes both parts: B's R&D intensity is pending, A's approved", () => {
    expect(states.of("A", "RDI", value(11))).toBe("APPROVED");
    expect(states.of("B", "RDI", value(11))).toBe("SUBMITTED");
  });

  it("an indicator not due this month is carried from the latest due month; without a current figure it is not reported", () => {
    expect(states.of("A", "Q", value(9))).toBe("CARRIED");
    expect(states.of("A", "Q", value(6, true))).toBe("MISSING");
    expect(states.of("A", "Q", none)).toBe("MISSING");
  });

  it("the city's figure is not reported while any county's is; a deactivated county has no state", () => {
    expect(states.of("C", "GDP", value(11))).toBe("MISSING");
    expect(states.of("X", "RD", none)).toBeNull();
  });

  it("a county with regions below takes its leaves' states", () => {
    const tree = buildRegionTree([region("C", null), region("A", "C"), region("A1", "A"), region("A2", "A")]);
    const below = new FigureStates(tree, indexIndicators([RD]), 11, statusesFromFills([fill("A1", "RD", 2026, 11, 1, "APPROVED"), fill("A2", "RD", 2026, 11, 1, "SUBMITTED")], 2026, 11));
    expect(below.of("A", "RD", value(11))).toBe("SUBMITTED");
    expect(below.of("A1", "RD", value(11))).toBe("APPROVED");
  });
});

describe("rankReported", () => {
  const items = [
    { id: "D", completion: d("0.9"), missing: true },
    { id: "A", completion: d("0.8"), missing: false },
    { id: "B", completion: d("0.8"), missing: false },
    { id: "E", completion: null, missing: true },
  ];
  it("lists a county with a figure not reported after the ranked ones, unranked", () => {
    const ranked = rankReported(items, (i) => i.completion, (i) => i.missing, false);
    expect(ranked.map((r) => `${r.item.id}${r.rank ?? "-"}`)).toEqual(["A1", "B1", "D-", "E-"]);
  });
  it("ranks it on its carried figure when the tenant chooses so", () => {
    const ranked = rankReported(items, (i) => i.completion, (i) => i.missing, true);
    expect(ranked.map((r) => `${r.item.id}${r.rank ?? "-"}`)).toEqual(["D1", "A2", "B2", "E-"]);
  });
});

describe("a ratio whose parts differ in frequency", () => {
  const PATENTS = indicator("PATENTS", "STOCK", { frequency: "QUARTERLY" });
  const POP = indicator("POP", "STOCK");
  const PER = indicator("PER", "RATIO", { numeratorId: "PATENTS", denominatorId: "POP" });
  const s = new FigureStates(buildRegionTree(counties()), indexIndicators([PATENTS, POP, PER]), 11, statusesFromFills([fill("A", "POP", 2026, 11, 30, "APPROVED")], 2026, 11));
  it("is carried when the part not due is current and the due part is reported", () => {
    expect(s.of("A", "PER", value(9))).toBe("CARRIED");
  });
  it("is not reported when the due part is missing", () => {
    expect(s.of("B", "PER", value(9))).toBe("MISSING");
  });
});
