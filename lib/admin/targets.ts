/**
 * Pure target arithmetic: copying last year's targets (optionally raised by a percentage)
 * and the check of the city's own target against the sum of the county targets. Decimal
 * only, rounded to the indicator's precision (half up), never floats.
 */
import { Decimal } from "../decimal";

/** last year's value × (1 + percent / 100), rounded to `precision` decimal places (half up). */
export function raiseTarget(value: Decimal, percent: Decimal, precision: number): Decimal {
  return value.times(new Decimal(1).plus(percent.dividedBy(100))).toDecimalPlaces(precision, Decimal.ROUND_HALF_UP);
}

export type CityCheckStatus = "MATCH" | "COUNTIES_ABOVE" | "COUNTIES_BELOW" | "NO_CITY_TARGET" | "NO_COUNTY_TARGETS" | "NOT_SUMMABLE";

export interface CityCheck {
  status: CityCheckStatus;
  city: Decimal | null;
  sum: Decimal | null;
  /** sum − city */
  difference: Decimal | null;
  /** counties with a target / counties */
  counted: number;
  counties: number;
}

/**
 * The sum of the county targets against the city's target. Ratios are not summable (a ratio
 * of the city is not the sum of the counties' ratios), so they are only shown.
 */
export function cityCheck(kind: string, city: Decimal | null, countyValues: (Decimal | null)[]): CityCheck {
  const present = countyValues.filter((v): v is Decimal => v !== null);
  const base = { city, counted: present.length, counties: countyValues.length };
  if (kind === "RATIO") return { status: "NOT_SUMMABLE", sum: null, difference: null, ...base };
  if (present.length === 0) return { status: "NO_COUNTY_TARGETS", sum: null, difference: null, ...base };
  const sum = present.reduce((a, b) => a.plus(b), new Decimal(0));
  if (city === null) return { status: "NO_CITY_TARGET", sum, difference: null, ...base };
  const difference = sum.minus(city);
  const status = difference.isZero() ? "MATCH" : difference.isPositive() ? "COUNTIES_ABOVE" : "COUNTIES_BELOW";
  return { status, sum, difference, ...base };
}
