import { getTranslations } from "next-intl/server";
import { regionNamed, requireTenantRoute } from "@/lib/auth/guard";
import { xlsxResponse } from "@/lib/xlsx";
import { exportQuery } from "../../../export-period";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; code: string }> }) {
  const { tenant, code } = await params;
  const access = await requireTenantRoute(params, "region.read", regionNamed(code));
  if (access instanceof Response) return access;
  const query = await exportQuery(request);
  if (query instanceof Response) return query;
  const { period } = await access.data.resolvePeriod(query);
  const [data, t, tf, tg] = await Promise.all([access.data.regionDetail(code, period), getTranslations("County"), getTranslations("Format"), getTranslations("Figures")]);
  const stamp = `${period.year}-${String(period.month).padStart(2, "0")}`;
  return xlsxResponse(`region-${tenant}-${code}-${stamp}.xlsx`, [
    {
      name: t("sheet"),
      title: `${data.region.name} ${stamp}`,
      columns: [
        { header: t("indicator"), key: "name", width: 28 },
        { header: t("unit"), key: "unit", width: 10 },
        { header: t("actual"), key: "actual", numFmt: "#,##0.00", width: 14 },
        { header: t("target"), key: "target", numFmt: "#,##0.00", width: 14 },
        { header: t("completion"), key: "completion", numFmt: "0.0%", width: 10 },
        { header: t("gap"), key: "gap", numFmt: "0.0", width: 12 },
        { header: t("yoy"), key: "yoy", numFmt: "0.0%", width: 10 },
        { header: t("projectedCompletion"), key: "projected", numFmt: "0.0%", width: 14 },
        { header: t("needed"), key: "needed", numFmt: "#,##0.00", width: 14 },
        { header: t("rank"), key: "rank", width: 8 },
        { header: t("status"), key: "status", width: 12 },
        { header: tg("column"), key: "state", width: 12 },
      ],
      rows: data.indicators.map((i) => ({
        name: i.indicator.name,
        unit: i.indicator.unit,
        actual: i.cell.actual,
        target: i.cell.target,
        completion: i.cell.completion,
        gap: i.cell.gapPoints,
        yoy: i.cell.yoyGrowth,
        projected: i.cell.outlook.projectedCompletion,
        needed: i.cell.outlook.neededPerMonth,
        rank: i.cell.rank,
        status: tf(`status.${i.cell.status}` as never),
        state: i.cell.state ? tg(`state.${i.cell.state}`, { month: i.cell.monthUsed ?? 0 }) : "",
      })),
    },
  ]);
}
