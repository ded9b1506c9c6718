import { Decimal } from "../../../lib/decimal";
import { describe, expect, it } from "vitest";
import { checkValue, parseEntry, type CheckInput } from "../../../lib/reporting/checks";

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

  it("flags a jump far outside the region's own monthly increments (mean ± max(3·sd, 0.5·|mean|))", () => {
    // mean 1.02, sd ≈ 0.125 → tolerance max(0.375, 0.51) = 0.51
    expect(checkValue({ ...base, value: d("11.53") })).toEqual([]);
    expect(checkValue({ ...base, value: d("11.54") })).toEqual(["JUMP"]);
    expect(checkValue({ ...base, value: d("10.5") })).toEqual(["JUMP"]);
  });

  it("needs at least six months of history before judging a jump", () => {
    expect(checkValue({ ...base, value: d(13), history: steady.slice(0, 5) })).toEqual([]);
  });

  it("does not flag a one-unit change of a count with a flat history", () => {
    const flat = Array(8).fill(d(0));
    expect(checkValue({ ...base, kind: "STOCK", precision: 0, value: d(31), lastMonth: d(30), target: d(40), history: flat })).toEqual([]);
    expect(checkValue({ ...base, kind: "STOCK", precision: 0, value: d(32), lastMonth: d(30), target: d(40), history: flat })).toEqual(["JUMP"]);
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
