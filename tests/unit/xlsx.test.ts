import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { buildWorkbook, decodeCsv, MAX_IMPORT_ROWS, parseCsv, readSheet, readUpload, SpreadsheetError, writeSheet, xlsxResponse } from "../../lib/xlsx";

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
  it("reads back a written sheet as typed cells, blank rows dropped", async () => {
    const body = await writeSheet("填报模板", ["区域代码", "数值", "备注"], [["433122", 12.5, ""], [null, null, null], ["433123", 7, "说明"]]);
    expect(await readSheet(body)).toEqual([
      { row: 1, cells: ["区域代码", "数值", "备注"] },
      { row: 2, cells: ["433122", 12.5] },
      { row: 4, cells: ["433123", 7, "说明"] },
    ]);
  });

  it("refuses what is not a workbook, and files that are neither .xlsx nor .csv", async () => {
    await expect(readSheet(Buffer.from("not a workbook"))).rejects.toMatchObject({ problem: "unreadable" });
    await expect(readUpload("台账.xls", Buffer.from("x"))).rejects.toMatchObject({ problem: "fileType" });
    await expect(readUpload("台账.xlsx", Buffer.from("not a workbook"))).rejects.toBeInstanceOf(SpreadsheetError);
  });

  it("reads a 20,000-row sheet, and refuses one row more", async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => [String(433100 + (i % 9)), "RD_EXP", 2026, 1 + (i % 12), i / 4, ""]);
    const body = await writeSheet("大文件", ["区域代码", "指标代码", "年", "月", "数值", "备注"], rows);
    const read = await readUpload("big.xlsx", body);
    expect(read).toHaveLength(MAX_IMPORT_ROWS + 1);
    expect(read[MAX_IMPORT_ROWS]).toEqual({ row: MAX_IMPORT_ROWS + 1, cells: ["433101", "RD_EXP", 2026, 8, 4999.75] });
    const csv = ["区域代码,数值", ...rows.map((r) => `${r[0]},${r[4]}`), "433101,1"].join("\r\n");
    await expect(readUpload("big.csv", new TextEncoder().encode(csv))).rejects.toMatchObject({ problem: "tooManyRows" });
  }, 60_000);
});

describe("CSV reading", () => {
  const header = "区域代码,指标代码,年,月,数值,备注";
  const expected = [
    { row: 1, cells: ["区域代码", "指标代码", "年", "月", "数值", "备注"] },
    { row: 2, cells: ["433125", "RD_EXP", "2026", "11", "1,234.5", "泸溪县：含“技改”投入"] },
  ];
  const line = '433125,RD_EXP,2026,11,"1,234.5",泸溪县：含“技改”投入';

  it("reads a GBK file as WPS and Chinese Excel write it (no BOM, CRLF)", async () => {
    const bytes = iconv.encode(`${header}\r\n${line}\r\n`, "gbk");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(await readUpload("台账.csv", bytes)).toEqual(expected);
  });

  it("reads UTF-8 with a BOM (Excel's CSV UTF-8) and without", async () => {
    const text = `${header}\n${line}\n`;
    expect(await readUpload("a.CSV", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual(expected);
    expect(await readUpload("b.csv", new TextEncoder().encode(text))).toEqual(expected);
    expect(decodeCsv(iconv.encode("𠀀 GB18030 四字节", "gb18030"))).toBe("𠀀 GB18030 四字节");
  });

  it("parses RFC 4180 quotes and line breaks, numbering rows as a spreadsheet shows them", () => {
    const text = '区域代码,备注\r\n433125,"说明""甲""，\n第二行"\r\n\r\n433122,"a,b"';
    expect(parseCsv(text)).toEqual([
      { row: 1, cells: ["区域代码", "备注"] },
      { row: 2, cells: ["433125", '说明"甲"，\n第二行'] },
      { row: 4, cells: ["433122", "a,b"] },
    ]);
  });
});
