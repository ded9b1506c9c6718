/**
 * `Dec`: the metrics engine's decimal — a BigInt coefficient and a power of ten, with the
 * arithmetic of decimal.js at its default settings, several times faster (a division about
 * five times, a stored value read about a hundred times).
 *
 * Every result is what decimal.js (precision 20, ROUND_HALF_UP, toExpNeg −7, toExpPos 21)
 * gives for the same operands, digit for digit and in the same text:
 * - plus, minus and times are exact, then rounded to 20 significant digits (half up);
 * - div is the exact quotient rounded to 20 significant digits (half up);
 * - comparisons are exact;
 * - toString is decimal.js's (no trailing zeros, exponent notation below 1e-6 and from 1e21).
 * tests/unit/dec.test.ts checks each operation against decimal.js on random operands.
 *
 * Why not decimal.js itself: a dashboard call performs thousands of operations, and a
 * decimal.js division costs about 1.2 µs and leaves about 1.7 KiB of garbage (an array of
 * digits per operand copy and per result). Here a value is one small BigInt and a number, and
 * a stored measure (an integer × 10^6, lib/decimal.ts) becomes a Dec without parsing text.
 * decimal.js stays the app's decimal for input, validation and formatting
 * (docs/decisions/008-engine-decimals-and-per-call-code.md).
 *
 * Values are immutable. There is no NaN, no infinity and no negative zero: dividing by zero
 * throws (the engine checks every denominator first).
 */

/** Significant digits kept by every operation (decimal.js's default precision). */
export const PRECISION = 20;
/** Decimal places of stored measures (lib/decimal.ts STORAGE_SCALE). */
const STORED_EXPONENT = -6;

const POW10: bigint[] = [1n];
/** 10^k as a BigInt (cached). */
function pow10(k: number): bigint {
  for (let n = POW10.length; n <= k; n++) POW10.push(POW10[n - 1]! * 10n);
  return POW10[k]!;
}
pow10(64);
/** 10^20: coefficients below it need no rounding. */
const LIMIT = pow10(PRECISION);
/** 10^21: a quotient below it has 21 digits, one too many. */
const POW_21 = pow10(PRECISION + 1);
/** 10^22: no quotient reaches it. */
const POW_22 = pow10(PRECISION + 2);

/** Number of decimal digits of a non-negative BigInt (1 for 0). */
function digitsOf(x: bigint): number {
  // an estimate from the double (one off at most, next to a power of ten), corrected
  let d = x < 10n ? 1 : Math.floor(Math.log10(Number(x))) + 1;
  if (!(d < 64)) {
    d = 1;
    while (x >= pow10(d)) d++;
    return d;
  }
  if (d > 1 && x < POW10[d - 1]!) d--;
  else if (x >= POW10[d]!) d++;
  return d;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** c × 10^e rounded to PRECISION significant digits, half away from zero. */
function rounded(c: bigint, e: number): Dec {
  if (c < LIMIT && c > -LIMIT) return new Dec(c, e);
  const negative = c < 0n;
  const a = negative ? -c : c;
  const drop = digitsOf(a) - PRECISION;
  const p = pow10(drop);
  let q = a / p;
  if ((a - q * p) * 2n >= p) q += 1n;
  return new Dec(negative ? -q : q, e + drop);
}

const DECIMAL_TEXT = /^([-+])?(\d+)?(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/;

export class Dec {
  /** coefficient: the value is c × 10^e */
  readonly c: bigint;
  /** exponent of the coefficient's last digit */
  readonly e: number;
  /** nominal type: a decimal.js Decimal is not a Dec, even where their methods agree */
  declare private readonly brand: never;

  constructor(c: bigint, e: number) {
    this.c = c;
    this.e = e;
  }

  static readonly ZERO = new Dec(0n, 0);
  static readonly ONE = new Dec(1n, 0);

  /** A stored fixed-point measure (the value × 10^6, lib/decimal.ts) — exact, nothing parsed. */
  static fromStored(stored: bigint | number): Dec {
    if (typeof stored === "number" && !Number.isSafeInteger(stored)) throw new RangeError(`not an exact stored integer: ${stored}`);
    return new Dec(typeof stored === "bigint" ? stored : BigInt(stored), STORED_EXPONENT);
  }

  /** An integer. */
  static int(value: number | bigint): Dec {
    if (typeof value === "number" && !Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    return new Dec(BigInt(value), 0);
  }

  /**
   * Decimal text ("12.5", "-0.001", "1.5e-7") — or anything whose String() is such text, as a
   * decimal.js Decimal's is. Exact: not rounded, as decimal.js does not round what it is given.
   */
  static from(value: string | number | bigint | { toString(): string }): Dec {
    if (value instanceof Dec) return value;
    if (typeof value === "bigint") return new Dec(value, 0);
    const text = String(value).trim();
    const m = DECIMAL_TEXT.exec(text);
    if (!m || (m[2] === undefined && !m[3])) throw new SyntaxError(`not a decimal number: ${text}`);
    const fraction = m[3] ?? "";
    const c = BigInt(`${m[2] ?? ""}${fraction}` || "0");
    const e = Number(m[4] ?? 0) - fraction.length;
    return new Dec(m[1] === "-" ? -c : c, e);
  }

  static min(a: Dec, b: Dec): Dec {
    return b.lt(a) ? b : a;
  }

  plus(y: Dec): Dec {
    if (y.c === 0n) return this.c < LIMIT && this.c > -LIMIT ? this : rounded(this.c, this.e);
    if (this.c === 0n) return y.c < LIMIT && y.c > -LIMIT ? y : rounded(y.c, y.e);
    if (this.e === y.e) return rounded(this.c + y.c, this.e);
    return this.e > y.e ? rounded(this.c * pow10(this.e - y.e) + y.c, y.e) : rounded(this.c + y.c * pow10(y.e - this.e), this.e);
  }

  minus(y: Dec): Dec {
    if (y.c === 0n) return this.c < LIMIT && this.c > -LIMIT ? this : rounded(this.c, this.e);
    if (this.c === 0n) return rounded(-y.c, y.e);
    if (this.e === y.e) return rounded(this.c - y.c, this.e);
    return this.e > y.e ? rounded(this.c * pow10(this.e - y.e) - y.c, y.e) : rounded(this.c - y.c * pow10(y.e - this.e), this.e);
  }

  times(y: Dec): Dec {
    if (this.c === 0n || y.c === 0n) return Dec.ZERO;
    if (y.c === 1n) return rounded(this.c, this.e + y.e);
    return rounded(this.c * y.c, this.e + y.e);
  }

  /** The quotient rounded to 20 significant digits (half up). Throws on a zero divisor. */
  div(y: Dec): Dec {
    if (y.c === 0n) throw new RangeError("division by zero");
    if (this.c === 0n) return Dec.ZERO;
    // by a power of ten (1, 0.1, 100 …): the same digits, another exponent
    if (y.c === 1n) return rounded(this.c, this.e - y.e);
    const a = abs(this.c);
    const b = abs(y.c);
    // scale so that the integer quotient has 21 or 22 digits, then round off the extra ones:
    // 20 − ⌊log10(a / b)⌋ from doubles gives 21 digits, or 22 when the estimate is one low
    // next to a power of ten, or 20 when it is one high (then one more digit is taken)
    const magnitude = Math.floor(Math.log10(Number(a) / Number(b)));
    let shift = Number.isFinite(magnitude) ? PRECISION - magnitude : PRECISION + 1 + digitsOf(b) - digitsOf(a);
    let q = shift >= 0 ? (a * pow10(shift)) / b : a / (b * pow10(-shift));
    if (q < LIMIT || q >= POW_22) {
      shift = q < LIMIT ? shift + 1 : PRECISION + 1 + digitsOf(b) - digitsOf(a);
      q = shift >= 0 ? (a * pow10(shift)) / b : a / (b * pow10(-shift));
    }
    // half up: the dropped digits (and any remainder below them) are at least half of 10^drop
    let r: bigint;
    let drop: number;
    if (q < POW_21) {
      drop = 1;
      r = q / 10n;
      if (q % 10n >= 5n) r += 1n;
    } else {
      drop = 2;
      r = q / 100n;
      if (q % 100n >= 50n) r += 1n;
    }
    const negative = this.c < 0n !== y.c < 0n;
    return new Dec(negative ? -r : r, this.e - y.e - shift + drop);
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than y. */
  cmp(y: Dec): -1 | 0 | 1 {
    const a = this.c;
    const b = y.c;
    if (this.e !== y.e && a !== 0n && b !== 0n && a < 0n === b < 0n) {
      // same sign, other exponents: magnitudes that doubles tell apart need no BigInt product
      // (their logarithms are exact to about 1e-15; values closer than 1e-9 are compared exactly)
      const gap = Math.log10(Math.abs(Number(a))) + this.e - (Math.log10(Math.abs(Number(b))) + y.e);
      if (gap > 1e-9 && gap !== Infinity) return a > 0n ? 1 : -1;
      if (gap < -1e-9 && gap !== -Infinity) return a > 0n ? -1 : 1;
      const l = this.e > y.e ? a * pow10(this.e - y.e) : a;
      const r = this.e > y.e ? b : b * pow10(y.e - this.e);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    // same exponent, a zero, or opposite signs: the coefficients order the values
    if (this.e === y.e) return a < b ? -1 : a > b ? 1 : 0;
    const sa = a < 0n ? -1 : a > 0n ? 1 : 0;
    const sb = b < 0n ? -1 : b > 0n ? 1 : 0;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }

  eq(y: Dec): boolean {
    return this.cmp(y) === 0;
  }
  gt(y: Dec): boolean {
    return this.cmp(y) > 0;
  }
  gte(y: Dec): boolean {
    return this.cmp(y) >= 0;
  }
  lt(y: Dec): boolean {
    return this.cmp(y) < 0;
  }
  lte(y: Dec): boolean {
    return this.cmp(y) <= 0;
  }
  isZero(): boolean {
    return this.c === 0n;
  }
  isNegative(): boolean {
    return this.c < 0n;
  }
  isPositive(): boolean {
    return this.c > 0n;
  }

  /** decimal.js's text of the value (see the module comment). */
  toString(): string {
    if (this.c === 0n) return "0";
    let digits = abs(this.c).toString();
    let e = this.e;
    let end = digits.length;
    while (digits.charCodeAt(end - 1) === 48) end--;
    if (end < digits.length) {
      e += digits.length - end;
      digits = digits.slice(0, end);
    }
    const len = digits.length;
    // the exponent of the first digit
    const x = e + len - 1;
    let text: string;
    if (x <= -7 || x >= 21) text = `${len > 1 ? `${digits[0]}.${digits.slice(1)}` : digits}e${x < 0 ? "" : "+"}${x}`;
    else if (e >= 0) text = e === 0 ? digits : digits + "0".repeat(e);
    else if (x >= 0) text = `${digits.slice(0, len + e)}.${digits.slice(len + e)}`;
    else text = `0.${"0".repeat(-x - 1)}${digits}`;
    return this.c < 0n ? `-${text}` : text;
  }

  /** As decimal.js: JSON holds the text. */
  toJSON(): string {
    return this.toString();
  }

  /** Rounded to `places` decimal places (half up), in plain notation with exactly that many. */
  toFixed(places: number): string {
    if (!Number.isInteger(places) || places < 0) throw new RangeError(`decimal places must be a non-negative integer, got ${places}`);
    const a = abs(this.c);
    let units: bigint;
    if (this.e >= -places) units = a * pow10(this.e + places);
    else {
      const p = pow10(-places - this.e);
      units = a / p;
      if ((a - units * p) * 2n >= p) units += 1n;
    }
    let digits = units.toString();
    if (places > 0) {
      digits = digits.padStart(places + 1, "0");
      digits = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
    }
    // the sign of the value before rounding, as decimal.js (−0.001 → "-0.00")
    return this.c < 0n ? `-${digits}` : digits;
  }
}

export const ZERO = Dec.ZERO;
export const ONE = Dec.ONE;
