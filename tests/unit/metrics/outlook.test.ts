/** Outlook: projected year-end at the current pace and the monthly amount still needed (倒排工期). */
import { describe, expect, it } from "vitest";
import { neededText } from "../../../components/dashboard/needed";
import { computePeriod, getCell, neededPerMonth, shareOfYear } from "../../../lib/metrics";
import { neededClaim } from "../../../lib/metrics/outlook";
import zh from "../../../messages/zh-CN.json";
import type { PeriodResult } from "../../../lib/metrics";
import { d, expectDec, fill, indicator, periodInput, target } from "./fixtures";

const outlookOf = (r: PeriodResult, region: string, ind: string) => {
  const c = getCell(r, region, ind);
  if (!c) throw new Error(`no cell ${region}/${ind}`);
  return c.outlook;
};

const CURVE = ["0", "0", "0", "0.05", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.8", "1"].map(d);

describe("a thin last year", () => {
  const RD = indicator("RD", "CUMULATIVE");
  const CV = indicator("CV", "CUMULATIVE", { curve: CURVE });
  const input = periodInput({
    indicators: [RD, CV],
    targets: [target("A", "RD", "2.4"), target("B", "RD", "2.4"), target("A", "CV", 3)],
    fills: [
      // A: last year has January only (carried to June and December: a share of 1)
      fill("A", "RD", 2024, 1, "0.1"),
      fill("A", "RD", 2025, 6, "0.468"),
      fill("A", "CV", 2024, 1, "0.1"),
      fill("A", "CV", 2025, 6, "0.468"),
      // B: last year up to June: six months, enough
      fill("B", "RD", 2024, 3, "0.1"),
      fill("B", "RD", 2024, 6, "0.3"),
      fill("B", "RD", 2025, 6, "0.468"),
    ],
  });
  const r = computePeriod(input);

  it("is set aside below six months: the linear pace, not the current figure as the year-end, and it says so", () => {
    const o = outlookOf(r, "A", "RD");
    expect(o.shape).toBe("LINEAR");
    expectDec(o.projected, "0.936");
    expect(o.shortHistory).toBe(1);
  });

  it("gives way to the indicator's curve where it has one", () => {
    const o = outlookOf(r, "A", "CV");
    expect([o.shape, o.shortHistory]).toEqual(["CURVE", 1]);
    expectDec(o.projected, "2.34");
  });

  it("is used from six months on, without the note", () => {
    const o = outlookOf(r, "B", "RD");
    expect(o.shape).toBe("LAST_YEAR");
    expectDec(o.projected, "0.468");
    expect(o.shortHistory).toBeUndefined();
  });
});

describe("CUMULATIVE outlook", () => {
  const RD = indicator("RD", "CUMULATIVE");
  const CV = indicator("CV", "CUMULATIVE", { curve: CURVE });
  const input = periodInput({
      indicators: [RD, CV],
      targets: [target("A", "RD", "2.4"), target("B", "RD", "2.4"), target("D", "RD", 1), target("A", "CV", 3)],
      fills: [
        // A: last year June YTD 0.3 of December's 1.2 → share 0.25
        fill("A", "RD", 2024, 6, "0.3"),
        fill("A", "RD", 2024, 12, "1.2"),
        fill("A", "RD", 2025, 6, "0.468"),
        // B: no last year → linear 6/12
        fill("B", "RD", 2025, 6, "0.468"),
        // D: already above target
        fill("D", "RD", 2025, 6, "1.1"),
        fill("A", "CV", 2025, 6, "0.468"),
      ],
    });
  const r = computePeriod(input);

  it("with last year's shape: share 0.3 / 1.2 = 0.25 → projected 0.468 / 0.25 = 1.872 → 78 % of 2.4; needs (2.4 − 0.468) / 6 = 0.322 a month", () => {
    const o = outlookOf(r, "A", "RD");
    expect(o.shape).toBe("LAST_YEAR");
    expectDec(o.shareOfYear, "0.25");
    expectDec(o.projected, "1.872");
    expectDec(o.projectedCompletion, "0.78");
    expectDec(o.neededPerMonth, "0.322");
    expect(o.remainingMonths).toBe(6);
  });

  it("without last year: linear 6/12 → projected 0.468 / 0.5 = 0.936 → 39 % of 2.4; still 0.322 a month", () => {
    const o = outlookOf(r, "B", "RD");
    expect(o.shape).toBe("LINEAR");
    expectDec(o.shareOfYear, "0.5");
    expectDec(o.projected, "0.936");
    expectDec(o.projectedCompletion, "0.39");
    expectDec(o.neededPerMonth, "0.322");
  });

  it("with a curve and no last year: share = curve(June) = 0.2 → 0.468 / 0.2 = 2.34 → 78 % of 3", () => {
    const o = outlookOf(r, "A", "CV");
    expect(o.shape).toBe("CURVE");
    expectDec(o.projected, "2.34");
    expectDec(o.projectedCompletion, "0.78");
  });

  it("target already met: neededPerMonth null with TARGET_MET", () => {
    const o = outlookOf(r, "D", "RD");
    expect(o.neededPerMonth).toBeNull();
    expect(o.neededReason).toBe("TARGET_MET");
    expectDec(o.projected, "2.2");
  });

  it("no data: no projection, reason NO_DATA; no target: projection without completion", () => {
    expect(outlookOf(r, "E", "RD").reason).toBe("NO_DATA");
    expect(outlookOf(r, "E", "RD").neededReason).toBe("NO_TARGET");
    const cityCv = outlookOf(r, "C", "CV");
    expectDec(cityCv.projected, "2.34");
    expect(cityCv.projectedCompletion).toBeNull();
    expect(cityCv.reason).toBe("NO_TARGET");
  });

  it("the city projects its own sum with its own last-year shape when both last-year sums cover the same counties", () => {
    // city June = 0.468 + 0.468 + 1.1 = 2.036; last year June 0.3 of Dec 1.2 (only A reported both) → 0.25
    const o = outlookOf(r, "C", "RD");
    expectDec(o.projected, "8.144");
    expect(o.shape).toBe("LAST_YEAR");
    // if B had reported last December but not last June, the sums would not be like for like → linear
    const r2 = computePeriod(periodInput({ ...input, fills: [...input.fills, fill("B", "RD", 2024, 12, 2)] }));
    expect(outlookOf(r2, "C", "RD").shape).toBe("LINEAR");
    expectDec(outlookOf(r2, "C", "RD").projected, "4.072");
  });
});

describe("December and shape fallbacks", () => {
  it("at month 12 the projection is the actual; an unmet target gives YEAR_END", () => {
    const RD = indicator("RD", "CUMULATIVE");
    const r = computePeriod(
      periodInput({
        month: 12,
        asOf: new Date("2026-01-10T00:00:00+08:00"),
        indicators: [RD],
        targets: [target("A", "RD", 2)],
        fills: [fill("A", "RD", 2025, 12, "1.9")],
      }),
    );
    const o = outlookOf(r, "A", "RD");
    expectDec(o.shareOfYear, "1");
    expectDec(o.projected, "1.9");
    expectDec(o.projectedCompletion, "0.95");
    expect(o.neededReason).toBe("YEAR_END");
    expect(o.remainingMonths).toBe(0);
  });

  it("shareOfYear falls back from an unusable last year (zero December, share > 1) and a zero curve value to linear", () => {
    expect(shareOfYear(6, d(1), d(0)).shape).toBe("LINEAR");
    expect(shareOfYear(6, d(2), d(1)).shape).toBe("LINEAR");
    expect(shareOfYear(6, d(0), d(1)).shape).toBe("LINEAR");
    const early = shareOfYear(2, null, null, CURVE);
    expect(early.shape).toBe("LINEAR");
    expect(early.share.eq(d(2).div(d(12)))).toBe(true);
    expectDec(shareOfYear(9, d(3), d(4), CURVE).share, "0.75");
  });

  it("neededPerMonth: (10 − 4) / (12 − 9) = 2; met → TARGET_MET; no target → NO_TARGET", () => {
    expectDec(neededPerMonth(d(10), d(4), 9).value, "2");
    expect(neededPerMonth(d(10), d(10), 9).reason).toBe("TARGET_MET");
    expect(neededPerMonth(null, d(4), 9).reason).toBe("NO_TARGET");
    expect(neededPerMonth(d(0), d(4), 9).reason).toBe("NO_TARGET");
    expect(neededPerMonth(d(10), null, 9).reason).toBe("NO_DATA");
  });
});

describe("STOCK and INCREMENT outlook (extrapolating the net increase since last December)", () => {
  // A: levels Dec 2023 80, Jun 2024 85, Dec 2024 100, Jun 2025 110 → increase so far 10;
  //    last year's increase: 5 by June of 20 for the year → share 0.25
  // B: levels Dec 2024 100, Jun 2025 110, no 2023 baseline → linear share 0.5
  // D: only Jun 2025 50 → no baseline: the level is assumed to hold (FLAT)
  const levels = (id: string) => [
    fill("A", id, 2023, 12, 80),
    fill("A", id, 2024, 6, 85),
    fill("A", id, 2024, 12, 100),
    fill("A", id, 2025, 6, 110),
    fill("B", id, 2024, 12, 100),
    fill("B", id, 2025, 6, 110),
    fill("D", id, 2025, 6, 50),
  ];
  const r = computePeriod(
    periodInput({
      indicators: [indicator("HTE", "STOCK"), indicator("NEW", "INCREMENT")],
      targets: [target("A", "HTE", 128), target("B", "HTE", 128), target("A", "NEW", 30), target("D", "HTE", 60)],
      fills: [...levels("HTE"), ...levels("NEW")],
    }),
  );

  it("STOCK with last year's shape: 110 + 10 / 0.25 − 10 = 140 → 140 / 128 = 1.09375", () => {
    const o = outlookOf(r, "A", "HTE");
    expect(o.shape).toBe("LAST_YEAR");
    expectDec(o.projected, "140");
    expectDec(o.projectedCompletion, "1.09375");
    expectDec(o.neededPerMonth, "3"); // (128 − 110) / 6
  });

  it("STOCK linear: 110 + 10 / 0.5 − 10 = 120 → 120 / 128 = 0.9375", () => {
    const o = outlookOf(r, "B", "HTE");
    expect(o.shape).toBe("LINEAR");
    expectDec(o.projected, "120");
    expectDec(o.projectedCompletion, "0.9375");
  });

  it("STOCK without a baseline: FLAT, projected = the level 50; still needs (60 − 50) / 6 a month", () => {
    const o = outlookOf(r, "D", "HTE");
    expect(o.shape).toBe("FLAT");
    expectDec(o.projected, "50");
    expect(o.neededPerMonth?.eq(d(10).div(d(6)))).toBe(true);
  });

  it("INCREMENT: 10 / 0.25 = 40 → 40 / 30; needs (30 − 10) / 6 a month", () => {
    const o = outlookOf(r, "A", "NEW");
    expectDec(o.projected, "40");
    expect(o.projectedCompletion?.eq(d(40).div(d(30)))).toBe(true);
    expect(o.neededPerMonth?.eq(d(20).div(d(6)))).toBe(true);
  });
});

describe("RATIO and lower-is-better outlook", () => {
  it("a ratio projects from its projected parts: (0.468 / 0.5) / (46.8 / 0.5) × 100 = 1 %", () => {
    const r = computePeriod(
      periodInput({
        indicators: [
          indicator("RD", "CUMULATIVE"),
          indicator("GDP", "CUMULATIVE"),
          indicator("RDI", "RATIO", { numeratorId: "RD", denominatorId: "GDP", ratioFactor: d(100) }),
        ],
        targets: [target("A", "RDI", "1.25")],
        fills: [fill("A", "RD", 2025, 6, "0.468"), fill("A", "GDP", 2025, 6, "46.8")],
      }),
    );
    const o = outlookOf(r, "A", "RDI");
    expect(o.shape).toBe("COMPONENTS");
    expectDec(o.projected, "1");
    expectDec(o.projectedCompletion, "0.8");
    expect(o.neededReason).toBe("NOT_APPLICABLE");
  });

  it("lower is better (CUMULATIVE ceiling 12): YTD 4 at June → projected 8 → 12 / 8 = 1.5; nothing 'needed'", () => {
    const r = computePeriod(
      periodInput({
        indicators: [indicator("ACC", "CUMULATIVE", { direction: "LOWER_IS_BETTER" })],
        targets: [target("A", "ACC", 12)],
        fills: [fill("A", "ACC", 2025, 6, 4)],
      }),
    );
    const o = outlookOf(r, "A", "ACC");
    expectDec(o.projected, "8");
    expectDec(o.projectedCompletion, "1.5");
    expect(o.neededReason).toBe("NOT_APPLICABLE");
    const c = getCell(r, "A", "ACC");
    expectDec(c?.completion, "1.5"); // allowance 12 × 0.5 = 6; 6 / 4
    expectDec(c?.benchmark, "1");
    expect(c?.status).toBe("AHEAD");
  });
});

describe("the amount still needed, as said for the indicator's precision", () => {
  it("keeps a whole per-month amount per month", () => {
    expect(neededClaim(d(2), 6, 0)).toEqual({ perMonth: d(2) });
    expect(neededClaim(d("0.35"), 6, 2)).toEqual({ perMonth: d("0.35") });
  });

  it("never rounds a fraction of a whole-number indicator into a different claim: 0.5 家 a month is 3 家 over 6 months", () => {
    expect(neededClaim(d("0.5"), 6, 0)).toEqual({ total: d(3), months: 6 });
    // 2 家 over 3 months: the division's tail does not reach the total
    const perMonth = neededPerMonth(d(4), d(2), 9).value!;
    expect(perMonth.decimalPlaces()).toBeGreaterThan(0);
    expect(neededClaim(perMonth, 3, 0)).toEqual({ total: d(2), months: 3 });
  });

  it("reads 共需 3 家，余 6 个月 on the county page, and 2 家 where the month's share is whole", () => {
    const t = (key: string, values: Record<string, string | number> = {}) =>
      (zh.County as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
    const ind = { precision: 0, unit: "家" };
    expect(neededText({ neededPerMonth: "0.5", neededReason: null, remainingMonths: 6 }, ind, t)).toBe("共需 3 家，余 6 个月");
    expect(neededText({ neededPerMonth: "2", neededReason: null, remainingMonths: 6 }, ind, t)).toBe("2 家");
    expect(neededText({ neededPerMonth: null, neededReason: "TARGET_MET", remainingMonths: 6 }, ind, t)).toBe("已完成目标");
  });
});
