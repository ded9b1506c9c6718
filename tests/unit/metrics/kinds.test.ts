/** Actuals per indicator kind, ratios of sums and year-on-year growth, through computePeriod. */
import { Decimal } from "../../../lib/decimal";
import { describe, expect, it } from "vitest";
import { computePeriod, getCell, ratioValue } from "../../../lib/metrics";
import type { PeriodResult } from "../../../lib/metrics";
import { d, expectDec, fill, indicator, periodInput, region, target } from "./fixtures";

const cellOf = (r: PeriodResult, region: string, ind: string) => {
  const c = getCell(r, region, ind);
  if (!c) throw new Error(`no cell ${region}/${ind}`);
  return c;
};

describe("INCREMENT (新增, net increase = level − level at the end of last year)", () => {
  // HTE_NEW: levels of 高新技术企业 reported monthly.
  // A: Dec 2024 level 120, Jun 2025 level 135 → net increase 15; target 30 → 0.5, gap 0 → AHEAD
  //    last year: Dec 2023 100, Jun 2024 110 → 10 → YoY (15 − 10) / 10 = 0.5
  // B: no 2024 level at all → NO_BASELINE (status NO_DATA)
  // D: last 2024 level is October's 50 (Nov/Dec missing) → baseline 50, stale; Jun 2025 60 → 10
  // E: level fell: Dec 2024 40, Jun 2025 38 → −2; target 4 → −0.5
  // city: 15 + 10 − 2 = 23, partial (B missing)
  const NEW = indicator("NEW", "INCREMENT");
  const r = computePeriod(
    periodInput({
      indicators: [NEW],
      targets: [target("A", "NEW", 30), target("B", "NEW", 10), target("D", "NEW", 20), target("E", "NEW", 4), target("C", "NEW", 100)],
      fills: [
        fill("A", "NEW", 2023, 12, 100),
        fill("A", "NEW", 2024, 6, 110),
        fill("A", "NEW", 2024, 12, 120),
        fill("A", "NEW", 2025, 6, 135),
        fill("B", "NEW", 2025, 6, 70),
        fill("D", "NEW", 2024, 10, 50),
        fill("D", "NEW", 2025, 6, 60),
        fill("E", "NEW", 2024, 12, 40),
        fill("E", "NEW", 2025, 6, 38),
      ],
    }),
  );

  it("A: 135 − 120 = 15 → 50 % of 30, on schedule; YoY against last year's 110 − 100 = 10 → +50 %", () => {
    const a = cellOf(r, "A", "NEW");
    expectDec(a.actual.value, "15");
    expectDec(a.completion, "0.5");
    expectDec(a.gapPoints, "0");
    expect(a.status).toBe("AHEAD");
    expectDec(a.yoy.lastYear, "10");
    expectDec(a.yoy.growth, "0.5");
  });

  it("B without any last-year level: unavailable with reason NO_BASELINE", () => {
    const b = cellOf(r, "B", "NEW");
    expect(b.actual.value).toBeNull();
    expect(b.actual.reason).toBe("NO_BASELINE");
    expect(b.status).toBe("NO_DATA");
  });

  it("D: baseline carried from October, flagged stale: 60 − 50 = 10", () => {
    const dd = cellOf(r, "D", "NEW");
    expectDec(dd.actual.value, "10");
    expect(dd.actual.stale).toBe(true);
  });

  it("E: a net decrease is a negative completion (−2 / 4 = −0.5)", () => {
    expectDec(cellOf(r, "E", "NEW").completion, "-0.5");
  });

  it("city = Σ county increases = 23, partial without B", () => {
    const c = cellOf(r, "C", "NEW");
    expectDec(c.actual.value, "23");
    expect(c.actual.missingRegionIds).toEqual(["B"]);
    expectDec(c.completion, "0.23");
  });
});

describe("STOCK (保有量, the level at the month)", () => {
  it("uses the level: 135 of 150 → 0.9; missing month carries the level forward", () => {
    const HTE = indicator("HTE", "STOCK");
    const r = computePeriod(
      periodInput({
        indicators: [HTE],
        targets: [target("A", "HTE", 150), target("B", "HTE", 100)],
        fills: [fill("A", "HTE", 2025, 6, 135), fill("B", "HTE", 2025, 3, 80)],
      }),
    );
    expectDec(cellOf(r, "A", "HTE").completion, "0.9");
    expectDec(cellOf(r, "B", "HTE").actual.value, "80");
    expect(cellOf(r, "B", "HTE").actual.stale).toBe(true);
    expectDec(cellOf(r, "C", "HTE").actual.value, "215");
  });

  it("a QUARTERLY figure from March is current (not stale) in May; nothing is carried across years", () => {
    const Q = indicator("Q", "STOCK", { frequency: "QUARTERLY" });
    const r = computePeriod(
      periodInput({
        month: 5,
        indicators: [Q],
        fills: [fill("A", "Q", 2025, 3, 12), fill("B", "Q", 2024, 12, 9)],
      }),
    );
    expectDec(cellOf(r, "A", "Q").actual.value, "12");
    expect(cellOf(r, "A", "Q").actual.stale).toBe(false);
    expect(cellOf(r, "B", "Q").actual.value).toBeNull();
  });
});

describe("RATIO (研发投入强度 = 研发经费 / GDP × 100, computed from sums)", () => {
  // A: R&D 2, GDP 200 → 1 %;  B: R&D 3, GDP 50 → 6 %;  D: R&D 1, GDP 50 → 2 %;  E: no GDP → NO_DATA
  // city = (2 + 3 + 1) / (200 + 50 + 50) × 100 = 6 / 300 × 100 = 2 %
  //   (E's R&D is left out of the numerator only because E reported R&D 4 but no GDP: the city's
  //    R&D sum is 10 and GDP sum 300 → 10 / 300 × 100 = 3.333… %, flagged partial)
  // averaging the reporting counties' ratios would give (1 + 6 + 2) / 3 = 3 % — the engine never does.
  const RD = indicator("RD", "CUMULATIVE");
  const GDP = indicator("GDP", "CUMULATIVE");
  const RDI = indicator("RDI", "RATIO", { numeratorId: "RD", denominatorId: "GDP", ratioFactor: d(100), weight: d(1) });
  const base = {
    indicators: [RD, GDP, RDI],
    targets: [target("A", "RDI", "1.5"), target("B", "RDI", "3"), target("D", "RDI", "2"), target("C", "RDI", "2.5")],
    fills: [
      fill("A", "RD", 2025, 6, 2),
      fill("A", "GDP", 2025, 6, 200),
      fill("B", "RD", 2025, 6, 3),
      fill("B", "GDP", 2025, 6, 50),
      fill("D", "RD", 2025, 6, 1),
      fill("D", "GDP", 2025, 6, 50),
      fill("A", "RD", 2024, 6, "1.5"),
      fill("A", "GDP", 2024, 6, 150),
    ],
  };

  it("county ratios: 1 %, 6 %, 2 %; completion against the ratio target (1 / 1.5, 6 / 3, 2 / 2)", () => {
    const r = computePeriod(periodInput(base));
    expectDec(cellOf(r, "A", "RDI").actual.value, "1");
    expect(cellOf(r, "A", "RDI").actual.source).toBe("RATIO");
    expectDec(cellOf(r, "B", "RDI").actual.value, "6");
    expectDec(cellOf(r, "D", "RDI").actual.value, "2");
    expectDec(cellOf(r, "B", "RDI").completion, "2");
    expectDec(cellOf(r, "D", "RDI").completion, "1");
    expect(cellOf(r, "E", "RDI").actual.reason).toBe("NO_DATA");
  });

  it("city = Σ R&D / Σ GDP × 100 = 6 / 300 × 100 = 2 %, not the average of county ratios (3 %)", () => {
    const r = computePeriod(periodInput(base));
    const city = cellOf(r, "C", "RDI");
    expectDec(city.actual.value, "2");
    const average = [d(1), d(6), d(2)].reduce((a, b) => a.plus(b)).div(d(3));
    expectDec(average, "3");
    expect(city.actual.value?.eq(average)).toBe(false);
    expectDec(city.completion, "0.8"); // 2 / 2.5
    expect(city.outlook.neededReason).toBe("NOT_APPLICABLE");
  });

  it("a zero denominator is ZERO_DENOMINATOR, never Infinity", () => {
    const r = computePeriod(periodInput({ ...base, fills: [...base.fills, fill("E", "RD", 2025, 6, 1), fill("E", "GDP", 2025, 6, 0)] }));
    const e = cellOf(r, "E", "RDI");
    expect(e.actual.value).toBeNull();
    expect(e.actual.reason).toBe("ZERO_DENOMINATOR");
    // the city ratio includes E's parts: (6 + 1) / (300 + 0) × 100
    expectDec(cellOf(r, "C", "RDI").actual.value, d(7).div(d(300)).times(d(100)).toString());
  });

  it("YoY of a ratio is the growth of the ratio: A 1 % vs 1.5 / 150 × 100 = 1 % → 0", () => {
    const r = computePeriod(periodInput(base));
    expectDec(cellOf(r, "A", "RDI").yoy.growth, "0");
  });

  it("ratioValue helper: 3 / 50 × 100 = 6; zero denominator → null", () => {
    expectDec(ratioValue(d(3), d(50), d(100)), "6");
    expect(ratioValue(d(3), d(0))).toBeNull();
  });
});

describe("year-on-year reasons", () => {
  it("no last year → NO_LAST_YEAR; zero last year → ZERO_BASE; negative → NEGATIVE_BASE (change still given)", () => {
    const N = indicator("N", "INCREMENT");
    const K = indicator("K", "CUMULATIVE");
    const r = computePeriod(
      periodInput({
        indicators: [K, N],
        fills: [
          fill("A", "K", 2025, 6, 5),
          fill("B", "K", 2025, 6, 5),
          fill("B", "K", 2024, 6, 0),
          fill("D", "N", 2023, 12, 10),
          fill("D", "N", 2024, 6, 8),
          fill("D", "N", 2024, 12, 8),
          fill("D", "N", 2025, 6, 9),
        ],
      }),
    );
    expect(cellOf(r, "A", "K").yoy.reason).toBe("NO_LAST_YEAR");
    expect(cellOf(r, "B", "K").yoy.reason).toBe("ZERO_BASE");
    expectDec(cellOf(r, "B", "K").yoy.change, "5");
    const dn = cellOf(r, "D", "N");
    expectDec(dn.yoy.lastYear, "-2"); // 8 − 10
    expect(dn.yoy.reason).toBe("NEGATIVE_BASE");
    expectDec(dn.yoy.change, "3"); // 1 − (−2)
    expect(cellOf(r, "E", "K").yoy.reason).toBe("NO_DATA");
  });
});

describe("deeper trees", () => {
  it("a province tenant: cities aggregate their counties, the province aggregates the cities", () => {
    const K = indicator("K", "CUMULATIVE");
    const r = computePeriod(
      periodInput({
        regions: [region("P", null), region("C1", "P"), region("C2", "P"), region("k1", "C1"), region("k2", "C1"), region("k3", "C2", { active: false })],
        indicators: [K],
        targets: [target("C1", "K", 10), target("C2", "K", 10)],
        fills: [fill("k1", "K", 2025, 6, new Decimal("1.25").toString()), fill("k2", "K", 2025, 6, 2), fill("C2", "K", 2025, 6, 4), fill("k3", "K", 2025, 6, 99)],
      }),
    );
    expectDec(cellOf(r, "C1", "K").actual.value, "3.25");
    expectDec(cellOf(r, "C2", "K").actual.value, "4"); // C2 has no active child: it reports itself
    expectDec(cellOf(r, "P", "K").actual.value, "7.25");
    expect(r.countyIds).toEqual(["C1", "C2"]);
    expect(cellOf(r, "k3", "K").status).toBe("INACTIVE");
  });
});
