import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { LazyTrendLineChart as TrendLineChart } from "@/components/charts/LazyCharts";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { StatusBadge } from "@/components/dashboard/StatusBadge";
import { Card, ExportLink, Notice, query, Section, TableWrap, TD, TD_NUM, TH } from "@/components/dashboard/bits";
import { NewNoteForm } from "@/components/notes/NoteForms";
import { RegionNotes } from "@/components/notes/RegionNotes";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getRegionDetail, memberContext, NotFoundError, resolvePeriod } from "@/lib/data/dashboard";
import { formatLocale, formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent, toChartNumber } from "@/lib/format";
import { can } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";

type Props = { params: Promise<{ tenant: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("County");
  return { title: t("metaTitle") };
}

export default async function RegionPage({ params, searchParams }: Props) {
  const { tenant, code } = await params;
  const user = await requireTenantMember(tenant);
  const ctx = memberContext(user);
  const region = await db.region.findUnique({ where: { tenantId_code: { tenantId: user.tenantId, code } }, select: { id: true } });
  if (!region || !can(user, "region.read", { tenantId: user.tenantId, regionId: region.id })) notFound();
  const q = parseDashboardQuery(await searchParams);
  const { period, latest, fellBack } = await resolvePeriod(db, ctx, q);
  let data;
  try {
    data = await getRegionDetail(db, ctx, code, period);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const [t, tf, tn, locale] = await Promise.all([getTranslations("County"), getTranslations("Format"), getTranslations("Nav"), getLocale()]);
  const loc = formatLocale(locale);
  const base = `/${user.tenantSlug}`;
  const statusLabel = (s: string) => tf(`status.${s}` as never);
  const selected = data.indicators.find((i) => i.indicator.code === q.indicator) ?? data.indicators.find((i) => i.cell.target !== null) ?? data.indicators[0];
  const badIndicator = q.invalid.includes("indicator") || (!!q.indicator && selected?.indicator.code !== q.indicator);
  const pq = { year: period.year, month: period.month };
  const mayWrite = can(user, "note.write", { tenantId: user.tenantId, regionId: region.id });
  const ind = selected?.indicator;

  return (
    <>
      {can(user, "overview.read") ? (
        <nav aria-label={tn("breadcrumb")} className="mb-3 text-sm">
          <Link href={`${base}/regions${query(pq)}`} className="text-brand-700 underline-offset-2 hover:underline">{tn("regions")}</Link>
          <span aria-hidden="true" className="mx-2 text-slate-400">/</span>
          <span className="text-slate-600">{data.region.name}</span>
        </nav>
      ) : null}
      <PageHeader title={data.region.name} description={t("description", { code: data.region.code, year: period.year, month: period.month })}>
        <PeriodPicker
          action={`${base}/regions/${data.region.code}`}
          year={period.year}
          month={period.month}
          latestYear={latest.year}
          indicator={ind?.code}
          indicators={data.indicators.map((i) => ({ code: i.indicator.code, name: i.indicator.name }))}
        />
      </PageHeader>
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {badIndicator && ind ? <Notice>{t("invalidIndicator", { name: ind.name })}</Notice> : null}

      <RegionNotes user={user} regionId={region.id} />
      {mayWrite ? (
        <div className="mb-8">
          <NewNoteForm
            regionId={region.id}
            year={period.year}
            month={period.month}
            indicatorId={ind?.id}
            indicators={data.indicators.map((i) => ({ id: i.indicator.id, name: i.indicator.name }))}
          />
        </div>
      ) : null}

      {selected && ind ? (
        <Section title={t("trendTitle", { name: ind.name })} id="trend">
          <Card>
            <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <div><dt className="text-xs text-slate-600">{t("actual")}</dt><dd className="font-semibold tabular-nums">{formatMeasure(selected.cell.actual, ind.precision, ind.unit)}</dd></div>
              <div><dt className="text-xs text-slate-600">{t("target")}</dt><dd className="tabular-nums">{formatMeasure(selected.cell.target, ind.precision, ind.unit)}</dd></div>
              <div><dt className="text-xs text-slate-600">{t("completion")}</dt><dd className="tabular-nums">{formatPercent(selected.cell.completion)} <StatusBadge status={selected.cell.status} label={statusLabel(selected.cell.status)} /></dd></div>
              <div><dt className="text-xs text-slate-600">{t("gap")}</dt><dd className="tabular-nums">{formatPoints(selected.cell.gapPoints, loc)}</dd></div>
              <div><dt className="text-xs text-slate-600">{t("yoy")}</dt><dd className="tabular-nums">{formatSignedPercent(selected.cell.yoyGrowth)}</dd></div>
              <div><dt className="text-xs text-slate-600">{t("projected")}</dt><dd className="tabular-nums">{formatMeasure(selected.cell.outlook.projected, ind.precision, ind.unit)} ({formatPercent(selected.cell.outlook.projectedCompletion)})</dd></div>
              <div><dt className="text-xs text-slate-600">{t("needed")}</dt><dd className="tabular-nums">{selected.cell.outlook.neededPerMonth !== null ? formatMeasure(selected.cell.outlook.neededPerMonth, ind.precision, ind.unit) : selected.cell.outlook.neededReason === "TARGET_MET" ? t("targetMet") : "—"}</dd></div>
              <div><dt className="text-xs text-slate-600">{t("rank")}</dt><dd className="tabular-nums">{selected.cell.rank ?? "—"}</dd></div>
            </dl>
            <TrendLineChart
              title={t("trendTitle", { name: ind.name })}
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
                <TableWrap caption={t("trendTitle", { name: ind.name })}>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={TH}>{t("month")}</th>
                      <th scope="col" className={`${TH} text-right`}>{t("seriesActual", { year: period.year })}</th>
                      <th scope="col" className={`${TH} text-right`}>{t("seriesPace")}</th>
                      <th scope="col" className={`${TH} text-right`}>{t("seriesLastYear", { year: period.year - 1 })}</th>
                      <th scope="col" className={`${TH} text-right`}>{t("rank")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {selected.series.map((p) => (
                      <tr key={p.month}>
                        <th scope="row" className={TD}>{t("monthShort", { month: p.month })}</th>
                        <td className={TD_NUM}>{formatMeasure(p.actual, ind.precision)}</td>
                        <td className={TD_NUM}>{formatMeasure(p.targetPace, ind.precision)}</td>
                        <td className={TD_NUM}>{formatMeasure(p.lastYear, ind.precision)}</td>
                        <td className={TD_NUM}>{selected.rankHistory.find((r) => r.month === p.month)?.rank ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </TableWrap>
              </div>
            </details>
          </Card>
        </Section>
      ) : null}

      <Section
        title={t("allIndicators")}
        id="indicators"
        actions={<ExportLink href={`${base}/regions/${data.region.code}/export${query(pq)}`} label={t("export")} />}
      >
        <TableWrap caption={t("allIndicators")}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>{t("indicator")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("actual")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("target")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("completion")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("gap")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("yoy")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("projectedCompletion")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("rank")}</th>
              <th scope="col" className={TH}>{t("status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.indicators.map((i) => (
              <tr key={i.indicator.id} className={i.indicator.id === ind?.id ? "bg-brand-50" : undefined}>
                <th scope="row" className={`${TD} font-medium`}>
                  <Link href={`${base}/regions/${data.region.code}${query({ ...pq, indicator: i.indicator.code })}#trend`} className="text-brand-700 hover:underline">
                    {i.indicator.name}
                  </Link>
                </th>
                <td className={TD_NUM}>{formatMeasure(i.cell.actual, i.indicator.precision, i.indicator.unit)}</td>
                <td className={TD_NUM}>{formatMeasure(i.cell.target, i.indicator.precision, i.indicator.unit)}</td>
                <td className={TD_NUM}>{formatPercent(i.cell.completion)}</td>
                <td className={TD_NUM}>{formatPoints(i.cell.gapPoints, loc)}</td>
                <td className={TD_NUM}>{formatSignedPercent(i.cell.yoyGrowth)}</td>
                <td className={TD_NUM}>{formatPercent(i.cell.outlook.projectedCompletion)}</td>
                <td className={TD_NUM}>{i.cell.rank ?? "—"}</td>
                <td className={TD}><StatusBadge status={i.cell.status} label={statusLabel(i.cell.status)} /></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      </Section>

      <Section title={t("compositeHistory")} id="composite">
        <TableWrap caption={t("compositeHistory")}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>{t("month")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("score")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("rank")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.compositeHistory.map((h) => (
              <tr key={h.month}>
                <th scope="row" className={TD}>{t("monthShort", { month: h.month })}</th>
                <td className={TD_NUM}>{formatScore(h.total)}</td>
                <td className={TD_NUM}>{h.rank ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      </Section>
    </>
  );
}
