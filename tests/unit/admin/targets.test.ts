import { describe, expect, it } from "vitest";
import { Decimal } from "../../../lib/decimal";
import { cityCheck, raiseTarget } from "../../../lib/admin/targets";
import { validateTargetSheet, type ImportRef, type SheetRow } from "../../../lib/admin/targets-import";

const ref: ImportRef = {
  regions: new Map([
    ["433100", { id: "root", name: "湘西州", active: true }],
    ["433101", { id: "r1", name: "吉首市", active: true }],
    ["433102", { id: "old", name: "旧区", active: false }],
  ]),
  indicators: new Map([
    ["RD_EXP", { id: "i1", name: "研发", precision: 2, active: true }],
    ["HTE_NEW", { id: "i2", name: "新增高企", precision: 0, active: true }],
    ["GONE", { id: "i3", name: "停用", precision: 0, active: false }],
  ]),
};
const header: SheetRow = { row: 1, cells: ["区域代码", "区域名称", "指标代码", "指标名称", "年度", "目标值"] };
const row = (n: number, region: string | number, ind: string, year: string | number, value: string | number | null): SheetRow => ({
  row: n,
  cells: [region, "x", ind, "y", year, value],
});

describe("validateTargetSheet", () => {
  it("accepts numbers as spreadsheet software writes them (codes as numbers, values as numbers or text)", () => {
    const { rows, issues } = validateTargetSheet([header, row(2, 433101, "rd_exp", 2027, 1.9), row(3, "433100", "HTE_NEW", "2027", "1,200")], ref, 2027);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.regionId, r.indicatorId, r.value.toString()])).toEqual([
      ["r1", "i1", "1.9"],
      ["root", "i2", "1200"],
    ]);
  });

  it("reports every bad row with its row number, column and reason, and returns no rows", () => {
    const { rows, issues } = validateTargetSheet(
      [
        header,
        row(2, 433101, "RD_EXP", 2027, 1),
        row(3, 999999, "RD_EXP", 2027, 1),
        row(4, 433101, "NOPE", 2027, 1),
        row(5, 433102, "GONE", 2027, 1),
        row(6, 433100, "RD_EXP", 2027, -2),
        row(7, 433100, "HTE_NEW", 2027, "abc"),
        row(8, 433101, "RD_EXP", 2027, 3),
        row(9, 433101, "HTE_NEW", 2026, 1.5),
        row(10, "", "RD_EXP", 2027, 4),
        row(11, 433101, "HTE_NEW", 2027, null),
      ],
      ref,
      2027,
    );
    expect(rows).toEqual([]);
    expect(issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, "区域代码", "regionUnknown"],
      [4, "指标代码", "indicatorUnknown"],
      [5, "区域代码", "regionInactive"],
      [5, "指标代码", "indicatorInactive"],
      [6, "目标值", "negative"],
      [7, "目标值", "notNumber"],
      [8, "区域代码", "duplicate"],
      [9, "年度", "yearMismatch"],
      [9, "目标值", "tooManyDecimals"],
      [10, "区域代码", "empty"],
    ]);
    expect(issues.find((i) => i.reason === "duplicate")?.params).toEqual({ row: 2 });
  });

  it("takes a blank target value as no change, so an export with blanks imports as it is", () => {
    const { rows, issues, blank } = validateTargetSheet([header, row(2, 433101, "RD_EXP", 2027, null), row(3, 433100, "HTE_NEW", "", ""), row(4, 433101, "HTE_NEW", 2027, 7)], ref, 2027);
    expect(issues).toEqual([]);
    expect(blank).toBe(2);
    expect(rows.map((r) => [r.row, r.value.toString()])).toEqual([[4, "7"]]);
  });

  it("refuses a target too large to store, naming the limit", () => {
    const { rows, issues } = validateTargetSheet([header, row(2, 433101, "HTE_NEW", 2027, "9223372036855"), row(3, 433101, "RD_EXP", 2027, "9223372036854")], ref, 2027);
    expect(issues.map((i) => [i.row, i.column, i.reason, i.params])).toEqual([[2, "目标值", "tooLarge", { maximum: "9,223,372,036,854" }]]);
    expect(rows).toEqual([]);
  });

  it("names missing columns and empty files", () => {
    expect(validateTargetSheet([{ row: 1, cells: ["区域代码", "年度"] }, row(2, 1, "a", 2027, 1)], ref, 2027).issues.map((i) => i.column)).toEqual(["指标代码", "目标值"]);
    expect(validateTargetSheet([], ref, 2027).issues[0].reason).toBe("noRows");
    expect(validateTargetSheet([header], ref, 2027).issues[0].reason).toBe("noRows");
  });

  it("reads English headers (an export made in the English interface)", () => {
    const en: SheetRow = { row: 1, cells: ["Region code", "Region name", "Indicator code", "Indicator name", "Year", "Target"] };
    expect(validateTargetSheet([en, row(2, 433101, "RD_EXP", 2027, 2)], ref, 2027).rows).toHaveLength(1);
  });
});

describe("raiseTarget", () => {
  it("raises by a percentage in Decimal and rounds half up to the precision", () => {
    expect(raiseTarget(new Decimal("95"), new Decimal("10"), 0).toString()).toBe("105"); // 104.5
    expect(raiseTarget(new Decimal("1.15"), new Decimal("10"), 2).toString()).toBe("1.27"); // 1.265
    expect(raiseTarget(new Decimal("0.1"), new Decimal("0"), 2).toString()).toBe("0.1");
    expect(raiseTarget(new Decimal("3"), new Decimal("-50"), 1).toString()).toBe("1.5");
  });
});

describe("cityCheck", () => {
  const d = (s: string) => new Decimal(s);
  it("compares the exact sum of the counties with the city's target", () => {
    expect(cityCheck("CUMULATIVE", d("0.3"), [d("0.1"), d("0.2")])).toMatchObject({ status: "MATCH", counted: 2, counties: 2 });
    expect(cityCheck("CUMULATIVE", d("10"), [d("4"), d("5"), null])).toMatchObject({ status: "COUNTIES_BELOW", counted: 2, counties: 3 });
    expect(cityCheck("STOCK", d("8"), [d("4"), d("5")]).difference?.toString()).toBe("1");
    expect(cityCheck("INCREMENT", null, [d("4")]).status).toBe("NO_CITY_TARGET");
    expect(cityCheck("INCREMENT", d("4"), [null]).status).toBe("NO_COUNTY_TARGETS");
    expect(cityCheck("RATIO", d("1.45"), [d("1.3")]).status).toBe("NOT_SUMMABLE");
  });
});
