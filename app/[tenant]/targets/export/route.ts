/**
 * GET /{tenant}/targets/export?year= → the year's targets as .xlsx, in the import's layout
 * (区域代码, 区域名称, 指标代码, 指标名称, 年度, 目标值), so an export can be edited and
 * imported back. target.read: admins and leaders get every region, a reporter only their own.
 */
import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import { writeSheet } from "@/lib/xlsx";
import { badPeriod, exportQuery } from "../../export-period";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "target.read");
  if (access instanceof Response) return access;
  const query = await exportQuery(request);
  if (query instanceof Response) return query;
  // the targets are per year: the year is required
  const year = query.year;
  if (year === undefined) return badPeriod();

  const t = await getTranslations("Targets");
  const rows = await access.data.targetExportRows(year);
  const body = await writeSheet(
    t("export.sheet", { year }),
    [t("export.region"), t("export.regionName"), t("export.indicator"), t("export.indicatorName"), t("export.year"), t("export.value")],
    rows,
    [12, 22, 22, 28, 8, 14],
  );
  const name = `targets-${tenant}-${year}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
