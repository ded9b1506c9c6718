"use server";
/**
 * Import the indicator catalogue from an .xlsx / .csv sheet (the export's layout). "dryRun"
 * checks every row and previews what would be created and changed; "commit" checks again
 * and writes everything in one transaction, or nothing when any row is bad. Audited.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { meaningChanged, planCatalogueImport } from "../admin/catalogue-import";
import type { SheetImportData } from "../admin/sheet-import";
import { applyCatalogueImport, figureFactsOf, indicatorStates } from "../data/catalogue-import";
import { sheetImportSchema } from "../schemas/admin";
import type { ActionResult } from "./result";
import { defineAction } from "./client";
import { controlCharacterIssues, issueViews, readImportFile } from "./sheet-upload";

const action = defineAction({ action: "catalogue.manage", schema: sheetImportSchema }, async (input, { db, tenant, user }): Promise<ActionResult<SheetImportData>> => {
  const t = await getTranslations("SheetImport");
  const sheet = await readImportFile(input.file);
  const hostile = controlCharacterIssues(sheet);
  if (hostile.length > 0) return { ok: true, message: t("invalid", { count: hostile.length }), data: { mode: input.mode, rows: Math.max(0, sheet.length - 1), planned: [], issues: await issueViews(hostile), written: false } };
  const states = await indicatorStates(db, tenant);
  // the figures are read only for indicators whose meaning the file changes
  const first = planCatalogueImport(sheet, states, new Map());
  const facts = await figureFactsOf(db, tenant, states, meaningChanged(first.planned));
  const { planned, issues } = facts.size > 0 ? planCatalogueImport(sheet, states, facts) : first;
  const data: SheetImportData = { mode: input.mode, rows: Math.max(0, sheet.length - 1), planned: issues.length ? [] : planned.map(({ next: _next, ...p }) => p), issues: await issueViews(issues), written: false };
  if (issues.length > 0) return { ok: true, message: t("invalid", { count: issues.length }), data };
  const counts = { create: planned.filter((p) => p.change === "create").length, update: planned.filter((p) => p.change === "update").length };
  if (input.mode === "dryRun") return { ok: true, message: t("valid", counts), data };
  await applyCatalogueImport(db, tenant, planned, states, t("auditReason", { file: input.file.name }));
  revalidatePath(`/${user.tenantSlug}/admin/indicators`);
  return { ok: true, message: t("done", counts), data: { ...data, written: true } };
});

export async function importCatalogue(...args: Parameters<typeof action>) {
  return action(...args);
}
