import { Decimal } from "../../../lib/decimal";
import { describe, expect, it } from "vitest";
import { checkValue, flagValues, parseEntry, type CheckInput } from "../../../lib/reporting/checks";

const d = (v: string | number) => new Decimal(v);
const steady = [1, 1.2, 0.9, 1.1, 1, 0.8, 1.1, 1, 1.2, 0.9].map(d); // mean 1.02
const base: CheckInput = { kind: "CUMULATIVE", month: 10, precision: 2, value: d(11), lastMonth: d(10), baseline: null, target: d(14), history: steady };

describe("entry checks", () => {
  it("passes an ordinary month", () => {
    expect(checkValue(base)).toEqual([]);
  });

  it("flags a year-to-date value below last month's, but not in January", () => {
    expect(checkValue({ ...base, value: d("9.99") })).toContain("BELOW_LAST_MONTH");
    expect(checkValue({ ...base, month: 1, value: d("0.9"), lastMonth: null })).not.toContain("BELOW_LAST_MONTH");
    expect(checkValue({ ...base, kind: "STOCK", value: d("9.5") })).not.toContain("BELOW_LAST_MONTH");
  });

  it("flags a jump far outside the region's own month-on-month changes (median ± max(3.5·1.4826·MAD, 0.5·|median|, 5 % of the level))", () => {
    // median 1, MAD 0.1 → 3.5 × 1.4826 × 0.1 ≈ 0.52; 0.5 × median = 0.5; 5 % of 10 = 0.5 → tolerance ≈ 0.519
    expect(checkValue({ ...base, value: d("11.51") })).toEqual([]);
    expect(checkValue({ ...base, value: d("11.52") })).toEqual(["JUMP"]);
    expect(checkValue({ ...base, value: d("10.48") })).toEqual(["JUMP"]);
  });

  it("is not moved by one odd month in the history (median, not mean)", () => {
    const withSpike = [...steady.slice(0, 9), d(40)];
    expect(checkValue({ ...base, value: d("11.2"), history: withSpike })).toEqual([]);
    expect(checkValue({ ...base, value: d(14), history: withSpike })).toEqual(["JUMP"]);
  });

  it("does not flag a stock going 79 → 81, and still flags a real jump of it", () => {
    const stock = { ...base, kind: "STOCK" as const, precision: 0, lastMonth: d(79), target: d(90) };
    const usual = [0, 1, 0, 0, 1, 0, 2, 0, 1, 0].map(d);
    expect(checkValue({ ...stock, value: d(81), history: usual })).toEqual([]);
    expect(checkValue({ ...stock, value: d(81), history: Array(10).fill(d(0)) })).toEqual([]);
    expect(checkValue({ ...stock, value: d(95), history: usual })).toEqual(["JUMP"]);
    expect(checkValue({ ...stock, value: d(60), history: usual })).toEqual(["JUMP"]);
  });

  it("needs at least three past changes before judging a jump", () => {
    expect(checkValue({ ...base, value: d(13), history: steady.slice(0, 2) })).toEqual([]);
    expect(checkValue({ ...base, value: d(13), history: steady.slice(0, 3) })).toEqual(["JUMP"]);
  });

  it("does not flag a one-unit change of a small count with a flat history, and flags two", () => {
    const flat = Array(8).fill(d(0));
    expect(checkValue({ ...base, kind: "STOCK", precision: 0, value: d(11), lastMonth: d(10), target: d(40), history: flat })).toEqual([]);
    expect(checkValue({ ...base, kind: "STOCK", precision: 0, value: d(12), lastMonth: d(10), target: d(40), history: flat })).toEqual(["JUMP"]);
  });

  it("flags an INCREMENT total below last year-end's (a negative increase) and says what was probably meant", () => {
    const typed: CheckInput = { ...base, kind: "INCREMENT", precision: 0, month: 11, value: d(2), lastMonth: d(24), baseline: d(23), target: d(4), history: [] };
    expect(checkValue(typed)).toEqual(["BELOW_BASELINE"]);
    expect(flagValues(typed, "家")).toMatchObject({ baseline: "23", value: "2", decrease: "21", meant: "25", unit: "家" });
    expect(checkValue({ ...typed, value: d(23) })).toEqual([]);
    expect(checkValue({ ...typed, value: d(25) })).toEqual([]);
  });

  it("quotes last month's change and the usual change at the indicator's precision", () => {
    const v = flagValues({ ...base, value: d("11.6") }, "亿元");
    expect(v).toMatchObject({ change: "+1.60", usual: "1.00", value: "11.60" });
    expect(flagValues({ ...base, value: d("9.4") }, "亿元").change).toBe("−0.60");
  });

  it("flags a value more than 150 % of the annual target; for INCREMENT the rise since last December", () => {
    expect(checkValue({ ...base, history: [], value: d(21), lastMonth: d(20) })).toEqual([]);
    expect(checkValue({ ...base, history: [], value: d("21.01"), lastMonth: d(20) })).toEqual(["ABOVE_TARGET"]);
    expect(checkValue({ ...base, kind: "INCREMENT", history: [], value: d(116), lastMonth: d(115), baseline: d(100), target: d(10) })).toEqual(["ABOVE_TARGET"]);
    expect(checkValue({ ...base, kind: "INCREMENT", history: [], value: d(115), lastMonth: d(114), baseline: d(100), target: d(10) })).toEqual([]);
  });

  it("parses typed numbers and names the rule a malformed one breaks", () => {
    expect(parseEntry(" 1,234.5 ", 2)).toEqual({ value: d("1234.5") });
    expect(parseEntry("12.345", 2)).toEqual({ error: "tooManyDecimals" });
    expect(parseEntry("3", 0)).toEqual({ value: d(3) });
    expect(parseEntry("1.5", 0)).toEqual({ error: "tooManyDecimals" });
    expect(parseEntry("abc", 2)).toEqual({ error: "malformed" });
    expect(parseEntry("1e5", 2)).toEqual({ error: "malformed" });
    expect(parseEntry("-1", 2)).toEqual({ error: "negative" });
    expect(parseEntry("9223372036854.775807", 6)).toEqual({ value: d("9223372036854.775807") });
    expect(parseEntry("9223372036855", 0)).toEqual({ error: "tooLarge" });
  });
});
