/**
 * The one spreadsheet module (exceljs, server only): reading the first worksheet of an
 * uploaded .xlsx, and writing tables as workbooks and downloads.
 *
 * Reading: cells come back plain — rich text joined, formulas by their cached result,
 * dates as ISO dates. Writing: a header row (bold, shaded, frozen), an optional title line
 * above it; decimal strings from the data layer are written as numbers only in columns
 * that carry an Excel number format ("0.00", "0.0%"), every decimal at the exchange scale
 * (lib/format `atExchangeScale`: at most six places, as the read API).
 */
import ExcelJS from "exceljs";
import { atExchangeScale } from "./format";

/** A cell as read: text, number, boolean or empty. */
export type SheetCell = string | number | boolean | null;
export interface SheetRow {
  /** the worksheet's row number (1-based), for messages */
  row: number;
  cells: SheetCell[];
}

/** The upload is not a readable workbook, or has no worksheet. */
export class SpreadsheetError extends Error {}

type RawCell = SheetCell | Date;

function rawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    if ("result" in value) return rawCell((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

async function firstSheet(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Worksheet | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new SpreadsheetError("not an xlsx workbook");
  }
  return workbook.worksheets[0] ?? null;
}

/** The first worksheet's non-empty rows, cells typed (dates as YYYY-MM-DD). */
export async function readSheet(data: ArrayBuffer | Uint8Array): Promise<SheetRow[]> {
  const sheet = await firstSheet(data);
  if (!sheet) throw new SpreadsheetError("no worksheet");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = rawCell(cell.value);
      cells[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellText(v: RawCell): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * The first worksheet as rows of text, every row as wide as the sheet, blank rows dropped
 * (numbers via String: exceljs gives JS numbers for numeric cells). No worksheet: no rows.
 */
export async function readSheetText(data: ArrayBuffer | Uint8Array): Promise<string[][]> {
  const sheet = await firstSheet(data);
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const out: string[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c++) out.push(cellText(rawCell(row.getCell(c).value)));
    rows[n - 1] = out;
  });
  return Array.from(rows, (r) => r ?? []).filter((r) => r.some((f) => f.trim() !== ""));
}

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
  /** write the cell as a number (from a decimal string) with this Excel format */
  numFmt?: string;
}

export interface XlsxSheet {
  name: string;
  /** an optional title line above the table */
  title?: string;
  columns: XlsxColumn[];
  rows: Record<string, string | number | null | undefined>[];
}

/** Excel forbids some characters in sheet names and caps them at 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1";
}

function cellOut(c: XlsxColumn, v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v !== "string") return v;
  const text = atExchangeScale(v);
  if (c.numFmt) {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

function addSheet(wb: ExcelJS.Workbook, s: XlsxSheet): void {
  const ws = wb.addWorksheet(sheetName(s.name));
  let headerRow = 1;
  if (s.title) {
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    headerRow = 2;
  }
  const header = ws.addRow(s.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
  for (const row of s.rows) ws.addRow(s.columns.map((c) => cellOut(c, row[c.key])));
  s.columns.forEach((c, k) => {
    const col = ws.getColumn(k + 1);
    col.width = c.width ?? Math.max(10, c.header.length * 2 + 2);
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  ws.views = [{ state: "frozen", ySplit: headerRow }];
}

export async function buildWorkbook(sheets: XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "STI Monitor";
  wb.created = new Date();
  for (const s of sheets) addSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * One sheet from a header and rows of cells, as the file bytes (for templates and plain
 * exports). Columns are 14 wide unless `widths` says otherwise.
 */
export async function writeSheet(name: string, header: string[], rows: (string | number | null)[][], widths: number[] = []): Promise<Uint8Array<ArrayBuffer>> {
  const columns = header.map((h, i) => ({ header: h, key: String(i), width: widths[i] ?? 14 }));
  const records = rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v])));
  return new Uint8Array(await buildWorkbook([{ name, columns, rows: records }]));
}

/** An HTTP response downloading the workbook as `filename` (UTF-8 names allowed). */
export async function xlsxResponse(filename: string, sheets: XlsxSheet[]): Promise<Response> {
  const body = await buildWorkbook(sheets);
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
