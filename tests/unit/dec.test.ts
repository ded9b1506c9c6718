/**
 * Dec (lib/dec.ts) against decimal.js at its default settings: for random operands every
 * operation gives the same text, and comparisons the same order.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../lib/dec";

/** A decimal as text: up to 26 digits and an exponent that puts it anywhere from 1e-30 to 1e25. */
const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 26n }), fc.integer({ min: -30, max: 8 }), fc.integer({ min: 0, max: 4 }))
  .map(([negative, c, e, zeros]) => {
    // some coefficients with trailing zeros, some short ones
    const coefficient = (c / 10n ** BigInt(zeros)) * 10n ** BigInt(zeros);
    return `${negative ? "-" : ""}${coefficient}e${e}`;
  });
/** A stored measure: an integer × 10^6 below 2^59, as the database holds it. */
const stored = fc.bigInt({ min: -(2n ** 59n) + 1n, max: 2n ** 59n - 1n });
/** Short values near each other, where ties and exact halves are common. */
const small = fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -4, max: 2 })).map(([c, e]) => `${c}e${e}`);
const operand = fc.oneof(decimalText, stored.map((s) => `${s}e-6`), small);

const both = (text: string) => ({ d: new Decimal(text), x: Dec.from(text) });
const RUNS = { numRuns: Number(process.env.DEC_RUNS ?? 3000) };

describe("Dec gives decimal.js's results", () => {
  it("reads and prints values as decimal.js does", () => {
    fc.assert(
      fc.property(operand, (text) => {
        const { d, x } = both(text);
        expect(x.toString()).toBe(d.toString());
        // JSON holds the text (decimal.js's JSON alone writes a negative zero as "-0"; a Dec has none)
        expect(JSON.stringify(x)).toBe(JSON.stringify(d.toString()));
      }),
      RUNS,
    );
    for (const text of ["0", "-0", "1e21", "9.99e20", "1e-7", "0.000001", "1.5e-7", "123.4500", "-0.5", "100", "1e+3", ".5", "5.", "+2"]) {
      expect(Dec.from(text).toString(), text).toBe(new Decimal(text).toString());
    }
  });

  it("adds, subtracts, multiplies and divides to 20 significant digits, half up", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const p = both(a);
        const q = both(b);
        expect(p.x.plus(q.x).toString()).toBe(p.d.plus(q.d).toString());
        expect(p.x.minus(q.x).toString()).toBe(p.d.minus(q.d).toString());
        expect(p.x.times(q.x).toString()).toBe(p.d.times(q.d).toString());
        if (!q.d.isZero()) expect(p.x.div(q.x).toString()).toBe(p.d.div(q.d).toString());
      }),
      RUNS,
    );
  });

  it("divides stored measures as the engine does (completion, growth, shares)", () => {
    fc.assert(
      fc.property(stored, stored, (a, b) => {
        fc.pre(b !== 0n);
        const quotient = Dec.fromStored(a).div(Dec.fromStored(b));
        expect(quotient.toString()).toBe(new Decimal(`${a}e-6`).div(new Decimal(`${b}e-6`)).toString());
        // and what the engine does with a quotient next: gap points and schedule completion
        const gap = quotient.minus(Dec.from("0.41666666666666666667")).times(Dec.int(100));
        expect(gap.toString()).toBe(new Decimal(quotient.toString()).minus("0.41666666666666666667").times(100).toString());
      }),
      RUNS,
    );
  });

  it("divides next to powers of ten, where a quotient's first digit is hardest to place", () => {
    // a / b within a few units of 10^k, and divisors that are powers of ten
    const nearPower = fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: -12, max: 4 }))
      .map(([k, delta, e]) => `${10n ** BigInt(k) + BigInt(delta) || 1n}e${e}`);
    fc.assert(
      fc.property(nearPower, nearPower, (a, b) => {
        expect(Dec.from(a).div(Dec.from(b)).toString()).toBe(new Decimal(a).div(b).toString());
        expect(Dec.from(a).times(Dec.from(b)).toString()).toBe(new Decimal(a).times(b).toString());
      }),
      RUNS,
    );
  });

  it("compares exactly", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const p = both(a);
        const q = both(b);
        expect(p.x.cmp(q.x)).toBe(p.d.cmp(q.d));
        expect(p.x.eq(q.x)).toBe(p.d.eq(q.d));
        expect(p.x.isZero()).toBe(p.d.isZero());
        expect(p.x.isNegative()).toBe(p.d.isNegative() && !p.d.isZero());
      }),
      RUNS,
    );
    // equal values written differently
    expect(Dec.from("1.50").eq(Dec.from("15e-1"))).toBe(true);
    // values too close for doubles to tell apart, and coefficients beyond a double's range
    expect(Dec.from("1.0000000000000000001").cmp(Dec.from("1"))).toBe(1);
    expect(Dec.from("0.99999999999999999999").cmp(Dec.from("1"))).toBe(-1);
    expect(Dec.from(`1${"0".repeat(400)}e-500`).cmp(Dec.ONE)).toBe(-1);
    expect(Dec.from(`-1${"0".repeat(400)}e-500`).cmp(Dec.from("-1"))).toBe(1);
    expect(Dec.from("-0").cmp(Dec.from("0"))).toBe(0);
  });

  it("rounds to fixed decimal places as decimal.js's toFixed", () => {
    fc.assert(
      fc.property(operand, fc.integer({ min: 0, max: 8 }), (a, places) => {
        const { d, x } = both(a);
        expect(x.toFixed(places)).toBe(d.toFixed(places));
      }),
      RUNS,
    );
    expect(Dec.from("-0.001").toFixed(2)).toBe(new Decimal("-0.001").toFixed(2));
    expect(Dec.from("2.5").toFixed(0)).toBe("3");
    expect(Dec.from("-2.5").toFixed(0)).toBe("-3");
  });

  it("keeps stored measures exact", () => {
    expect(Dec.fromStored(1234567n).toString()).toBe("1.234567");
    expect(Dec.fromStored(2n ** 59n - 1n).toString()).toBe("576460752303.423487");
    expect(Dec.fromStored(-5).toString()).toBe("-0.000005");
    expect(() => Dec.fromStored(2 ** 60)).toThrow(RangeError);
    // a sum of stored measures past 20 digits is rounded as decimal.js rounds it
    const big = Dec.fromStored(2n ** 59n - 1n);
    let sum = Dec.ZERO;
    let reference = new Decimal(0);
    for (let k = 0; k < 500; k++) {
      sum = sum.plus(big);
      reference = reference.plus(new Decimal(big.toString()));
    }
    expect(sum.toString()).toBe(reference.toString());
  });

  it("refuses what it cannot represent", () => {
    expect(() => Dec.ONE.div(Dec.ZERO)).toThrow(RangeError);
    expect(() => Dec.from("abc")).toThrow(SyntaxError);
    expect(() => Dec.from("")).toThrow(SyntaxError);
    expect(() => Dec.from("1e")).toThrow(SyntaxError);
    expect(() => Dec.from("NaN")).toThrow(SyntaxError);
  });
});
