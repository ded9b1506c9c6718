"use server";
/**
 * Imports fills from a .csv or .xlsx file (template: lib/reporting/import.ts). mode
 * "dryRun" checks every row and lists every problem (row, column, reason) without writing;
 * "commit" re-checks everything and writes all rows in ONE transaction, or nothing.
 * A reporter imports only their own region, as DRAFT (they submit from the form); an admin
 * imports for any county, as SUBMITTED (the figures still pass review). Lock rules, approved
 * cells and the entry checks apply as in the form (a flagged value needs a note in 备注).
 * Every write is audited (FillAudit IMPORT). Existing cells are overwritten only if nobody
 * changed them between the check and the write (their version), else nothing is written.
 */
import { getTranslations } from "next-intl/server";
import { ImportConflict, writeImport } from "../data/fill-import";
import { getCheckSheets } from "../data/fills";
import { Decimal } from "../decimal";
import { can } from "../permissions";
import { checkInputOf, checkValue } from "../reporting/checks";
import * as clock from "@/lib/clock";
import { readTable, validateRowsInChunks, type ImportIssue, type ValidRow } from "../reporting/import";
import { controlCharacterCells, MAX_IMPORT_ROWS, readUploadFile, SpreadsheetError, type SheetRow } from "../xlsx";
import { importFillsSchema } from "../schemas/fills";
import { ActionError, defineAction, type ActionContext } from "./client";
import type { ActionResult, FieldErrors } from "./result";

export interface ImportReport {
  mode: "dryRun" | "commit";
  rows: number;
  written: number;
}

type Translate = Awaited<ReturnType<typeof getTranslations<"Import">>>;
interface Write {
  v: ValidRow;
  existing: { id: string; version: number; value: string; status: string } | null;
  flagged: boolean;
}

/** The uploaded file's rows (.csv or .xlsx), or why it cannot be read (next to the file field). */
async function readUpload(file: File, t: Translate): Promise<SheetRow[]> {
  try {
    return await readUploadFile(file);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    const tu = await getTranslations("Upload");
    throw new ActionError(t("rejected"), { file: [tu(error.problem, { max: MAX_IMPORT_ROWS })] });
  }
}

/**
 * The database's side of each valid row, with the entry rows of every (region, month) it
 * touches read at once: a row that repeats the stored value (and note) changes nothing —
 * so an export re-imports as it is, approved and locked months included; otherwise
 * approved cells and locks refuse the row, a flagged value needs a note, and the rest
 * become writes.
 */
async function planWrites(ctx: ActionContext, valid: ValidRow[], issues: ImportIssue[], now: Date): Promise<Write[]> {
  const sheets = new Map(valid.map((v) => [`${v.regionId}|${v.year}|${v.month}`, { regionId: v.regionId, year: v.year, month: v.month }]));
  const rowsOf = await getCheckSheets(ctx.db, ctx.tenant, [...sheets.values()], now);
  const byIndicator = new Map([...rowsOf].map(([k, rows]) => [k, new Map(rows.map((r) => [r.indicatorId, r]))]));
  const writes: Write[] = [];
  for (const [k, v] of valid.entries()) {
    // the checks are decimal arithmetic: other requests get their turn every thousand rows
    if (k > 0 && k % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const r = byIndicator.get(`${v.regionId}|${v.year}|${v.month}`)?.get(v.indicatorId);
    if (!r) continue;
    if (r.fill && new Decimal(r.fill.value).equals(v.value) && (v.note === "" || v.note === (r.fill.note ?? ""))) continue;
    if (r.fill?.status === "APPROVED" || r.lock.locked) {
      issues.push({ row: v.row, column: "数值", reason: r.fill?.status === "APPROVED" ? "approved" : "locked" });
      continue;
    }
    const flags = checkValue(checkInputOf(r, v.month, v.value));
    if (flags.length > 0 && v.note.trim() === "") {
      issues.push({ row: v.row, column: "备注", reason: "needsNote" });
      continue;
    }
    writes.push({ v, existing: r.fill ? { id: r.fill.id, version: r.fill.version, value: r.fill.value, status: r.fill.status } : null, flagged: flags.length > 0 });
  }
  return writes;
}

function issuesResult(issues: ImportIssue[], rows: number, t: Translate): ActionResult<ImportReport> {
  issues.sort((a, b) => a.row - b.row);
  const errors: FieldErrors = {};
  for (const i of issues) (errors[`${i.row}|${i.column}`] ??= []).push(t(`reasons.${i.reason}`, { detail: i.detail ?? "" }));
  return { ok: false, message: t("hasIssues", { count: issues.length, rows }), errors };
}

const run = defineAction(
  // the gate: a member who may read fills at all (in their own scope); every row's region is checked below
  { action: "fill.read", schema: importFillsSchema, resource: async (_input, ctx) => ({ tenantId: ctx.tenant.tenantId, regionId: ctx.tenant.regionId }) },
  async (input, ctx): Promise<ActionResult<ImportReport>> => {
    const t = await getTranslations("Import");
    const { tenantId } = ctx.tenant;
    const user = ctx.user;
    const isAdmin = can(user, "fill.review");
    if (!isAdmin && !can(user, "fill.write")) throw new ActionError(t("errors.forbidden"));
    const table = await readUpload(input.file, t);
    // such text must never reach the database (notes are stored as they are)
    const hostile = controlCharacterCells(table);
    if (hostile.length > 0) return issuesResult(hostile.map((c) => ({ ...c, reason: "controlCharacters" })), Math.max(0, table.length - 1), t);
    const now = clock.now();
    const [regions, indicators] = await Promise.all([
      ctx.db.region.findMany({ where: { tenantId, parentId: { not: null } }, select: { id: true, code: true } }),
      ctx.db.indicator.findMany({ where: { tenantId, active: true }, select: { id: true, code: true, kind: true, precision: true } }),
    ]);
    const read = readTable(table);
    const { valid, issues } = read.issues.length > 0 ? { valid: [], issues: read.issues } : await validateRowsInChunks(read.rows, {
      regionByCode: new Map(regions.map((r) => [r.code, r.id])),
      mayWrite: (regionId) => (isAdmin ? can(user, "fill.review", { tenantId, regionId }) : can(user, "fill.write", { tenantId, regionId })),
      indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    });
    const writes = await planWrites(ctx, valid, issues, now);
    if (issues.length > 0) return issuesResult(issues, read.rows.length, t);
    if (input.mode === "dryRun") {
      return { ok: true, message: t("dryRunOk", { rows: writes.length }), data: { mode: "dryRun", rows: read.rows.length, written: 0 } };
    }
    const reason = t("auditReason", { file: input.file.name });
    const rows = writes.map(({ v, existing, flagged }) => ({ ...v, existing, reason: flagged ? v.note : reason }));
    try {
      await writeImport(ctx.db, { tenantId, actorId: user.userId, status: isAdmin ? "SUBMITTED" : "DRAFT", now }, rows);
    } catch (e) {
      if (e instanceof ImportConflict || (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002")) throw new ActionError(t("errors.changedMeanwhile"));
      throw e;
    }
    return { ok: true, message: t("committed", { rows: writes.length }), data: { mode: "commit", rows: read.rows.length, written: writes.length } };
  },
);

export async function importFills(prev: ActionResult<ImportReport> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
