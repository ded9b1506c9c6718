import { describe, expect, it } from "vitest";
import { Decimal, DecimalRangeError, MAX_MEASURE, formatMaxMeasure, fromStored, parseDecimalInput, toStored } from "../../lib/decimal";

describe("fixed-point storage", () => {
  it("round-trips decimals exactly", () => {
    for (const v of ["0", "1.25", "-10", "0.000001", "123456789.123456", "576460752303.423487", "-576460752303.423487"]) {
      expect(fromStored(toStored(v)).toString()).toBe(new Decimal(v).toString());
    }
    expect(toStored("0.1")).toBe(100000n);
    expect(toStored(new Decimal("0.1").plus("0.2"))).toBe(300000n);
  });

  it("refuses values it cannot keep exactly", () => {
    expect(() => toStored("0.0000001")).toThrow(DecimalRangeError);
    // below 2^59 stored: the roll-up query packs value × 16 + month into 64 bits
    expect(toStored(MAX_MEASURE)).toBe(2n ** 59n - 1n);
    expect(() => toStored("576460752303.423488")).toThrow(DecimalRangeError);
    expect(() => toStored("-576460752303.423488")).toThrow(DecimalRangeError);
    expect(() => toStored("9223372036854.775808")).toThrow(DecimalRangeError);
    expect(() => toStored(Number.NaN)).toThrow(DecimalRangeError);
  });
});

describe("MAX_MEASURE", () => {
  it("is the largest storable measure, shown in whole units", () => {
    expect(MAX_MEASURE.toString()).toBe("576460752303.423487");
    expect(formatMaxMeasure()).toBe("576,460,752,303");
  });
});

describe("parseDecimalInput", () => {
  it("accepts what people type", () => {
    expect(parseDecimalInput(" 1,234.50 ")?.toString()).toBe("1234.5");
    expect(parseDecimalInput("１２")).toBeNull();
    expect(parseDecimalInput("12，000")?.toString()).toBe("12000");
    expect(parseDecimalInput(".5")?.toString()).toBe("0.5");
    expect(parseDecimalInput("-3")?.toString()).toBe("-3");
  });

  it("refuses anything that is not a plain number", () => {
    for (const bad of ["", "abc", "1e5", "1.2.3", "12亿", "--1", "0x10"]) expect(parseDecimalInput(bad)).toBeNull();
  });
});
