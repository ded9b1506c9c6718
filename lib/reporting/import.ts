/**
 * Import of monthly fills from .csv / .xlsx (DESIGN.md §7) — the pure part: reading the
 * table into rows of text, and validating every row (row, column, reason) before anything
 * is written. The action (lib/actions/import-fills.ts) looks things up and commits all
 * rows in one transaction or none.
 *
 * Template columns (first row = header): 区域代码, 指标代码, 年, 月, 数值, 备注 (English
 * headers regionCode, indicatorCode, year, month, value, note are accepted too). CSV: UTF-8
 * with or without BOM (Excel's "CSV UTF-8"), comma separated, RFC 4180 quotes.
 */
import { Decimal } from "../decimal";
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
export const MAX_IMPORT_ROWS = 5000;

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF, a leading BOM ignored. */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

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
  | "missingHeader" | "tooManyRows" | "empty" | "required" | "unknownRegion" | "regionNotAllowed" | "unknownIndicator"
  | "computedIndicator" | "badYear" | "badMonth" | "malformed" | "tooManyDecimals" | "negative" | "tooLarge" | "duplicate" | "locked"
  | "approved" | "needsNote";

const COLUMN_LABEL: Record<ImportField, string> = { regionCode: "区域代码", indicatorCode: "指标代码", year: "年", month: "月", value: "数值", note: "备注" };
export const columnLabel = (f: ImportField) => COLUMN_LABEL[f];

/** The table (header + rows) → rows keyed by field, or the header problem. */
export function readTable(table: string[][]): { rows: RawRow[]; issues: ImportIssue[] } {
  const [header, ...body] = table;
  if (!header) return { rows: [], issues: [{ row: 1, column: "", reason: "empty" }] };
  const fields = header.map((h) => ALIASES[h.trim().replace(/^\uFEFF/, "").toLowerCase()] ?? ALIASES[h.trim()] ?? null);
  const missing = (["regionCode", "indicatorCode", "year", "month", "value"] as const).filter((f) => !fields.includes(f));
  if (missing.length > 0) return { rows: [], issues: missing.map((f) => ({ row: 1, column: COLUMN_LABEL[f], reason: "missingHeader" as const })) };
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], issues: [{ row: MAX_IMPORT_ROWS + 2, column: "", reason: "tooManyRows", detail: String(MAX_IMPORT_ROWS) }] };
  const rows = body.map((cells, i) => {
    const out: Partial<Record<ImportField, string>> = {};
    fields.forEach((f, k) => {
      if (f) out[f] = (cells[k] ?? "").trim();
    });
    return { row: i + 2, cells: out };
  });
  return { rows, issues: rows.length === 0 ? [{ row: 2, column: "", reason: "empty" }] : [] };
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

/** Validates the fields of every row (no database state yet): every problem, row by row. */
export function validateRows(rows: readonly RawRow[], lookups: ImportLookups): { valid: ValidRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
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
    if (!cells.value) bad("value", "required");
    else if (indicator) {
      const p = parseEntry(cells.value, indicator.precision);
      if ("error" in p) bad("value", p.error, cells.value);
      else value = p.value;
    }
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
