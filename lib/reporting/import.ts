/**
 * Import of monthly fills from .csv / .xlsx (domain.md §7) — the pure part: the rows read
 * by the spreadsheet module (lib/xlsx.ts) keyed by column, and every row validated (row,
 * column, reason) before anything is written. The action (lib/actions/import-fills.ts)
 * looks things up and commits all rows in one transaction or none.
 *
 * Template columns (first row = header): 区域代码, 指标代码, 年, 月, 数值, 备注 (English
 * headers regionCode, indicatorCode, year, month, value, note are accepted too; other
 * columns, such as the export's names and status, are ignored). A blank 数值 means "no
 * change": the template and the export list every region × indicator.
 */
import { Decimal } from "../decimal";
import { cellText, type SheetRow } from "../xlsx";
import { parseEntry } from "./checks";

export const IMPORT_COLUMNS = ["区域代码", "指标代码", "年", "月", "数值", "备注"] as const;
const ALIASES: Record<string, ImportField> = {
  区域代码: "regionCode", regioncode: "regionCode",
  指标代码: "indicatorCode", indicatorcode: "indicatorCode",
  年: "year", year: "year",
  月: "month", month: "month",
  数值: "value", value: "value",
  备注: "note", note: "note",
};
export type ImportField = "regionCode" | "indicatorCode" | "year" | "month" | "value" | "note";
export interface RawRow {
  /** 1-based row number in the file (the header is row 1) */
  row: number;
  cells: Partial<Record<ImportField, string>>;
}

export interface ImportIssue {
  row: number;
  column: string;
  reason: ImportReason;
  detail?: string;
}

export type ImportReason =
  | "missingHeader" | "empty" | "required" | "unknownRegion" | "regionNotAllowed" | "unknownIndicator"
  | "computedIndicator" | "badYear" | "badMonth" | "malformed" | "tooManyDecimals" | "negative" | "tooLarge" | "duplicate" | "locked"
  | "approved" | "needsNote" | "controlCharacters" | "noteTooLong";

/** The longest note a cell takes, as in the entry form. */
const MAX_NOTE_LENGTH = 500;

const COLUMN_LABEL: Record<ImportField, string> = { regionCode: "区域代码", indicatorCode: "指标代码", year: "年", month: "月", value: "数值", note: "备注" };

/**
 * The rows read (header first) → the rows with a value, keyed by field, or the header
 * problem. Rows whose 数值 is blank change nothing and are counted in `blank`.
 */
export function readTable(table: readonly SheetRow[]): { rows: RawRow[]; issues: ImportIssue[]; blank: number } {
  const [header, ...body] = table;
  if (!header) return { rows: [], issues: [{ row: 1, column: "", reason: "empty" }], blank: 0 };
  const fields = header.cells.map((h) => {
    const text = cellText(h).replace(/^\uFEFF/, "");
    return ALIASES[text.toLowerCase()] ?? ALIASES[text] ?? null;
  });
  const missing = (["regionCode", "indicatorCode", "year", "month", "value"] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) return { rows: [], issues: missing.map((f) => ({ row: header.row, column: COLUMN_LABEL[f], reason: "missingHeader" as const })), blank: 0 };
  const rows: RawRow[] = [];
  let blank = 0;
  for (const r of body) {
    const out: Partial<Record<ImportField, string>> = {};
    fields.forEach((f, k) => {
      if (f) out[f] = cellText(r.cells[k]);
    });
    if (!out.value) blank++;
    else rows.push({ row: r.row, cells: out });
  }
  return { rows, issues: body.length === 0 ? [{ row: header.row + 1, column: "", reason: "empty" }] : [], blank };
}

export interface ImportLookups {
  /** region code → id, only regions that exist in the tenant */
  regionByCode: ReadonlyMap<string, string>;
  /** may the importer write this region? */
  mayWrite: (regionId: string) => boolean;
  indicatorByCode: ReadonlyMap<string, { id: string; kind: string; precision: number }>;
}

export interface ValidRow {
  row: number;
  regionId: string;
  indicatorId: string;
  year: number;
  month: number;
  value: Decimal;
  note: string;
}

/**
 * Validates the fields of every row (no database state yet): every problem, row by row.
 * `seen` (cell → first row) carries the duplicate check over from earlier rows of the file.
 */
export function validateRows(rows: readonly RawRow[], lookups: ImportLookups, seen = new Map<string, number>()): { valid: ValidRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const valid: ValidRow[] = [];
  for (const { row, cells } of rows) {
    const bad = (f: ImportField, reason: ImportReason, detail?: string) => issues.push({ row, column: COLUMN_LABEL[f], reason, detail });
    const before = issues.length;
    const regionCode = cells.regionCode ?? "";
    const regionId = lookups.regionByCode.get(regionCode);
    if (!regionCode) bad("regionCode", "required");
    else if (!regionId) bad("regionCode", "unknownRegion", regionCode);
    else if (!lookups.mayWrite(regionId)) bad("regionCode", "regionNotAllowed", regionCode);
    const indicatorCode = cells.indicatorCode ?? "";
    const indicator = lookups.indicatorByCode.get(indicatorCode);
    if (!indicatorCode) bad("indicatorCode", "required");
    else if (!indicator) bad("indicatorCode", "unknownIndicator", indicatorCode);
    else if (indicator.kind === "RATIO") bad("indicatorCode", "computedIndicator", indicatorCode);
    const year = Number(cells.year);
    if (!/^\d{4}$/.test(cells.year ?? "") || year < 2000 || year > 2100) bad("year", cells.year ? "badYear" : "required", cells.year);
    const month = Number(cells.month);
    if (!/^\d{1,2}$/.test(cells.month ?? "") || month < 1 || month > 12) bad("month", cells.month ? "badMonth" : "required", cells.month);
    let value: Decimal | null = null;
    if (indicator && cells.value) {
      const p = parseEntry(cells.value, indicator.precision);
      if ("error" in p) bad("value", p.error, cells.value);
      else value = p.value;
    }
    // the entry form's limit (lib/schemas/fills.ts)
    if ((cells.note ?? "").length > MAX_NOTE_LENGTH) bad("note", "noteTooLong", String(MAX_NOTE_LENGTH));
    if (issues.length > before || !regionId || !indicator || value === null) continue;
    const key = `${regionId}|${indicator.id}|${year}|${month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad("indicatorCode", "duplicate", String(first));
      continue;
    }
    seen.set(key, row);
    valid.push({ row, regionId, indicatorId: indicator.id, year, month, value, note: cells.note ?? "" });
  }
  return { valid, issues };
}

/** Rows validated between two turns of the event loop. */
const VALIDATE_CHUNK = 1_000;

/**
 * validateRows over a big file, a thousand rows at a time with the event loop let go in
 * between (timers and other requests run), with the same result in the same order.
 */
export async function validateRowsInChunks(rows: readonly RawRow[], lookups: ImportLookups): Promise<{ valid: ValidRow[]; issues: ImportIssue[] }> {
  const seen = new Map<string, number>();
  const out: { valid: ValidRow[]; issues: ImportIssue[] } = { valid: [], issues: [] };
  for (let k = 0; k < rows.length; k += VALIDATE_CHUNK) {
    if (k > 0) await new Promise((resolve) => setImmediate(resolve));
    const part = validateRows(rows.slice(k, k + VALIDATE_CHUNK), lookups, seen);
    out.valid.push(...part.valid);
    out.issues.push(...part.issues);
  }
  return out;
}
