import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import { xlsxResponse } from "@/lib/xlsx";
import { exportQuery } from "../../export-period";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "overview.read");
  if (access instanceof Response) return access;
  const { user } = access;
  const query = await exportQuery(request);
  if (query instanceof Response) return query;
  const { period } = await access.data.resolvePeriod(query);
  const [data, t, tf, tg] = await Promise.all([access.data.overview(period), getTranslations("Overview"), getTranslations("Format"), getTranslations("Figures")]);
  const ind = new Map(data.indicators.map((i) => [i.id, i]));
  const regionName = new Map(data.counties.map((r) => [r.id, r.name]));
  const cell = new Map(data.cells.map((c) => [`${c.regionId}:${c.indicatorId}`, c]));
  const title = `${user.tenantName} ${t("periodShort", { year: period.year, month: period.month })}`;
  return xlsxResponse(`overview-${tenant}-${period.year}-${String(period.month).padStart(2, "0")}.xlsx`, [
    {
      name: t("indicators"),
      title,
      columns: [
        { header: t("indicator"), key: "name", width: 28 },
        { header: t("unit"), key: "unit", width: 10 },
        { header: t("actual"), key: "actual", numFmt: "#,##0.00", width: 14 },
        { header: t("target"), key: "target", numFmt: "#,##0.00", width: 14 },
        { header: t("completion"), key: "completion", numFmt: "0.0%", width: 10 },
        { header: t("expected"), key: "expected", numFmt: "0.0%", width: 10 },
        { header: t("gap"), key: "gap", numFmt: "0.0", width: 12 },
        { header: t("yoy"), key: "yoy", numFmt: "0.0%", width: 10 },
        { header: t("status"), key: "status", width: 12 },
        { header: tg("column"), key: "state", width: 12 },
      ],
      rows: data.cityCells.map((c) => ({
        name: ind.get(c.indicatorId)!.name,
        unit: ind.get(c.indicatorId)!.unit,
        actual: c.actual,
        target: c.target,
        completion: c.completion,
        expected: c.expected,
        gap: c.gapPoints,
        yoy: c.yoyGrowth,
        status: tf(`status.${c.status}` as never),
        state: c.state ? tg(`state.${c.state}`, { month: c.monthUsed ?? 0 }) : "",
      })),
    },
    {
      name: t("heatmap"),
      title,
      columns: [{ header: t("region"), key: "region", width: 14 }, ...data.indicators.map((i) => ({ header: i.name, key: i.id, numFmt: "0.0%", width: 12 }))],
      rows: data.counties.map((r) => ({
        region: r.name,
        ...Object.fromEntries(data.indicators.map((i) => [i.id, cell.get(`${r.id}:${i.id}`)?.completion ?? null])),
      })),
    },
    {
      name: t("completeness"),
      title,
      columns: [
        { header: t("region"), key: "region", width: 14 },
        { header: t("reportStatus"), key: "status", width: 12 },
        { header: t("submitted"), key: "submitted", width: 10 },
      ],
      rows: data.completeness.regions.map((r) => ({
        region: regionName.get(r.regionId) ?? "",
        status: tf(`report.${r.status}` as never),
        submitted: `${r.submittedCount}/${r.requiredCount}`,
      })),
    },
  ]);
}
