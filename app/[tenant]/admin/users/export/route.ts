/**
 * GET /{tenant}/admin/users/export — the active accounts as .xlsx in the import's layout
 * (账号, 姓名, 角色, 区域代码), without passwords, so the list can be kept and imported back.
 */
import { requireTenantRoute } from "@/lib/auth/guard";
import { USER_COLUMNS, userExportRows } from "@/lib/admin/users-import";
import { xlsxResponse } from "@/lib/xlsx";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "user.manage");
  if (access instanceof Response) return access;
  const rows = userExportRows(await access.data.userStates());
  const labels = Object.values(USER_COLUMNS).map((c) => c.label);
  return xlsxResponse(`users-${tenant}.xlsx`, [
    {
      name: "用户",
      columns: labels.map((header, i) => ({ header, key: String(i), width: i === 1 ? 22 : 16 })),
      rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
    },
  ]);
}
