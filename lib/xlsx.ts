/**
 * The one spreadsheet module (server only): reading an uploaded table — the first worksheet
 * of an .xlsx (exceljs) or a .csv — and writing tables as workbooks and downloads.
 *
 * Reading: cells come back plain — rich text joined, formulas by their cached result,
 * dates as ISO dates; CSV cells as text. A CSV is decoded as UTF-8 (with or without BOM)
 * when its bytes are valid UTF-8, else as GB18030 (a superset of GBK, what Chinese Excel
 * and WPS write by default). Every reader is linear in rows; at most MAX_IMPORT_ROWS rows
 * below the header are accepted. Writing: a header row (bold, shaded, frozen), an optional
 * title line above it; decimal strings from the data layer are written as numbers only in
 * columns that carry an Excel number format ("0.00", "0.0%"), every decimal at the exchange scale
 * (lib/format `atExchangeScale`: at most six places, as the read API).
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { Readable } from "node:stream";
import { atExchangeScale } from "./format";
import { hasControlCharacters } from "./schemas/text";
import { MAX_UPLOAD_BYTES } from "./schemas/upload";

/** A cell as read: text, number, boolean or empty. */
export type SheetCell = string | number | boolean | null;
export interface SheetRow {
  /** the row number in the file (1-based), for messages */
  row: number;
  cells: SheetCell[];
}

/** The most rows an import reads below its header. */
export const MAX_IMPORT_ROWS = 20_000;

export type SpreadsheetProblem = "noFile" | "tooLarge" | "fileType" | "unreadable" | "tooManyRows";

/** The upload is not a readable .xlsx / .csv, or has more rows than an import takes. */
export class SpreadsheetError extends Error {
  constructor(readonly problem: SpreadsheetProblem) {
    super(problem);
  }
}

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

/** The bytes as a stream of small chunks: the streaming reader then works a little at a time. */
function chunked(bytes: Uint8Array, size = 16 * 1024): Readable {
  return Readable.from(Array.from({ length: Math.ceil(bytes.byteLength / size) }, (_, k) => Buffer.from(bytes.subarray(k * size, (k + 1) * size))));
}

/**
 * The first worksheet's non-empty rows, cells typed (dates as YYYY-MM-DD). Read by exceljs's
 * streaming reader, row by row as the file is unzipped: the whole-workbook reader built the
 * workbook in one go, holding the server's event loop for over a second on 10,000 rows while
 * every other request waited. Rows and cells are visited once each.
 */
export async function readSheet(data: ArrayBuffer | Uint8Array): Promise<SheetRow[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(chunked(bytes), { entries: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "cache", worksheets: "emit" });
  const rows: SheetRow[] = [];
  let read = false;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: SheetCell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          const v = rawCell(cell.value);
          cells[col - 1] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        if (cells.some((c) => c !== null && String(c).trim() !== "")) rows.push({ row: row.number, cells });
      }
      read = true;
      break;
    }
  } catch {
    throw new SpreadsheetError("unreadable");
  }
  if (!read) throw new SpreadsheetError("unreadable");
  return rows;
}

/** CSV bytes → text: valid UTF-8 (a BOM dropped) as UTF-8, anything else as GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), "gb18030");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * RFC 4180 CSV (quoted fields with "" escapes and line breaks, CRLF or LF) → the non-empty
 * records, each numbered as a spreadsheet would show it.
 */
export function parseCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let record = 1;
  const end = () => {
    cells.push(field);
    if (cells.some((f) => f.trim() !== "")) rows.push({ row: record, cells });
    record++;
    cells = [];
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      cells.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      end();
    } else field += c;
  }
  if (field !== "" || cells.length > 0) end();
  return rows;
}

/**
 * An uploaded table (.xlsx or .csv, by its name) → its non-empty rows. Refuses other file
 * types, unreadable files and more than MAX_IMPORT_ROWS rows below the header.
 */
export async function readUpload(name: string, data: ArrayBuffer | Uint8Array): Promise<SheetRow[]> {
  const lower = name.toLowerCase();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let rows: SheetRow[];
  if (lower.endsWith(".csv")) rows = parseCsv(decodeCsv(bytes));
  else if (lower.endsWith(".xlsx")) rows = await readSheet(bytes);
  else throw new SpreadsheetError("fileType");
  if (rows.length - 1 > MAX_IMPORT_ROWS) throw new SpreadsheetError("tooManyRows");
  return rows;
}

/** An uploaded file of an import form → its non-empty rows (readUpload), after the size checks. */
export async function readUploadFile(file: File): Promise<SheetRow[]> {
  if (file.size === 0) throw new SpreadsheetError("noFile");
  if (file.size > MAX_UPLOAD_BYTES) throw new SpreadsheetError("tooLarge");
  return readUpload(file.name, await file.arrayBuffer());
}

/** A column's letter as a spreadsheet shows it (0 → A, 26 → AA). */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The cells holding a control character (NUL among them), which no field of the product
 * takes and PostgreSQL refuses in text: by row and column (the header's text, or the
 * column's letter where the header cannot name it), for every import to refuse by cell.
 */
export function controlCharacterCells(rows: readonly SheetRow[]): { row: number; column: string }[] {
  const header = rows[0]?.cells.map((c) => (typeof c === "string" && !hasControlCharacters(c) ? c.trim() : "")) ?? [];
  const out: { row: number; column: string }[] = [];
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      if (typeof c === "string" && hasControlCharacters(c)) out.push({ row: r.row, column: header[i] || columnLetter(i) });
    });
  }
  return out;
}

/** A cell as text (numbers as JS writes them, booleans as Excel shows them), trimmed. */
export function cellText(v: SheetCell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v.trim();
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
