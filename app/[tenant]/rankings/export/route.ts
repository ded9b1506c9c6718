import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import { xlsxResponse } from "@/lib/xlsx";
import { exportQuery } from "../../export-period";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, "ranking.read");
  if (access instanceof Response) return access;
  const { user, data } = access;
  const search = new URL(request.url).searchParams;
  const q = await exportQuery(request);
  if (q instanceof Response) return q;
  const [{ period }, indicators] = await Promise.all([data.resolvePeriod(q), data.indicators()]);
  const code = indicators.find((i) => i.code === q.indicator)?.code ?? indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
  if (!code) return new Response("Not found", { status: 404 });
  const [{ ranking, composite }, t, tf, tg] = await Promise.all([data.rankingsView(code, period), getTranslations("Rankings"), getTranslations("Format"), getTranslations("Figures")]);
  const stamp = `${period.year}-${String(period.month).padStart(2, "0")}`;
  const title = `${user.tenantName} ${ranking.indicator.name} ${stamp}`;
  if (search.get("table") === "composite") {
    return xlsxResponse(`composite-${tenant}-${stamp}.xlsx`, [
      {
        name: t("compositeSheet"),
        title: `${user.tenantName} ${t("compositeTitle")} ${stamp}`,
        columns: [
          { header: t("rank"), key: "rank", width: 8 },
          { header: t("region"), key: "region", width: 14 },
          { header: t("targetScore"), key: "targetScore", numFmt: "0.00", width: 12 },
          { header: t("bonusScore"), key: "bonusScore", numFmt: "0.00", width: 10 },
          { header: t("total"), key: "total", numFmt: "0.00", width: 12 },
          { header: t("tier"), key: "tier", width: 8 },
          { header: tg("column"), key: "state", width: 12 },
        ],
        rows: composite.entries.map((e) => ({
          rank: e.rank, region: e.region.name, targetScore: e.targetScore, bonusScore: e.bonusScore, total: e.total, tier: e.tier,
          state: e.unreported > 0 ? tg("unreportedCount", { count: e.unreported }) : "",
        })),
      },
    ]);
  }
  const unit = ranking.indicator.unit;
  return xlsxResponse(`ranking-${tenant}-${code}-${stamp}.xlsx`, [
    {
      name: t("sheet"),
      title,
      columns: [
        { header: t("rank"), key: "rank", width: 8 },
        { header: t("region"), key: "region", width: 14 },
        { header: t("actual", { unit }), key: "actual", numFmt: "#,##0.00", width: 16 },
        { header: t("target", { unit }), key: "target", numFmt: "#,##0.00", width: 16 },
        { header: t("completion"), key: "completion", numFmt: "0.0%", width: 10 },
        { header: t("gap"), key: "gap", numFmt: "0.0", width: 12 },
        { header: t("yoy"), key: "yoy", numFmt: "0.0%", width: 10 },
        { header: t("rankChange"), key: "rankChange", width: 10 },
        { header: t("status"), key: "status", width: 12 },
        { header: tg("column"), key: "state", width: 12 },
      ],
      rows: ranking.entries.map((e) => ({
        rank: e.rank,
        region: e.region.name,
        actual: e.actual,
        target: e.target,
        completion: e.completion,
        gap: e.gapPoints,
        yoy: e.yoyGrowth,
        rankChange: e.rankChange,
        status: tf(`status.${e.status}` as never),
        state: e.state ? tg(`state.${e.state}`, { month: e.monthUsed ?? 0 }) : "",
      })),
    },
  ]);
}
