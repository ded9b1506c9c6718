/**
 * Validation of a targets spreadsheet (pure: no I/O). The sheet is the export's layout —
 * a header row naming the columns (区域代码, 指标代码, 年度, 目标值; the name columns are
 * informative) and one row per (region, indicator). A blank target value (or year) means
 * "no change" — the export lists every region × indicator, so a partly filled export
 * imports as it is. Every bad row is reported once with its row number, the column and the
 * reason; nothing is applied unless there are none.
 *
 * Tolerant of what spreadsheet software writes: codes typed as numbers (433101), values as
 * numbers or text with thousands separators, headers in Chinese or English, blank rows.
 */
import { Decimal, MAX_MEASURE, formatMaxMeasure, parseDecimalInput } from "../decimal";
import { cellText, controlCharacterCells, type SheetCell, type SheetRow } from "../xlsx";

export type { SheetRow };

type ImportColumn = "region" | "indicator" | "year" | "value";
type ImportReason =
  | "missingColumn"
  | "empty"
  | "regionUnknown"
  | "regionInactive"
  | "indicatorUnknown"
  | "indicatorInactive"
  | "yearMismatch"
  | "notNumber"
  | "negative"
  | "tooManyDecimals"
  | "tooLarge"
  | "duplicate"
  | "noRows"
  | "controlCharacters";

export interface ImportIssue {
  row: number;
  /** the column's header as written in the file (or the expected header when missing) */
  column: string;
  reason: ImportReason;
  /** the offending value as text */
  value: string;
  /** extra parameters for the message (e.g. the first row of a duplicate, the expected year) */
  params?: Record<string, string | number>;
}

export interface ImportRef {
  regions: Map<string, { id: string; name: string; active: boolean }>;
  indicators: Map<string, { id: string; name: string; precision: number; active: boolean }>;
}

export interface ImportRow {
  row: number;
  regionId: string;
  regionCode: string;
  indicatorId: string;
  indicatorCode: string;
  value: Decimal;
}

const HEADERS: Record<ImportColumn, RegExp> = {
  region: /^(区域代码|地区代码|行政区划代码|region ?code|region)$/i,
  indicator: /^(指标代码|indicator ?code|indicator)$/i,
  year: /^(年度|年份|year)$/i,
  value: /^(目标值|目标|年度目标|target ?value|target)$/i,
};
const EXPECTED_HEADERS: Record<ImportColumn, string> = { region: "区域代码", indicator: "指标代码", year: "年度", value: "目标值" };

/** A numeric cell: a number as written (shortest round-trip text, never arithmetic) or typed text. */
function cellDecimal(cell: SheetCell): Decimal | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? new Decimal(String(cell)) : null;
  if (typeof cell === "string") return parseDecimalInput(cell);
  return null;
}

/**
 * Validates every row; `rows` holds the valid rows only when `issues` is empty, `blank`
 * counts the rows left unchanged because their target value is blank.
 */
export function validateTargetSheet(sheet: SheetRow[], ref: ImportRef, year: number): { rows: ImportRow[]; issues: ImportIssue[]; blank: number } {
  const issues: ImportIssue[] = [];
  // such text must never reach the database: refused cell by cell before any other rule
  const hostile = controlCharacterCells(sheet);
  if (hostile.length > 0) return { rows: [], issues: hostile.map((c) => ({ ...c, reason: "controlCharacters" as const, value: "" })), blank: 0 };
  const nonEmpty = sheet.filter((r) => r.cells.some((c) => cellText(c) !== ""));
  const header = nonEmpty[0];
  if (!header) return { rows: [], issues: [{ row: 1, column: "", reason: "noRows", value: "" }], blank: 0 };

  const col: Partial<Record<ImportColumn, number>> = {};
  const headerText: Partial<Record<ImportColumn, string>> = {};
  header.cells.forEach((c, i) => {
    const text = cellText(c).replace(/\s+/g, " ");
    for (const key of Object.keys(HEADERS) as ImportColumn[]) {
      if (col[key] === undefined && HEADERS[key].test(text)) {
        col[key] = i;
        headerText[key] = cellText(c);
      }
    }
  });
  const missing = (Object.keys(HEADERS) as ImportColumn[]).filter((k) => col[k] === undefined);
  if (missing.length > 0) {
    return { rows: [], issues: missing.map((k) => ({ row: header.row, column: EXPECTED_HEADERS[k], reason: "missingColumn" as const, value: "" })), blank: 0 };
  }
  const name = (k: ImportColumn) => headerText[k] ?? EXPECTED_HEADERS[k];
  const at = (r: SheetRow, k: ImportColumn): SheetCell => r.cells[col[k]!] ?? null;

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  const body = nonEmpty.slice(1);
  if (body.length === 0) issues.push({ row: header.row, column: "", reason: "noRows", value: "" });

  let blank = 0;
  for (const r of body) {
    const raw = at(r, "value");
    if (cellText(raw) === "") {
      blank++;
      continue;
    }
    const before = issues.length;
    const issue = (k: ImportColumn, reason: ImportReason, params?: Record<string, string | number>) =>
      issues.push({ row: r.row, column: name(k), reason, value: cellText(at(r, k)), ...(params ? { params } : {}) });

    const regionCode = cellText(at(r, "region"));
    const region = regionCode ? ref.regions.get(regionCode) : undefined;
    if (!regionCode) issue("region", "empty");
    else if (!region) issue("region", "regionUnknown");
    else if (!region.active) issue("region", "regionInactive");

    const indicatorCode = cellText(at(r, "indicator")).toUpperCase();
    const indicator = indicatorCode ? ref.indicators.get(indicatorCode) : undefined;
    if (!indicatorCode) issue("indicator", "empty");
    else if (!indicator) issue("indicator", "indicatorUnknown");
    else if (!indicator.active) issue("indicator", "indicatorInactive");

    const yearText = cellText(at(r, "year"));
    if (yearText && yearText !== String(year)) issue("year", "yearMismatch", { year });

    const value = cellDecimal(raw);
    if (!value) issue("value", "notNumber");
    else if (value.isNegative()) issue("value", "negative");
    else if (indicator && value.decimalPlaces() > indicator.precision) issue("value", "tooManyDecimals", { precision: indicator.precision });
    else if (value.gt(MAX_MEASURE)) issue("value", "tooLarge", { maximum: formatMaxMeasure() });

    if (region && indicator) {
      const key = `${region.id}|${indicator.id}`;
      const first = seen.get(key);
      if (first !== undefined) issue("region", "duplicate", { row: first });
      else seen.set(key, r.row);
    }
    if (issues.length === before && region && indicator && value) {
      rows.push({ row: r.row, regionId: region.id, regionCode, indicatorId: indicator.id, indicatorCode, value });
    }
  }
  return { rows: issues.length === 0 ? rows : [], issues, blank };
}
