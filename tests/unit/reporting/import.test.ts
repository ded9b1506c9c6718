import { describe, expect, it } from "vitest";
import { parseCsv, readTable, validateRows } from "../../../lib/reporting/import";

describe("CSV parsing", () => {
  it("reads Excel's CSV UTF-8: BOM, CRLF, quoted fields with commas, quotes and line breaks", () => {
    const text = '\uFEFF区域代码,指标代码,年,月,数值,备注\r\n433125,RD_EXP,2026,11,"1,234.5","说明""甲""，\n第二行"\r\n\r\n';
    expect(parseCsv(text)).toEqual([
      ["区域代码", "指标代码", "年", "月", "数值", "备注"],
      ["433125", "RD_EXP", "2026", "11", "1,234.5", '说明"甲"，\n第二行'],
    ]);
  });
});

describe("row validation", () => {
  const lookups = {
    regionByCode: new Map([["433125", "r-bj"], ["433122", "r-lx"]]),
    mayWrite: (id: string) => id === "r-bj",
    indicatorByCode: new Map([
      ["RD_EXP", { id: "i-rd", kind: "CUMULATIVE", precision: 2 }],
      ["HTE_TOTAL", { id: "i-hte", kind: "STOCK", precision: 0 }],
      ["RD_INTENSITY", { id: "i-int", kind: "RATIO", precision: 2 }],
    ]),
  };

  it("refuses a header without the required columns", () => {
    expect(readTable([["区域代码", "数值"]]).issues.map((i) => i.column)).toEqual(["指标代码", "年", "月"]);
  });

  it("lists every bad row with its column and reason", () => {
    const { rows } = readTable([
      ["区域代码", "指标代码", "年", "月", "数值", "备注"],
      ["433125", "RD_EXP", "2026", "11", "12.34", ""],
      ["433122", "RD_EXP", "2026", "11", "1", ""],
      ["433125", "RD_INTENSITY", "2026", "11", "1", ""],
      ["433125", "HTE_TOTAL", "2026", "13", "1.5", ""],
      ["999999", "NOPE", "26", "1", "abc", ""],
      ["433125", "RD_EXP", "2026", "11", "12.35", ""],
    ]);
    const { valid, issues } = validateRows(rows, lookups);
    expect(valid.map((v) => v.row)).toEqual([2]);
    expect(issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, "区域代码", "regionNotAllowed"],
      [4, "指标代码", "computedIndicator"],
      [5, "月", "badMonth"],
      [5, "数值", "tooManyDecimals"],
      [6, "区域代码", "unknownRegion"],
      [6, "指标代码", "unknownIndicator"],
      [6, "年", "badYear"],
      [7, "指标代码", "duplicate"],
    ]);
  });
});
