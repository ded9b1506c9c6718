import { describe, expect, it } from "vitest";
import { MetricsInputError, expectedProgress, isDueMonth, latestDueMonth, validateCurve } from "../../../lib/metrics";
import { d, expectDec } from "./fixtures";

// A batch-certification curve (高新技术企业认定 lands late in the year).
const CURVE = ["0", "0", "0", "0.05", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.8", "1"].map(d);

describe("expectedProgress (序时进度)", () => {
  it("is month/12 without a curve: June → 6/12 = 0.5, December → 1", () => {
    expectDec(expectedProgress(6), "0.5");
    expectDec(expectedProgress(3), "0.25");
    expectDec(expectedProgress(12), "1");
  });

  it("January is 1/12 at full Decimal precision (not a float)", () => {
    // decimal.js keeps 20 significant digits: 1/12 = 0.083333333333333333333
    expect(expectedProgress(1).toString()).toBe("0.083333333333333333333");
    expect(expectedProgress(1).eq(d(1).div(d(12)))).toBe(true);
  });

  it("uses curve[month − 1] when the indicator has a curve: June → 0.2 instead of 0.5", () => {
    expectDec(expectedProgress(6, CURVE), "0.2");
    expectDec(expectedProgress(1, CURVE), "0");
    expectDec(expectedProgress(12, CURVE), "1");
  });

  it("rejects bad months and bad curves", () => {
    expect(() => expectedProgress(0)).toThrow(MetricsInputError);
    expect(() => expectedProgress(13)).toThrow(MetricsInputError);
    expect(() => expectedProgress(1.5)).toThrow(MetricsInputError);
    expect(() => validateCurve(CURVE.slice(0, 11))).toThrow(/12 values/);
    const decreasing = [...CURVE];
    decreasing[5] = d("0.01");
    expect(() => validateCurve(decreasing)).toThrow(/decreases at month 6/);
    const notEndingAtOne = [...CURVE];
    notEndingAtOne[11] = d("0.9");
    expect(() => validateCurve(notEndingAtOne)).toThrow(/end at exactly 1/);
  });
});

describe("reporting frequency", () => {
  it("quarterly fills are due in 3, 6, 9, 12; the latest due month at May is March", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => isDueMonth(m, "QUARTERLY"))).toEqual([3, 6, 9, 12]);
    expect(latestDueMonth(5, "QUARTERLY")).toBe(3);
    expect(latestDueMonth(2, "QUARTERLY")).toBe(0);
    expect(latestDueMonth(5, "MONTHLY")).toBe(5);
    expect(latestDueMonth(11, "HALF_YEARLY")).toBe(6);
    expect(latestDueMonth(11, "YEARLY")).toBe(0);
  });
});
