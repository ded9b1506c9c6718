"use server";
/**
 * History backfill: an administrator imports past months' figures — many regions, months
 * and years in one file, the fill template's columns — with a reason. "dryRun" checks every
 * row and previews the cells to create and change; "commit" writes them as approved history
 * in one transaction (lib/data/history-import.ts), or nothing. Only months before the
 * current one are taken; ordinary entry and the month import keep their locks.
 */
import { getTranslations } from "next-intl/server";
import * as clock from "@/lib/clock";
import type { PlannedRow, SheetImportData, SheetIssue } from "../admin/sheet-import";
import { applyHistoryImport, storedCells } from "../data/history-import";
import { readTable, validateRowsInChunks } from "../reporting/import";
import { chinaMonth } from "../reporting/locks";
import { importHistorySchema } from "../schemas/fills";
import type { ActionResult } from "./result";
import { defineAction } from "./client";
import { controlCharacterIssues, readImportFile } from "./sheet-upload";

const action = defineAction({ action: "fill.review", schema: importHistorySchema }, async (input, { db, tenant }): Promise<ActionResult<SheetImportData>> => {
  const [t, ts] = await Promise.all([getTranslations("Import"), getTranslations("SheetImport")]);
  const sheet = await readImportFile(input.file);
  const [regions, indicators] = await Promise.all([
    db.region.findMany({ where: { tenantId: tenant.tenantId, parentId: { not: null } }, select: { id: true, code: true } }),
    db.indicator.findMany({ where: { tenantId: tenant.tenantId }, select: { id: true, code: true, kind: true, precision: true } }),
  ]);
  const read = readTable(sheet);
  const checked = read.issues.length > 0 ? { valid: [], issues: read.issues } : await validateRowsInChunks(read.rows, { regionByCode: new Map(regions.map((r) => [r.code, r.id])), mayWrite: () => true, indicatorByCode: new Map(indicators.map((i) => [i.code, i])) });
  const issues: SheetIssue[] = [...controlCharacterIssues(sheet), ...checked.issues.map((i) => ({ row: i.row, column: i.column, reason: i.reason, params: { detail: i.detail ?? "" } }))];
  const current = chinaMonth(clock.now());
  const past = checked.valid.filter((v) => {
    const ok = v.year * 12 + v.month < current.year * 12 + current.month;
    if (!ok) issues.push({ row: v.row, column: "月", reason: "notPast", params: { detail: `${v.year}-${v.month}` } });
    return ok;
  });
  const stored = await storedCells(db, tenant, past);
  const codeOf = new Map([...regions, ...indicators].map((x) => [x.id, x.code]));
  const plan = past.map((v) => ({ ...v, stored: stored.get(`${v.regionId}|${v.indicatorId}|${v.year}|${v.month}`) ?? null }));
  const planned: PlannedRow[] = plan.map((p) => ({
    row: p.row,
    code: `${codeOf.get(p.regionId)} ${codeOf.get(p.indicatorId)}`,
    name: `${p.year}-${String(p.month).padStart(2, "0")}`,
    change: !p.stored ? "create" : p.stored.value.equals(p.value) ? "unchanged" : "update",
    fields: p.stored && !p.stored.value.equals(p.value) ? ["value"] : [],
  }));
  const views = [...issues].sort((a, b) => a.row - b.row).map((i) => ({ ...i, message: t(`reasons.${i.reason as "notPast"}`, { detail: String(i.params?.detail ?? "") }) }));
  const data: SheetImportData = { mode: input.mode, rows: read.rows.length + read.blank, planned: issues.length ? [] : planned, issues: views, written: false };
  if (issues.length > 0) return { ok: true, message: ts("invalid", { count: issues.length }), data };
  const counts = { create: planned.filter((p) => p.change === "create").length, update: planned.filter((p) => p.change === "update").length };
  if (input.mode === "dryRun") return { ok: true, message: ts("valid", counts), data };
  const writes = plan.filter((_, k) => planned[k]!.change !== "unchanged");
  await applyHistoryImport(db, tenant, writes, t("historyReason", { reason: input.reason, file: input.file.name }), clock.now());
  return { ok: true, message: ts("done", counts), data: { ...data, written: true } };
});

export async function importHistory(...args: Parameters<typeof action>) {
  return action(...args);
}
