/** The sections of a county page (/{tenant}/regions/{code}), one component each. */
import type { ReactNode } from "react";
import Link from "next/link";
import { LazyTrendLineChart as TrendLineChart } from "@/components/charts/LazyCharts";
import { StatusBadge } from "@/components/dashboard/StatusBadge";
import { ChildTargetMark, StateMark } from "@/components/dashboard/FigureState";
import { neededText } from "@/components/dashboard/needed";
import { Card, ExportLink, query, RowHeader, Section, type Translate } from "@/components/dashboard/bits";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import type { Period } from "@/lib/data/context";
import type { TenantData } from "@/lib/data/tenant";
import { formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent, toChartNumber, type formatLocale } from "@/lib/format";

type Detail = Awaited<ReturnType<TenantData["regionDetail"]>>;
type Selected = Detail["indicators"][number];

/** What every section needs: the figures, where links go, and the translations. */
export interface RegionView {
  data: Detail;
  period: Period;
  /** `/{tenant}` */
  base: string;
  t: Translate;
  tf: Translate;
  loc: ReturnType<typeof formatLocale>;
}

const pq = (period: Period, more: Record<string, string> = {}) => query({ year: period.year, month: period.month, ...more });

/** Back to the region list, for members who may list every region. */
export function RegionBreadcrumb({ v, label, listLabel }: { v: RegionView; label: string; listLabel: string }) {
  return (
    <nav aria-label={label} className="mb-3 text-sm">
      <Link href={`${v.base}/regions${pq(v.period)}`} className="text-brand-700 underline-offset-2 hover:underline">
        {listLabel}
      </Link>
      <span aria-hidden="true" className="mx-2 text-slate-400">/</span>
      <span className="text-slate-600">{v.data.region.name}</span>
    </nav>
  );
}

function Figure({ label, children, strong = false }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={strong ? "font-semibold tabular-nums" : "tabular-nums"}>{children}</dd>
    </div>
  );
}

function TrendFigures({ v, selected }: { v: RegionView; selected: Selected }) {
  const { t, tf, loc } = v;
  const { cell, indicator: ind } = selected;
  const needed = neededText(cell.outlook, ind, t);
  return (
    <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
      <Figure label={t("actual")} strong>
        {formatMeasure(cell.actual, ind.precision, ind.unit)}
        <StateMark state={cell.state} monthUsed={cell.monthUsed} />
      </Figure>
      <Figure label={t("target")}>
        {formatMeasure(cell.target, ind.precision, ind.unit)}
        <ChildTargetMark cell={cell} />
      </Figure>
      <Figure label={t("completion")}>
        {formatPercent(cell.completion)} <StatusBadge status={cell.status} label={tf(`status.${cell.status}`)} />
      </Figure>
      <Figure label={t("gap")}>{formatPoints(cell.gapPoints, loc)}</Figure>
      <Figure label={t("yoy")}>{formatSignedPercent(cell.yoyGrowth)}</Figure>
      <Figure label={t("projected")}>
        {formatMeasure(cell.outlook.projected, ind.precision, ind.unit)} ({formatPercent(cell.outlook.projectedCompletion)})
        {cell.outlook.shortHistory !== undefined ? (
          <span className="block text-xs text-amber-800" data-testid="short-history">
            {t("shortHistory", { months: cell.outlook.shortHistory, shape: cell.outlook.shape ?? "LINEAR" })}
          </span>
        ) : null}
      </Figure>
      <Figure label={t("needed")}>{needed}</Figure>
      <Figure label={t("rank")}>{cell.rank ?? "—"}</Figure>
    </dl>
  );
}

function TrendTable({ v, selected }: { v: RegionView; selected: Selected }) {
  const { period, t } = v;
  const ind = selected.indicator;
  return (
    <Table caption={t("trendTitle", { name: ind.name })}>
      <THead>
        <Th>{t("month")}</Th>
        <Th numeric>{t("seriesActual", { year: period.year })}</Th>
        <Th numeric>{t("seriesPace")}</Th>
        <Th numeric>{t("seriesLastYear", { year: period.year - 1 })}</Th>
        <Th numeric>{t("rank")}</Th>
      </THead>
      <TBody>
        {selected.series.map((p) => (
          <tr key={p.month}>
            <RowHeader className="text-slate-800">{t("monthShort", { month: p.month })}</RowHeader>
            <Td numeric>{formatMeasure(p.actual, ind.precision)}</Td>
            <Td numeric>{formatMeasure(p.targetPace, ind.precision)}</Td>
            <Td numeric>{formatMeasure(p.lastYear, ind.precision)}</Td>
            <Td numeric>{selected.rankHistory.find((r) => r.month === p.month)?.rank ?? "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The selected indicator: its figures, the year's trend as a chart and as a table. */
export function IndicatorTrend({ v, selected }: { v: RegionView; selected: Selected }) {
  const { period, t } = v;
  const ind = selected.indicator;
  return (
    <Section title={t("trendTitle", { name: ind.name })} id="trend">
      <Card>
        <TrendFigures v={v} selected={selected} />
        <TrendLineChart
          title={t("trendTitle", { name: ind.name })}
          unit={ind.unit}
          labels={{ actual: t("seriesActual", { year: period.year }), targetPace: t("seriesPace"), lastYear: t("seriesLastYear", { year: period.year - 1 }) }}
          points={selected.series.map((p) => ({
            month: t("monthShort", { month: p.month }),
            actual: toChartNumber(p.actual),
            targetPace: toChartNumber(p.targetPace),
            lastYear: toChartNumber(p.lastYear),
          }))}
        />
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-brand-700">{t("asTable")}</summary>
          <div className="mt-2">
            <TrendTable v={v} selected={selected} />
          </div>
        </details>
      </Card>
    </Section>
  );
}

export function AllIndicators({ v, selectedId }: { v: RegionView; selectedId: string | undefined }) {
  const { data, period, base, t, tf, loc } = v;
  const page = `${base}/regions/${data.region.code}`;
  return (
    <Section title={t("allIndicators")} id="indicators" actions={<ExportLink href={`${page}/export${pq(period)}`} label={t("export")} />}>
      <Table caption={t("allIndicators")}>
        <THead>
          <Th>{t("indicator")}</Th>
          <Th numeric>{t("actual")}</Th>
          <Th numeric>{t("target")}</Th>
          <Th numeric>{t("completion")}</Th>
          <Th numeric>{t("gap")}</Th>
          <Th numeric>{t("yoy")}</Th>
          <Th numeric>{t("projectedCompletion")}</Th>
          <Th numeric>{t("rank")}</Th>
          <Th>{t("status")}</Th>
        </THead>
        <TBody>
          {data.indicators.map((i) => (
            <tr key={i.indicator.id} className={i.indicator.id === selectedId ? "bg-brand-50" : undefined}>
              <RowHeader>
                <Link href={`${page}${pq(period, { indicator: i.indicator.code })}#trend`} className="text-brand-700 hover:underline">
                  {i.indicator.name}
                </Link>
              </RowHeader>
              <Td numeric>
                {formatMeasure(i.cell.actual, i.indicator.precision, i.indicator.unit)}
                <StateMark state={i.cell.state} monthUsed={i.cell.monthUsed} />
              </Td>
              <Td numeric>{formatMeasure(i.cell.target, i.indicator.precision, i.indicator.unit)}</Td>
              <Td numeric>
                {formatPercent(i.cell.completion)}
                <ChildTargetMark cell={i.cell} />
              </Td>
              <Td numeric>{formatPoints(i.cell.gapPoints, loc)}</Td>
              <Td numeric>{formatSignedPercent(i.cell.yoyGrowth)}</Td>
              <Td numeric>{formatPercent(i.cell.outlook.projectedCompletion)}</Td>
              <Td numeric>{i.cell.rank ?? "—"}</Td>
              <Td>
                <StatusBadge status={i.cell.status} label={tf(`status.${i.cell.status}`)} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}

export function CompositeHistory({ v }: { v: RegionView }) {
  const { data, t } = v;
  return (
    <Section title={t("compositeHistory")} id="composite">
      <Table caption={t("compositeHistory")}>
        <THead>
          <Th>{t("month")}</Th>
          <Th numeric>{t("score")}</Th>
          <Th numeric>{t("rank")}</Th>
        </THead>
        <TBody>
          {data.compositeHistory.map((h) => (
            <tr key={h.month}>
              <RowHeader className="text-slate-800">{t("monthShort", { month: h.month })}</RowHeader>
              <Td numeric>{formatScore(h.total)}</Td>
              <Td numeric>{h.rank ?? "—"}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}
