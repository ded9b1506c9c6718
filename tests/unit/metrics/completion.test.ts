import { describe, expect, it } from "vitest";
import { cellStatus, computeCompletion, gapPoints, gapStatus } from "../../../lib/metrics";
import { d, expectDec } from "./fixtures";

const thresholds = { behindGap: d(0), seriousGap: d(-10) };
const cap = d(2);

describe("completion, gap and status", () => {
  it("worked example: target 2.00 亿元, YTD 0.468 at June → 23.4 %, 序时进度 50 %, gap −26.6 points, SERIOUSLY_BEHIND", () => {
    // completion = 0.468 / 2.00 = 0.234 (23.4 %); expected = 6/12 = 0.5
    // gap = (0.234 − 0.5) × 100 = −26.6 points < −10 → seriously behind
    const c = computeCompletion({
      actual: d("0.468"),
      target: d("2.00"),
      direction: "HIGHER_IS_BETTER",
      kind: "CUMULATIVE",
      expected: d("0.5"),
      lowerIsBetterCap: cap,
    });
    expectDec(c.value, "0.234");
    expectDec(c.benchmark, "0.5");
    expectDec(gapPoints(c.value, c.benchmark), "-26.6");
    expect(cellStatus(true, c, thresholds)).toBe("SERIOUSLY_BEHIND");
  });

  it("thresholds: gap ≥ 0 is AHEAD, −10 ≤ gap < 0 BEHIND, gap < −10 SERIOUSLY_BEHIND (boundaries exact)", () => {
    expect(gapStatus(d(0), thresholds)).toBe("AHEAD");
    expect(gapStatus(d("-0.0000001"), thresholds)).toBe("BEHIND");
    expect(gapStatus(d(-10), thresholds)).toBe("BEHIND");
    expect(gapStatus(d("-10.0000001"), thresholds)).toBe("SERIOUSLY_BEHIND");
    expect(gapStatus(d(40), thresholds)).toBe("AHEAD");
  });

  it("a zero or missing target gives null with NO_TARGET (never Infinity or NaN); negative is INVALID_TARGET", () => {
    const base = { actual: d(5), direction: "HIGHER_IS_BETTER", kind: "CUMULATIVE", expected: d("0.5"), lowerIsBetterCap: cap } as const;
    const zero = computeCompletion({ ...base, target: d(0) });
    expect(zero.value).toBeNull();
    expect(zero.reason).toBe("NO_TARGET");
    expect(cellStatus(true, zero, thresholds)).toBe("NO_TARGET");
    expect(computeCompletion({ ...base, target: null }).reason).toBe("NO_TARGET");
    expect(computeCompletion({ ...base, target: d(-1) }).reason).toBe("INVALID_TARGET");
  });

  it("a missing actual gives NO_DATA; an inactive region is INACTIVE whatever its numbers", () => {
    const c = computeCompletion({
      actual: null,
      target: d(2),
      direction: "HIGHER_IS_BETTER",
      kind: "CUMULATIVE",
      expected: d("0.5"),
      lowerIsBetterCap: cap,
    });
    expect(c.value).toBeNull();
    expect(c.reason).toBe("NO_DATA");
    expect(cellStatus(true, c, thresholds)).toBe("NO_DATA");
    expect(cellStatus(false, c, thresholds)).toBe("INACTIVE");
  });

  it("higher-is-better above target: 2.5 / 2 = 1.25 (125 %)", () => {
    const c = computeCompletion({
      actual: d("2.5"),
      target: d(2),
      direction: "HIGHER_IS_BETTER",
      kind: "CUMULATIVE",
      expected: d("0.5"),
      lowerIsBetterCap: cap,
    });
    expectDec(c.value, "1.25");
  });

  describe("lower is better (the target is a ceiling, benchmark 100 %)", () => {
    const stock = (actual: string) =>
      computeCompletion({
        actual: d(actual),
        target: d(5),
        direction: "LOWER_IS_BETTER",
        kind: "STOCK",
        expected: d("0.5"),
        lowerIsBetterCap: cap,
      });

    it("STOCK ceiling 5: actual 4 → 5/4 = 1.25; 5 → 1; 10 → 0.5 (gap −50, seriously behind)", () => {
      expectDec(stock("4").value, "1.25");
      expectDec(stock("5").value, "1");
      const over = stock("10");
      expectDec(over.value, "0.5");
      expectDec(over.benchmark, "1");
      expectDec(gapPoints(over.value, over.benchmark), "-50");
      expect(cellStatus(true, over, thresholds)).toBe("SERIOUSLY_BEHIND");
      expect(cellStatus(true, stock("5"), thresholds)).toBe("AHEAD");
    });

    it("is capped at 200 %: actual 2 → min(2, 2.5) = 2; actual 0 → 2 (no division by zero)", () => {
      expectDec(stock("2").value, "2");
      expectDec(stock("0").value, "2");
      expectDec(stock("-1").value, "2");
    });

    it("CUMULATIVE ceiling 12 for the year: at June the allowance is 12 × 0.5 = 6; YTD 4 → 1.5, YTD 8 → 0.75", () => {
      const cum = (actual: string) =>
        computeCompletion({
          actual: d(actual),
          target: d(12),
          direction: "LOWER_IS_BETTER",
          kind: "CUMULATIVE",
          expected: d("0.5"),
          lowerIsBetterCap: cap,
        }).value;
      expectDec(cum("4"), "1.5");
      expectDec(cum("8"), "0.75");
    });
  });
});
