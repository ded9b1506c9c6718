import { describe, expect, it } from "vitest";
import { atExchangeScale, exchangeJson, formatDateTime, formatFixed, formatInput, formatMeasure, formatPercent, formatPoints, formatSignedPercent, groupThousands } from "../../lib/format";
import { Decimal } from "../../lib/decimal";
import { parseDashboardQuery } from "../../lib/schemas/dashboard";

describe("lib/format", () => {
  it("formats fractions as percentages", () => {
    expect(formatPercent("0.234")).toBe("23.4%");
    expect(formatPercent("0.23449")).toBe("23.4%");
    expect(formatPercent("0.23450")).toBe("23.5%");
    expect(formatPercent(null)).toBe("—");
    expect(formatSignedPercent("0.052")).toBe("+5.2%");
    expect(formatSignedPercent("-0.1")).toBe("−10.0%");
    expect(formatSignedPercent("0")).toBe("0.0%");
  });

  it("formats gaps in percentage points per language", () => {
    expect(formatPoints("-26.6", "zh-CN")).toBe("−26.6个百分点");
    expect(formatPoints("-26.6", "en")).toBe("−26.6 pts");
    expect(formatPoints("3.04", "zh-CN")).toBe("+3.0个百分点");
    expect(formatPoints("-0.01", "en")).toBe("0.0 pts");
  });

  it("formats measures with the indicator's precision and thousands separators, exactly", () => {
    expect(formatMeasure("12.345", 2, "亿元")).toBe("12.35 亿元");
    expect(formatMeasure("1234567.5", 0, "家")).toBe("1,234,568 家");
    expect(formatMeasure("2.5", 2, "%")).toBe("2.50%");
    expect(formatFixed("-1234.5", 2)).toBe("−1,234.50");
    // beyond float precision: Decimal keeps every digit
    expect(formatFixed("12345678901234567.891", 2)).toBe("12,345,678,901,234,567.89");
  });
});

describe("dashboard query", () => {
  it("keeps valid parameters and names the invalid ones", () => {
    expect(parseDashboardQuery({ year: "2026", month: "6", indicator: "TECH_CONTRACT" })).toEqual({ year: 2026, month: 6, indicator: "TECH_CONTRACT", invalid: [] });
    expect(parseDashboardQuery(new URLSearchParams("year=abc&month=13&indicator=x y"))).toEqual({ invalid: ["year", "month", "indicator"] });
    expect(parseDashboardQuery({})).toEqual({ invalid: [] });
  });
});

describe("thousands and instants", () => {
  it("groups integer digits once, for every caller", () => {
    expect(groupThousands("1234567")).toBe("1,234,567");
    expect(groupThousands("999")).toBe("999");
  });

  it("shows an instant in Beijing time, or a dash", () => {
    expect(formatDateTime("2026-11-05T06:30:00.000Z", "zh-CN")).toBe("2026/11/05 14:30");
    expect(formatDateTime(null, "zh-CN")).toBe("—");
  });

  it("shows a saved value in its field at the indicator's precision", () => {
    expect(formatInput("0.6", 2)).toBe("0.60");
    expect(formatInput("1234.5", 2)).toBe("1234.50");
    expect(formatInput(null, 2)).toBe("");
  });

  it("gives the read API's and exports' decimals at six places at most, and leaves other text alone", () => {
    expect(atExchangeScale("0.75000000000000000002")).toBe("0.75");
    expect(atExchangeScale("0.33333333333333333333")).toBe("0.333333");
    expect(atExchangeScale("-1.23456789")).toBe("-1.234568");
    expect(atExchangeScale("1.2e-8")).toBe("0");
    expect(atExchangeScale("12.345678")).toBe("12.345678");
    expect(atExchangeScale("433125")).toBe("433125");
    expect(atExchangeScale("保靖县")).toBe("保靖县");
    const body = { completion: "0.91666666666666666667", nested: [{ v: new Decimal(2).div(3) }], code: "433125", rank: 2 };
    expect(JSON.parse(exchangeJson(body))).toEqual({ completion: "0.916667", nested: [{ v: "0.666667" }], code: "433125", rank: 2 });
  });
});
