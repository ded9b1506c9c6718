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
import { getEntrySheet } from "../data/fills";
import { Decimal, toStored } from "../decimal";
import { can } from "../permissions";
import { checkInputOf, checkValue } from "../reporting/checks";
import * as clock from "@/lib/clock";
import { readTable, validateRows, type ImportIssue } from "../reporting/import";
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
type ValidRow = ReturnType<typeof validateRows>["valid"][number];
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
 * The database's side of each valid row, one entry sheet per (region, month): a row that
 * repeats the stored value (and note) changes nothing — so an export re-imports as it is,
 * approved and locked months included; otherwise approved cells and locks refuse the row,
 * a flagged value needs a note, and the rest become writes.
 */
async function planWrites(ctx: ActionContext, valid: ValidRow[], issues: ImportIssue[], now: Date): Promise<Write[]> {
  const groups = new Map<string, ValidRow[]>();
  for (const v of valid) {
    const k = `${v.regionId}|${v.year}|${v.month}`;
    const group = groups.get(k);
    if (group) group.push(v);
    else groups.set(k, [v]);
  }
  const writes: Write[] = [];
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const sheet = await getEntrySheet(ctx.db, ctx.tenant, first.regionId, { year: first.year, month: first.month }, now);
    if (!sheet) continue;
    const byIndicator = new Map(sheet.rows.map((r) => [r.indicatorId, r]));
    for (const v of rows) {
      const r = byIndicator.get(v.indicatorId);
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
  }
  return writes;
}

class Stale extends Error {}

/**
 * All writes in one transaction, each audited (FillAudit IMPORT); a cell changed since the
 * check (its version) aborts everything. Written in one order (by year) so that two imports
 * touching the same rows lock them in the same order and cannot deadlock.
 */
async function writeAll(ctx: ActionContext, writes: Write[], status: "SUBMITTED" | "DRAFT", now: Date, reasonFor: (w: Write) => string): Promise<void> {
  const { tenantId } = ctx.tenant;
  const actorId = ctx.user.userId;
  writes.sort((a, b) => a.v.year - b.v.year);
  const stamp = status === "SUBMITTED" ? { submittedAt: now } : {};
  await ctx.db.$transaction(
    async (tx) => {
      for (const w of writes) {
        const { v, existing } = w;
        const value = toStored(v.value);
        const reason = reasonFor(w);
        if (existing) {
          const res = await tx.fill.updateMany({
            where: { tenantId, id: existing.id, version: existing.version, status: { not: "APPROVED" } },
            data: { value, note: v.note, status, updatedById: actorId, version: { increment: 1 }, ...stamp },
          });
          if (res.count === 0) throw new Stale();
          await tx.fillAudit.create({ data: { tenantId, fillId: existing.id, action: "IMPORT", oldValue: toStored(existing.value), newValue: value, oldStatus: existing.status as never, newStatus: status, actorId, reason } });
        } else {
          const created = await tx.fill.create({
            data: { tenantId, regionId: v.regionId, indicatorId: v.indicatorId, year: v.year, month: v.month, value, note: v.note, status, createdById: actorId, updatedById: actorId, ...stamp },
          });
          await tx.fillAudit.create({ data: { tenantId, fillId: created.id, action: "IMPORT", newValue: value, newStatus: status, actorId, reason } });
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
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
    const { valid, issues } = read.issues.length > 0 ? { valid: [], issues: read.issues } : validateRows(read.rows, {
      regionByCode: new Map(regions.map((r) => [r.code, r.id])),
      mayWrite: (regionId) => (isAdmin ? can(user, "fill.review", { tenantId, regionId }) : can(user, "fill.write", { tenantId, regionId })),
      indicatorByCode: new Map(indicators.map((i) => [i.code, i])),
    });
    const writes = await planWrites(ctx, valid, issues, now);
    if (issues.length > 0) return issuesResult(issues, read.rows.length, t);
    if (input.mode === "dryRun") {
      return { ok: true, message: t("dryRunOk", { rows: writes.length }), data: { mode: "dryRun", rows: read.rows.length, written: 0 } };
    }
    try {
      await writeAll(ctx, writes, isAdmin ? "SUBMITTED" : "DRAFT", now, (w) => (w.flagged ? w.v.note : t("auditReason", { file: input.file.name })));
    } catch (e) {
      if (e instanceof Stale || (typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002")) throw new ActionError(t("errors.changedMeanwhile"));
      throw e;
    }
    return { ok: true, message: t("committed", { rows: writes.length }), data: { mode: "commit", rows: read.rows.length, written: writes.length } };
  },
);

export async function importFills(prev: ActionResult<ImportReport> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
