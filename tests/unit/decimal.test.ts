import { describe, expect, it } from "vitest";
import { Decimal, DecimalRangeError, MAX_MEASURE, ONE, ZERO, formatMaxMeasure, fromStored, parseDecimalInput, toStored } from "../../lib/decimal";

describe("fixed-point storage", () => {
  it("round-trips decimals exactly", () => {
    for (const v of ["0", "1.25", "-10", "0.000001", "123456789.123456", "9223372036854.775807", "-9223372036854.775807"]) {
      expect(fromStored(toStored(v)).toString()).toBe(new Decimal(v).toString());
    }
    expect(toStored("0.1")).toBe(100000n);
    expect(toStored(new Decimal("0.1").plus("0.2"))).toBe(300000n);
  });

  it("refuses values it cannot keep exactly", () => {
    expect(() => toStored("0.0000001")).toThrow(DecimalRangeError);
    // what a BIGINT column holds: ±(2^63 − 1)
    expect(toStored(MAX_MEASURE)).toBe(2n ** 63n - 1n);
    expect(toStored(MAX_MEASURE.negated())).toBe(-(2n ** 63n - 1n));
    expect(fromStored(2n ** 63n - 1n).toString()).toBe("9223372036854.775807");
    expect(() => toStored("9223372036854.775808")).toThrow(DecimalRangeError);
    expect(() => toStored("-9223372036854.775808")).toThrow(DecimalRangeError);
    expect(() => toStored(Number.NaN)).toThrow(DecimalRangeError);
  });
});

describe("MAX_MEASURE", () => {
  it("is the largest storable measure, shown in whole units", () => {
    expect(MAX_MEASURE.toString()).toBe("9223372036854.775807");
    expect(formatMaxMeasure()).toBe("9,223,372,036,854");
  });
});

describe("Decimal", () => {
  it("runs at decimal.js's default settings, which every figure assumes", () => {
    expect([Decimal.precision, Decimal.rounding, Decimal.toExpNeg, Decimal.toExpPos]).toEqual([20, Decimal.ROUND_HALF_UP, -7, 21]);
    expect(ONE.div(3).toString()).toBe("0.33333333333333333333");
    expect(new Decimal(2).div(3).toString()).toBe("0.66666666666666666667");
    expect(new Decimal("0.0000001").toString()).toBe("1e-7");
    expect(new Decimal("0.000001").toString()).toBe("0.000001");
    expect(new Decimal("-0.005").toFixed(2)).toBe("-0.01");
    expect(new Decimal("0.125").toFixed(2)).toBe("0.13");
    expect(ZERO.toString()).toBe("0");
  });

  it("stores a negative zero as zero and prints it as 0", () => {
    const negativeZero = ZERO.times(-1);
    expect(toStored(negativeZero)).toBe(0n);
    expect(negativeZero.toString()).toBe("0");
    expect(negativeZero.toFixed(2)).toBe("0.00");
  });
});

describe("parseDecimalInput", () => {
  it("accepts what people type", () => {
    expect(parseDecimalInput(" 1,234.50 ")?.toString()).toBe("1234.5");
    expect(parseDecimalInput("１２")).toBeNull();
    expect(parseDecimalInput("12，000")?.toString()).toBe("12000");
    expect(parseDecimalInput(".5")?.toString()).toBe("0.5");
    expect(parseDecimalInput("-3")?.toString()).toBe("-3");
    expect(parseDecimalInput("+9,223,372,036,854.775807")?.eq(MAX_MEASURE)).toBe(true);
    expect(parseDecimalInput("0.1234567890123456789012345")?.toString()).toBe("0.1234567890123456789012345");
  });

  it("refuses anything that is not a plain number", () => {
    for (const bad of ["", "abc", "1e5", "1.2.3", "12亿", "--1", "0x10"]) expect(parseDecimalInput(bad)).toBeNull();
  });
});
