/**
 * Users from a sheet (pure): columns 账号, 姓名, 角色, 区域代码 — one reporter per county,
 * the leaders and the admins. A new account gets a one-time password at the commit; an
 * account already in this tenant is left as it is (the users page edits it); an account
 * taken elsewhere is refused. Reporters need an active county; admins and leaders belong
 * to the region given (their scope: it and the regions below it) or, blank, to the root.
 */
import { cellText, type SheetRow } from "../xlsx";
import { enumValue, sheetBody, type ColumnSpec, type PlannedRow, type SheetIssue } from "./sheet-import";

type Field = "account" | "name" | "role" | "region";
export type ImportRole = "ADMIN" | "LEADER" | "REPORTER";

export const USER_COLUMNS: Record<Field, ColumnSpec> = {
  account: { label: "账号", aliases: ["用户名", "account"] },
  name: { label: "姓名", aliases: ["name"] },
  role: { label: "角色", aliases: ["role"] },
  region: { label: "区域代码", aliases: ["行政区划代码", "region", "regioncode"] },
};

const ROLE_LABELS: Record<ImportRole, readonly string[]> = { ADMIN: ["管理员"], LEADER: ["领导"], REPORTER: ["填报员"] };
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface UserImportRef {
  /** account → the tenant it belongs to (null: a platform account) */
  accounts: ReadonlyMap<string, string | null>;
  tenantId: string;
  /** region code → region */
  regions: ReadonlyMap<string, { id: string; name: string; isRoot: boolean; active: boolean }>;
}

export interface UserPlanRow extends PlannedRow {
  role: ImportRole;
  regionId: string;
  regionName: string;
}

/** User rows of the file → the accounts to create, or every problem (row, column, reason). */
export function planUserImport(sheet: SheetRow[], ref: UserImportRef): { planned: UserPlanRow[]; issues: SheetIssue[] } {
  const read = sheetBody(sheet, USER_COLUMNS, ["account", "name", "role"]);
  if ("issues" in read) return { planned: [], issues: read.issues };
  const { body, col } = read;
  const root = [...ref.regions.values()].find((r) => r.isRoot);
  const issues: SheetIssue[] = [];
  const planned: UserPlanRow[] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const cell = (f: Field) => (col[f] === undefined ? "" : cellText(r.cells[col[f]!]));
    const bad = (f: Field, reason: string, params?: Record<string, string | number>) => issues.push({ row: r.row, column: USER_COLUMNS[f].label, reason, ...(params ? { params } : {}) });
    const before = issues.length;
    const account = cell("account");
    if (!ACCOUNT.test(account)) bad("account", account ? "accountFormat" : "empty");
    else if (seen.has(account.toLowerCase())) bad("account", "duplicate", { row: seen.get(account.toLowerCase())! });
    seen.set(account.toLowerCase(), r.row);
    const owner = ref.accounts.get(account);
    if (owner !== undefined && owner !== ref.tenantId) bad("account", "accountTaken");
    // an account of this tenant is left as it is, whatever (or nothing) its other cells say
    if (owner === ref.tenantId && issues.length === before && root) {
      planned.push({ row: r.row, code: account, name: cell("name"), change: "unchanged", fields: [], role: "REPORTER", regionId: root.id, regionName: root.name });
      continue;
    }
    const name = cell("name");
    if (!name) bad("name", "empty");
    else if (name.length > 64) bad("name", "tooLong", { max: 64 });
    const role = cell("role") ? enumValue(cell("role"), ROLE_LABELS) : null;
    if (!role) bad("role", cell("role") ? "valueUnknown" : "empty");
    const code = cell("region");
    const region = code ? ref.regions.get(code) : role === "REPORTER" ? undefined : root;
    if (role === "REPORTER" && !code) bad("region", "regionRequired");
    else if (role === "REPORTER" && (!region || region.isRoot || !region.active)) bad("region", "regionInvalid", { code });
    else if (role && code && (!region || !region.active)) bad("region", "regionInvalid", { code });
    if (issues.length > before || !role || !region) continue;
    planned.push({ row: r.row, code: account, name, change: owner === ref.tenantId ? "unchanged" : "create", fields: [], role, regionId: region.id, regionName: region.name });
  }
  return { planned: issues.length ? [] : planned, issues };
}

export interface UserState {
  account: string;
  name: string;
  role: ImportRole;
  /** the member's region; null for the root region (tenant-wide admins and leaders) */
  regionCode: string | null;
}

/** The accounts in the import's layout (账号, 姓名, 角色, 区域代码) — never a password. */
export function userExportRows(users: UserState[]): string[][] {
  return users.map((u) => [u.account, u.name, ROLE_LABELS[u.role][0]!, u.regionCode ?? ""]);
}
