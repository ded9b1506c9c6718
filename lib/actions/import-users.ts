"use server";
/**
 * Import users from an .xlsx / .csv sheet (账号, 姓名, 角色, 区域代码). "dryRun" checks
 * every row and previews the accounts to create; "commit" checks again and creates them in
 * one transaction, or none. Each new account gets a one-time password, handed back once
 * as a downloadable .xlsx for distribution (never stored in the clear, never shown again);
 * each must choose their own password at first sign-in. Audited.
 */
import { getTranslations } from "next-intl/server";
import { hashPassword } from "@/lib/auth/password";
import { oneTimePassword } from "@/lib/auth/one-time-password";
import * as clock from "@/lib/clock";
import type { SheetImportData } from "../admin/sheet-import";
import { planUserImport, USER_COLUMNS } from "../admin/users-import";
import { createImportedUsers, userImportRef } from "../data/users-import";
import { sheetImportSchema } from "../schemas/admin";
import { cellText, writeSheet } from "../xlsx";
import type { ActionResult } from "./result";
import { defineAction } from "./client";
import { refreshPage } from "./refresh";
import { controlCharacterIssues, issueViews, readImportFile } from "./sheet-upload";

const action = defineAction({ action: "user.manage", schema: sheetImportSchema }, async (input, { db, tenant, user }): Promise<ActionResult<SheetImportData>> => {
  const [t, tr] = await Promise.all([getTranslations("SheetImport"), getTranslations("Roles")]);
  const sheet = await readImportFile(input.file);
  // the accounts named anywhere in the file (the plan finds their column)
  const named = [...new Set(sheet.flatMap((r) => r.cells.map((c) => cellText(c))).filter((v) => v !== ""))];
  const hostile = controlCharacterIssues(sheet);
  const { planned, issues } = hostile.length > 0 ? { planned: [], issues: hostile } : planUserImport(sheet, await userImportRef(db, tenant, named));
  const data: SheetImportData = { mode: input.mode, rows: Math.max(0, sheet.length - 1), planned, issues: await issueViews(issues), written: false };
  if (issues.length > 0) return { ok: true, message: t("invalid", { count: issues.length }), data };
  const creates = planned.filter((p) => p.change === "create");
  const counts = { create: creates.length, update: 0 };
  if (input.mode === "dryRun" || creates.length === 0) return { ok: true, message: t("usersValid", counts), data };
  const withPasswords = await Promise.all(creates.map(async (p) => {
    const password = oneTimePassword();
    return { ...p, password, passwordHash: await hashPassword(password) };
  }));
  await createImportedUsers(db, tenant, withPasswords, t("auditReason", { file: input.file.name }));
  const sheetOut = await writeSheet(
    t("passwords.sheet"),
    [USER_COLUMNS.account.label, USER_COLUMNS.name.label, USER_COLUMNS.role.label, t("passwords.region"), t("passwords.password")],
    withPasswords.map((p) => [p.code, p.name, tr(p.role), p.regionName, p.password]),
    [18, 12, 10, 22, 16],
  );
  refreshPage(`/${user.tenantSlug}/admin/users`);
  const stamp = clock.now().toISOString().slice(0, 10);
  return {
    ok: true,
    message: t("usersDone", { count: creates.length }),
    data: { ...data, written: true, download: { filename: `passwords-${user.tenantSlug}-${stamp}.xlsx`, base64: Buffer.from(sheetOut).toString("base64") } },
  };
});

export async function importUsers(...args: Parameters<typeof action>) {
  return action(...args);
}
