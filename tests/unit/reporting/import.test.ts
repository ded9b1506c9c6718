import { describe, expect, it } from "vitest";
import { readTable, validateRows } from "../../../lib/reporting/import";

/** A table as the spreadsheet module reads it: rows numbered from 1. */
const sheet = (table: string[][]) => table.map((cells, i) => ({ row: i + 1, cells }));

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
    expect(readTable(sheet([["区域代码", "数值"]])).issues.map((i) => i.column)).toEqual(["指标代码", "年", "月"]);
  });

  it("lists every bad row with its column and reason", () => {
    const { rows } = readTable(sheet([
      ["区域代码", "指标代码", "年", "月", "数值", "备注"],
      ["433125", "RD_EXP", "2026", "11", "12.34", ""],
      ["433122", "RD_EXP", "2026", "11", "1", ""],
      ["433125", "RD_INTENSITY", "2026", "11", "1", ""],
      ["433125", "HTE_TOTAL", "2026", "13", "1.5", ""],
      ["999999", "NOPE", "26", "1", "abc", ""],
      ["433125", "RD_EXP", "2026", "11", "12.35", ""],
    ]));
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

  it("takes a blank 数值 as no change: the template's empty rows are neither errors nor writes", () => {
    const read = readTable(sheet([
      ["区域代码", "区域", "指标代码", "年", "月", "数值", "状态", "备注"],
      ["433125", "保靖县", "RD_EXP", "2026", "11", "", "", ""],
      ["433125", "保靖县", "HTE_TOTAL", "2026", "11", "12", "已提交", ""],
      ["433125", "保靖县", "RD_INTENSITY", "", "", "", "", ""],
    ]));
    expect(read.issues).toEqual([]);
    expect(read.blank).toBe(2);
    const { valid, issues } = validateRows(read.rows, lookups);
    expect(issues).toEqual([]);
    expect(valid.map((v) => [v.row, v.indicatorId, v.value.toString()])).toEqual([[3, "i-hte", "12"]]);
  });
});
