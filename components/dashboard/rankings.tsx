/** The sections of the rankings page (/{tenant}/rankings), one component each. */
import Link from "next/link";
import { LazyRankingBarChart as RankingBarChart } from "@/components/charts/LazyCharts";
import { StatusBadge } from "@/components/dashboard/StatusBadge";
import { ChildTargetMark, StateMark } from "@/components/dashboard/FigureState";
import { Card, ExportLink, query, RowHeader, Section, type Translate } from "@/components/dashboard/bits";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import type { Period } from "@/lib/data/context";
import type { TenantData } from "@/lib/data/tenant";
import { formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent, toChartNumber, type formatLocale } from "@/lib/format";

type View = Awaited<ReturnType<TenantData["rankingsView"]>>;

/** What every section needs: the figures, where links go, whose region is highlighted, the translations. */
export interface RankingsView {
  ranking: View["ranking"];
  composite: View["composite"];
  period: Period;
  indicatorCode: string;
  /** `/{tenant}` */
  base: string;
  /** the member's own region, highlighted (region-scoped readers), else null */
  mine: string | null;
  /** may the member open this region's page? */
  canOpen: (regionId: string) => boolean;
  /** the tenant's area word (全州) */
  area: string;
  t: Translate;
  tf: Translate;
  /** the figures' states (Figures) */
  tg: Translate;
  loc: ReturnType<typeof formatLocale>;
}

export function RankingChart({ v }: { v: RankingsView }) {
  const { ranking, t, tf, tg } = v;
  const name = ranking.indicator.name;
  return (
    <Section title={t("chartTitle", { name })} id="chart">
      <Card>
        <p className="mb-2 text-sm text-slate-700">
          {t("expectedLine", { expected: formatPercent(ranking.expected) })}
          {" · "}
          {t("cityCompletion", { completion: formatPercent(ranking.city.completion), area: v.area })}
          <ChildTargetMark cell={ranking.city} />
        </p>
        <RankingBarChart
          title={t("chartTitle", { name })}
          expectedPercent={toChartNumber(ranking.expected, 4)! * 100}
          expectedLabel={t("expected")}
          completionLabel={t("completion")}
          bars={ranking.entries.map((e) => ({
            // the chart's tooltip and axis carry the mark of a figure not (yet) approved
            name: e.state === "MISSING" || e.state === "SUBMITTED" ? `${e.region.name}（${tg(`stateName.${e.state}`)}）` : e.region.name,
            completion: e.completion === null ? null : toChartNumber(e.completion, 6)! * 100,
            rankLabel: e.rank === null ? "" : tf("rankNth", { rank: e.rank }),
            status: e.status,
            statusLabel: tf(`status.${e.status}`),
          }))}
        />
        <p className="mt-1 text-xs text-slate-600">{t("chartHelp")}</p>
      </Card>
    </Section>
  );
}

/** 上升2位 ↑ / 下降1位 ↓ / 持平: the words carry it, the arrow is for the eye. */
function rankChange(change: number | null, tf: Translate): string {
  if (change === null) return "—";
  if (change > 0) return `↑${tf("rankUp", { n: change })}`;
  return change < 0 ? `↓${tf("rankDown", { n: -change })}` : tf("rankSame");
}

export function RankingTable({ v }: { v: RankingsView }) {
  const { ranking, period, indicatorCode, base, mine, canOpen, t, tf, loc } = v;
  const ind = ranking.indicator;
  const laggards = new Set(ranking.laggardRegionIds);
  const here = query({ year: period.year, month: period.month, indicator: indicatorCode });
  return (
    <Section title={t("tableTitle")} id="table" actions={<ExportLink href={`${base}/rankings/export${here}`} label={t("export")} />}>
      <Table caption={t("tableTitle")}>
        <THead>
          <Th>{t("rank")}</Th>
          <Th>{t("region")}</Th>
          <Th numeric>{t("actual", { unit: ind.unit })}</Th>
          <Th numeric>{t("target", { unit: ind.unit })}</Th>
          <Th numeric>{t("completion")}</Th>
          <Th numeric>{t("gap")}</Th>
          <Th numeric>{t("yoy")}</Th>
          <Th numeric>{t("rankChange")}</Th>
          <Th>{t("status")}</Th>
        </THead>
        <TBody>
          {ranking.entries.map((e) => (
            <tr key={e.regionId} className={e.regionId === mine ? "bg-brand-50" : laggards.has(e.regionId) ? "bg-red-50/40" : undefined} data-testid={`rank-row-${e.region.code}`}>
              <Td numeric>{e.rank ?? "—"}</Td>
              <RowHeader>
                {canOpen(e.regionId) ? (
                  <Link href={`${base}/regions/${e.region.code}${here}`} className="text-brand-700 hover:underline">
                    {e.region.name}
                  </Link>
                ) : (
                  e.region.name
                )}
                {e.regionId === mine ? <span className="ml-1 text-xs text-slate-600">{t("mine")}</span> : null}
              </RowHeader>
              <Td numeric>
                {formatMeasure(e.actual, ind.precision)}
                <StateMark state={e.state} monthUsed={e.monthUsed} />
              </Td>
              <Td numeric>{formatMeasure(e.target, ind.precision)}</Td>
              <Td numeric>
                {formatPercent(e.completion)}
                <ChildTargetMark cell={e} />
              </Td>
              <Td numeric>{formatPoints(e.gapPoints, loc)}</Td>
              <Td numeric>{formatSignedPercent(e.yoyGrowth)}</Td>
              <Td numeric>{rankChange(e.rankChange, tf)}</Td>
              <Td>
                <StatusBadge status={e.status} label={tf(`status.${e.status}`)} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      {ranking.laggardRegionIds.length > 0 ? (
        <p className="mt-2 text-sm text-slate-800" data-testid="laggards">
          {t("laggards", { names: ranking.laggardRegionIds.map((id) => ranking.entries.find((e) => e.regionId === id)?.region.name).join("、") })}
        </p>
      ) : null}
    </Section>
  );
}

export function CompositeTable({ v }: { v: RankingsView }) {
  const { composite, period, base, mine, t, tg } = v;
  const exportHref = `${base}/rankings/export${query({ year: period.year, month: period.month, table: "composite" })}`;
  return (
    <Section title={t("compositeTitle")} id="composite" actions={<ExportLink href={exportHref} label={t("export")} />}>
      <Table caption={t("compositeTitle")}>
        <THead>
          <Th>{t("rank")}</Th>
          <Th>{t("region")}</Th>
          <Th numeric>{t("targetScore")}</Th>
          <Th numeric>{t("bonusScore")}</Th>
          <Th numeric>{t("total")}</Th>
          <Th>{t("tier")}</Th>
        </THead>
        <TBody>
          {composite.entries.map((e) => (
            <tr key={e.regionId} className={e.regionId === mine ? "bg-brand-50" : undefined}>
              <Td numeric>{e.rank ?? "—"}</Td>
              <RowHeader>
                {e.region.name}
                {e.unreported > 0 ? <span className="ml-1 rounded border border-red-300 bg-red-50 px-1 text-[11px] font-normal text-red-900" data-state="MISSING">{tg("unreportedCount", { count: e.unreported })}</span> : null}
              </RowHeader>
              <Td numeric>{formatScore(e.targetScore)}</Td>
              <Td numeric>{formatScore(e.bonusScore)}</Td>
              <Td numeric>{formatScore(e.total)}</Td>
              <Td>{e.tier ?? "—"}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}

/**
 * Which regions the page ranks: the children of the region shown, or every region one or more
 * levels further down (全省各县: every county of a province across its cities).
 */
export function RankingReach({ v, scope, depth, region, levelName }: { v: RankingsView; scope: { levels: number; levelNames: string[] }; depth: number; region: { code?: string; name: string }; levelName: (level: string) => string }) {
  if (scope.levels < 2) return null;
  return (
    <nav aria-label={v.t("reach.label")} className="mb-4 flex flex-wrap items-center gap-2 text-sm" data-testid="ranking-reach">
      <span className="text-slate-600">{v.t("reach.label")}</span>
      {scope.levelNames.map((level, k) => {
        const d = k + 1;
        const label = v.t("reach.level", { area: region.name, level: levelName(level) });
        const href = `${v.base}/rankings${query({ year: v.period.year, month: v.period.month, indicator: v.indicatorCode, region: region.code, depth: d > 1 ? d : undefined })}`;
        return d === depth ? (
          <span key={d} aria-current="page" className="rounded-full bg-brand-700 px-3 py-1 font-medium text-white">{label}</span>
        ) : (
          <Link key={d} href={href} className="rounded-full border border-slate-300 px-3 py-1 text-brand-700 hover:bg-slate-50">{label}</Link>
        );
      })}
    </nav>
  );
}
