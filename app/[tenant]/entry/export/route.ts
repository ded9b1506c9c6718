/**
 * GET /{tenant}/entry/export?year=&month= — the month's figures of every region the user may
 * read (a reporter: their own; admins and leaders: every county) × indicator, as .xlsx.
 */
import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import { fromStored } from "@/lib/decimal";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";
import { chinaMonth } from "@/lib/reporting/locks";
import { writeSheet } from "@/lib/xlsx";
import { exportQuery } from "../../export-period";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "fill.read");
  if (access instanceof Response) return access;
  const { user, data } = access;
  const query = await exportQuery(request);
  if (query instanceof Response) return query;
  const fallback = chinaMonth(clock.now());
  const year = query.year ?? fallback.year;
  const month = query.month ?? fallback.month;
  const regions = (await data.entryRegions()).filter((r) => can(user, "fill.read", { tenantId: user.tenantId, regionId: r.id }));
  const [indicators, fills] = await Promise.all([
    data.enteredIndicators(),
    data.monthFills({ year, month }, regions.map((r) => r.id)),
  ]);
  const t = await getTranslations("Import");
  const tr = await getTranslations("Review");
  const fillOf = new Map(fills.map((f) => [`${f.regionId}|${f.indicatorId}`, f]));
  const rows = regions.flatMap((r) =>
    indicators.map((i) => {
      const f = fillOf.get(`${r.id}|${i.id}`);
      return [r.code, r.name, i.code, i.name, i.unit, year, month, f ? fromStored(f.value).toFixed(i.precision) : "", f ? tr(`status.${f.status}`) : "", f?.note ?? ""];
    }),
  );
  const header = ["区域代码", t("sheet.region"), "指标代码", t("sheet.indicator"), t("sheet.unit"), "年", "月", "数值", t("sheet.status"), "备注"];
  const body = await writeSheet(t("sheet.export"), header, rows);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="fills-${tenant}-${year}-${String(month).padStart(2, "0")}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
