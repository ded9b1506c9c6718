"use server";
/**
 * Import the region tree from an .xlsx / .csv sheet (the export's layout). "dryRun" checks
 * every row and previews what would be created and changed; "commit" checks again and
 * writes everything in one transaction, or nothing when any row is bad. Audited.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import * as clock from "@/lib/clock";
import { planRegionImport } from "../admin/regions-import";
import type { SheetImportData } from "../admin/sheet-import";
import { applyRegionImport, regionStates } from "../data/regions-import";
import { sheetImportSchema } from "../schemas/admin";
import type { ActionResult } from "./result";
import { defineAction } from "./client";
import { controlCharacterIssues, issueViews, readImportFile } from "./sheet-upload";

const action = defineAction({ action: "region.manage", schema: sheetImportSchema }, async (input, { db, tenant, user }): Promise<ActionResult<SheetImportData>> => {
  const t = await getTranslations("SheetImport");
  const sheet = await readImportFile(input.file);
  const hostile = controlCharacterIssues(sheet);
  const { planned, issues } = hostile.length > 0 ? { planned: [], issues: hostile } : planRegionImport(sheet, await regionStates(db, tenant));
  const data: SheetImportData = { mode: input.mode, rows: Math.max(0, sheet.length - 1), planned: planned.map(({ next: _next, ...p }) => p), issues: await issueViews(issues), written: false };
  if (issues.length > 0) return { ok: true, message: t("invalid", { count: issues.length }), data };
  const counts = { create: planned.filter((p) => p.change === "create").length, update: planned.filter((p) => p.change === "update").length };
  if (input.mode === "dryRun") return { ok: true, message: t("valid", counts), data };
  await applyRegionImport(db, tenant, planned, t("auditReason", { file: input.file.name }), clock.now());
  revalidatePath(`/${user.tenantSlug}/admin/regions`);
  return { ok: true, message: t("done", counts), data: { ...data, written: true } };
});

export async function importRegions(...args: Parameters<typeof action>) {
  return action(...args);
}
