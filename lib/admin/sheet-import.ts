/**
 * What the sheet imports of the administration (regions, catalogue, users) share — pure,
 * client-safe: finding columns by their header, reading enumerations written as codes or
 * as their Chinese labels, yes/no cells, and the shape of a dry run's preview. In every one
 * of them a blank cell means "no change" for an existing row (or the default for a new one).
 * Client code imports only the types.
 */
import type { SheetRow } from "../xlsx";

/** One problem of one row: the column's header and a reason key of the import's catalogue. */
export interface SheetIssue {
  row: number;
  column: string;
  reason: string;
  params?: Record<string, string | number>;
}

/** One row of the preview: what the commit would do with it. */
export interface PlannedRow {
  row: number;
  code: string;
  name: string;
  change: "create" | "update" | "unchanged";
  /** the columns that change (an update) */
  fields: string[];
}

/** What an import action hands back to its form. */
export interface SheetImportData {
  mode: "dryRun" | "commit";
  /** data rows read (the header excluded) */
  rows: number;
  planned: PlannedRow[];
  issues: (SheetIssue & { message: string })[];
  written: boolean;
  /** a file to download once (the users import's one-time passwords) */
  download?: { filename: string; base64: string };
}

export interface ColumnSpec {
  /** the header written by the export and the template */
  label: string;
  /** other headers accepted (compared case-insensitively, spaces ignored) */
  aliases?: readonly string[];
}

const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/** The index of each column named in the header row, by label or alias. */
function headerColumns<F extends string>(header: SheetRow, spec: Record<F, ColumnSpec>): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  header.cells.forEach((cell, i) => {
    const text = norm(typeof cell === "string" ? cell.replace(/^\uFEFF/, "") : String(cell ?? ""));
    if (!text) return;
    for (const field of Object.keys(spec) as F[]) {
      const names = [spec[field].label, ...(spec[field].aliases ?? [])].map(norm);
      if (out[field] === undefined && names.includes(text)) out[field] = i;
    }
  });
  return out;
}

/** An enumeration value written as its code (any case) or one of its labels; null when unknown. */
export function enumValue<K extends string>(value: string, labels: Record<K, readonly string[]>): K | null {
  const v = norm(value);
  for (const key of Object.keys(labels) as K[]) {
    if (norm(key) === v || labels[key].some((l) => norm(l) === v)) return key;
  }
  return null;
}

/** 是 / 否 (and 启用 / 停用, TRUE / FALSE, Y / N, 1 / 0); null when it is neither. */
export function flagValue(value: string): boolean | null {
  const v = norm(value);
  if (["是", "启用", "true", "y", "yes", "1"].includes(v)) return true;
  if (["否", "停用", "false", "n", "no", "0"].includes(v)) return false;
  return null;
}

/**
 * A sheet's data rows and where its columns are, or the problems that stop it being read at
 * all: no data rows, or a required column missing from the header.
 */
export function sheetBody<F extends string>(
  sheet: readonly SheetRow[],
  spec: Record<F, ColumnSpec>,
  required: readonly NoInfer<F>[],
): { body: SheetRow[]; col: Partial<Record<F, number>> } | { issues: SheetIssue[] } {
  const [header, ...body] = sheet;
  if (!header || body.length === 0) return { issues: [{ row: header?.row ?? 1, column: "", reason: "noRows" }] };
  const col = headerColumns(header, spec);
  const missing = required.filter((f) => col[f] === undefined);
  if (missing.length) return { issues: missing.map((f) => ({ row: header.row, column: spec[f].label, reason: "missingColumn" })) };
  return { body, col };
}
