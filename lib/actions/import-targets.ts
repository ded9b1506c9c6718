"use server";
/**
 * Import a year's targets from an .xlsx file. "dryRun" validates every row and writes
 * nothing; "commit" validates again and writes all rows in one transaction — or nothing
 * when any row is bad.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { validateTargetSheet, type ImportIssue } from "../admin/targets-import";
import { readSheet, SpreadsheetError } from "../xlsx";
import { applyTargetChanges, loadImportRef, type ApplyResult } from "../data/targets";
import { importTargetsSchema } from "../schemas/admin";
import { MAX_UPLOAD_BYTES } from "../schemas/upload";
import { ActionError, defineAction } from "./client";

interface ImportIssueView extends ImportIssue {
  message: string;
}

export interface ImportTargetsData {
  mode: "dryRun" | "commit";
  /** rows read (excluding the header) */
  rows: number;
  issues: ImportIssueView[];
  /** whether anything was written */
  written: boolean;
  result: ApplyResult | null;
}

const action = defineAction({ action: "target.write", schema: importTargetsSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("Targets");
  const file = input.file;
  if (file.size === 0) throw new ActionError(t("import.noFile"), { file: [t("import.noFile")] });
  if (file.size > MAX_UPLOAD_BYTES) throw new ActionError(t("import.tooLarge"), { file: [t("import.tooLarge")] });
  let sheet;
  try {
    sheet = await readSheet(Buffer.from(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new ActionError(t("import.notXlsx"), { file: [t("import.notXlsx")] });
    throw error;
  }
  const ref = await loadImportRef(db, tenant);
  const { rows, issues } = validateTargetSheet(sheet, ref, input.year);
  const views: ImportIssueView[] = issues.map((i) => ({ ...i, message: t(`import.reasons.${i.reason}`, { ...i.params, value: i.value }) }));
  const count = Math.max(0, sheet.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== "")).length - 1);
  const data: ImportTargetsData = { mode: input.mode, rows: count, issues: views, written: false, result: null };
  if (issues.length > 0) {
    return { ok: true, message: t("import.invalid", { count: issues.length }), data };
  }
  if (input.mode === "dryRun") {
    return { ok: true, message: t("import.valid", { count: rows.length }), data };
  }
  const result = await applyTargetChanges(
    db,
    tenant,
    input.year,
    rows.map((r) => ({ regionId: r.regionId, indicatorId: r.indicatorId, value: r.value })),
    "import",
    file.name ? t("import.auditReason", { file: file.name }) : undefined,
  );
  revalidatePath(`/${user.tenantSlug}/targets`);
  return { ok: true, message: t("import.done", { ...result }), data: { ...data, written: true, result } };
});

export async function importTargets(...args: Parameters<typeof action>) {
  return action(...args);
}
