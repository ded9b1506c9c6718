/**
 * GET /{tenant}/admin/regions/export — the region tree as .xlsx in the import's layout
 * (区域代码, 区域名称, 级别, 上级代码, 排序, 启用), so it can be edited and imported back.
 */
import { requireTenantRoute } from "@/lib/auth/guard";
import { REGION_COLUMNS, regionExportRows } from "@/lib/admin/regions-import";
import { xlsxResponse } from "@/lib/xlsx";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "region.manage");
  if (access instanceof Response) return access;
  const rows = regionExportRows(await access.data.regionStates());
  const labels = Object.values(REGION_COLUMNS).map((c) => c.label);
  return xlsxResponse(`regions-${tenant}.xlsx`, [
    {
      name: "区域",
      columns: labels.map((header, i) => ({ header, key: String(i), width: i === 1 ? 22 : 12 })),
      rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
    },
  ]);
}
