import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readSheet, readSheetText, SpreadsheetError, writeSheet, xlsxResponse } from "../../lib/xlsx";

describe("lib/xlsx", () => {
  it("writes a titled table with numeric columns as numbers and a UTF-8 file name", async () => {
    const sheets = [
      {
        name: "排名/技术合同",
        title: "湘西州 技术合同成交额 2026-06",
        columns: [
          { header: "地区", key: "region" },
          { header: "完成率", key: "completion", numFmt: "0.0%" },
        ],
        rows: [
          { region: "保靖县", completion: "0.234" },
          { region: "古丈县", completion: null },
        ],
      },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(sheets)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("排名 技术合同");
    expect(ws.getCell("A1").value).toBe("湘西州 技术合同成交额 2026-06");
    expect(ws.getRow(2).values).toEqual([undefined, "地区", "完成率"]);
    expect(ws.getCell("A3").value).toBe("保靖县");
    expect(ws.getCell("B3").value).toBe(0.234);
    expect(ws.getCell("B3").numFmt).toBe("0.0%");
    expect(ws.getCell("B4").value).toBeNull();

    const res = await xlsxResponse("排名-2026.xlsx", sheets);
    expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(res.headers.get("Content-Disposition")).toContain("filename*=UTF-8''%E6%8E%92%E5%90%8D-2026.xlsx");
  });

  it("writes decimals at the exchange scale, without division tails, numeric column or not", async () => {
    const sheets = [
      {
        name: "s",
        columns: [
          { header: "完成率", key: "completion", numFmt: "0.0%" },
          { header: "每月尚需", key: "needed" },
          { header: "代码", key: "code" },
        ],
        rows: [{ completion: "0.33333333333333333333", needed: "0.75000000000000000002", code: "433125" }],
      },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(sheets)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A2").value).toBe(0.333333);
    expect(ws.getCell("B2").value).toBe("0.75");
    expect(ws.getCell("C2").value).toBe("433125");
  });
});

describe("lib/xlsx reading", () => {
  it("reads back a written sheet as typed cells and as text rows", async () => {
    const body = await writeSheet("填报模板", ["区域代码", "数值", "备注"], [["433122", 12.5, ""], ["433123", 7, "说明"]]);
    expect(await readSheet(body)).toEqual([
      { row: 1, cells: ["区域代码", "数值", "备注"] },
      { row: 2, cells: ["433122", 12.5] },
      { row: 3, cells: ["433123", 7, "说明"] },
    ]);
    expect(await readSheetText(body)).toEqual([
      ["区域代码", "数值", "备注"],
      ["433122", "12.5", ""],
      ["433123", "7", "说明"],
    ]);
  });

  it("refuses what is not a workbook", async () => {
    await expect(readSheet(Buffer.from("not a workbook"))).rejects.toBeInstanceOf(SpreadsheetError);
    await expect(readSheetText(Buffer.from("not a workbook"))).rejects.toBeInstanceOf(SpreadsheetError);
  });
});
