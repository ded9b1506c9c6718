/**
 * Shared by the sheet imports of the administration (not a server action): the uploaded
 * file's rows, and the issues with their messages. One message per problem: the file's
 * reason goes next to the file field, the summary says that nothing was read.
 */
import { getTranslations } from "next-intl/server";
import type { SheetImportData, SheetIssue } from "../admin/sheet-import";
import { controlCharacterCells, MAX_IMPORT_ROWS, readUploadFile, SpreadsheetError, type SheetRow } from "../xlsx";
import { ActionError } from "./client";

export async function readImportFile(file: File): Promise<SheetRow[]> {
  try {
    return await readUploadFile(file);
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    const [t, tu] = await Promise.all([getTranslations("SheetImport"), getTranslations("Upload")]);
    throw new ActionError(t("rejected"), { file: [tu(error.problem, { max: MAX_IMPORT_ROWS })] });
  }
}

/** Every cell holding a control character, as an issue of its row and column (checked before any other rule). */
export function controlCharacterIssues(sheet: SheetRow[]): SheetIssue[] {
  return controlCharacterCells(sheet).map((c) => ({ ...c, reason: "controlCharacters" }));
}

/** The issues with their messages (SheetImport.reasons), in row order. */
export async function issueViews(issues: SheetIssue[]): Promise<SheetImportData["issues"]> {
  // reason keys are checked by the tests of each import, not by the catalogue's types
  const t = (await getTranslations("SheetImport")) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return [...issues].sort((a, b) => a.row - b.row).map((i) => ({ ...i, message: t(`reasons.${i.reason}`, i.params ?? {}) }));
}
