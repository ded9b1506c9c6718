/**
 * GET /{tenant}/admin/indicators/export — the indicator catalogue as .xlsx in the import's
 * layout (every field of the indicator form), so it can be edited and imported back.
 */
import { requireTenantRoute } from "@/lib/auth/guard";
import { CATALOGUE_COLUMNS, catalogueExportRows } from "@/lib/admin/catalogue-import";
import { xlsxResponse } from "@/lib/xlsx";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "catalogue.manage");
  if (access instanceof Response) return access;
  const rows = catalogueExportRows(await access.data.indicatorStates());
  const labels = Object.values(CATALOGUE_COLUMNS).map((c) => c.label);
  return xlsxResponse(`indicators-${tenant}.xlsx`, [
    {
      name: "指标",
      columns: labels.map((header, i) => ({ header, key: String(i), width: i === 1 || i === 3 || i === 12 ? 28 : 12 })),
      rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), v]))),
    },
  ]);
}
