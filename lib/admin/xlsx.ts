/**
 * Reading and writing .xlsx with exceljs: the first worksheet as plain rows of cells
 * (rich text joined, formulas by their cached result, dates as ISO dates), and a simple
 * one-sheet writer for exports.
 */
import ExcelJS from "exceljs";
import type { SheetCell, SheetRow } from "./targets-import";

export class SpreadsheetError extends Error {}

function plain(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    if ("result" in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

export async function readFirstSheet(data: ArrayBuffer | Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as ArrayBuffer);
  } catch {
    throw new SpreadsheetError("not an xlsx workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError("no worksheet");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = plain(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export async function writeSheet(name: string, header: string[], rows: (string | number | null)[][], widths: number[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "STI Monitor";
  const sheet = workbook.addWorksheet(name);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
