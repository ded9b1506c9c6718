"use server";
/**
 * Import a year's targets from an .xlsx or .csv file. "dryRun" validates every row and
 * writes nothing; "commit" validates again and writes all rows in one transaction — or
 * nothing when any row is bad. Rows with a blank target value change nothing.
 */
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { validateTargetSheet, type ImportIssue } from "../admin/targets-import";
import { MAX_IMPORT_ROWS, readUploadFile, SpreadsheetError } from "../xlsx";
import { applyTargetChanges, loadImportRef, type ApplyResult } from "../data/targets";
import { importTargetsSchema } from "../schemas/admin";
import { ActionError, defineAction } from "./client";

interface ImportIssueView extends ImportIssue {
  message: string;
}

export interface ImportTargetsData {
  mode: "dryRun" | "commit";
  /** rows read (excluding the header) */
  rows: number;
  /** rows whose target value is blank (left unchanged) */
  blank: number;
  issues: ImportIssueView[];
  /** whether anything was written */
  written: boolean;
  result: ApplyResult | null;
}

const action = defineAction({ action: "target.write", schema: importTargetsSchema }, async (input, { db, tenant, user }) => {
  const t = await getTranslations("Targets");
  const file = input.file;
  let sheet;
  try {
    sheet = await readUploadFile(file);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    const tu = await getTranslations("Upload");
    // the reason goes next to the file field; the summary says nothing was read
    throw new ActionError(t("import.rejected"), { file: [tu(error.problem, { max: MAX_IMPORT_ROWS })] });
  }
  const ref = await loadImportRef(db, tenant);
  const { rows, issues, blank } = validateTargetSheet(sheet, ref, input.year);
  const views: ImportIssueView[] = issues.map((i) => ({ ...i, message: t(`import.reasons.${i.reason}`, { ...i.params, value: i.value }) }));
  const data: ImportTargetsData = { mode: input.mode, rows: Math.max(0, sheet.length - 1), blank, issues: views, written: false, result: null };
  if (issues.length > 0) {
    return { ok: true, message: t("import.invalid", { count: issues.length }), data };
  }
  if (input.mode === "dryRun") {
    return { ok: true, message: t("import.valid", { count: rows.length, blank }), data };
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
