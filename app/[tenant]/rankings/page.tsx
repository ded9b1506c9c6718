import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { LazyRankingBarChart as RankingBarChart } from "@/components/charts/LazyCharts";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { StatusBadge } from "@/components/dashboard/StatusBadge";
import { Card, ExportLink, Notice, query, Section, TableWrap, TD, TD_NUM, TH } from "@/components/dashboard/bits";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getRankingsView, listIndicators, memberContext, resolvePeriod } from "@/lib/data/dashboard";
import { formatLocale, formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent, toChartNumber } from "@/lib/format";
import { can } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Rankings");
  return { title: t("title") };
}

export default async function RankingsPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  if (!can(user, "ranking.read", { tenantId: user.tenantId })) notFound();
  const ctx = memberContext(user);
  const q = parseDashboardQuery(await searchParams);
  const [{ period, latest, fellBack }, indicators] = await Promise.all([resolvePeriod(db, ctx, q), listIndicators(db, ctx)]);
  const fallbackIndicator = indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
  const known = q.indicator && indicators.some((i) => i.code === q.indicator);
  const indicatorCode = known ? q.indicator! : fallbackIndicator;
  const badIndicator = q.invalid.includes("indicator") || (!!q.indicator && !known);
  if (!indicatorCode) notFound();

  const [{ ranking, composite }, t, tf, locale] = await Promise.all([
    getRankingsView(db, ctx, indicatorCode, period),
    getTranslations("Rankings"),
    getTranslations("Format"),
    getLocale(),
  ]);
  const loc = formatLocale(locale);
  const base = `/${user.tenantSlug}`;
  const ind = ranking.indicator;
  const statusLabel = (s: string) => tf(`status.${s}` as never);
  const pq = { year: period.year, month: period.month };
  const mine = user.role === "REPORTER" ? user.regionId : null;
  const canOpen = (regionId: string) => can(user, "region.read", { tenantId: user.tenantId, regionId });
  const expectedPercent = toChartNumber(ranking.expected, 4)! * 100;
  const laggards = new Set(ranking.laggardRegionIds);
  const isReporter = user.role === "REPORTER";

  return (
    <>
      <PageHeader title={t(isReporter ? "myTitle" : "title")} description={t("description", { name: ind.name, year: period.year, month: period.month })}>
        <PeriodPicker
          action={`${base}/rankings`}
          year={period.year}
          month={period.month}
          latestYear={latest.year}
          indicator={indicatorCode}
          indicators={indicators.map((i) => ({ code: i.code, name: i.name }))}
        />
      </PageHeader>
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {badIndicator ? <Notice>{t("invalidIndicator", { name: indicators.find((i) => i.code === indicatorCode)?.name ?? indicatorCode })}</Notice> : null}

      <Section title={t("chartTitle", { name: ind.name })} id="chart">
        <Card>
          <p className="mb-2 text-sm text-slate-700">
            {t("expectedLine", { expected: formatPercent(ranking.expected) })}
            {" · "}
            {t("cityCompletion", { completion: formatPercent(ranking.city.completion) })}
          </p>
          <RankingBarChart
            title={t("chartTitle", { name: ind.name })}
            expectedPercent={expectedPercent}
            expectedLabel={t("expected")}
            completionLabel={t("completion")}
            bars={ranking.entries.map((e) => ({
              name: e.region.name,
              completion: e.completion === null ? null : toChartNumber(e.completion, 6)! * 100,
              rank: e.rank,
              status: e.status,
              statusLabel: statusLabel(e.status),
            }))}
          />
          <p className="mt-1 text-xs text-slate-600">{t("chartHelp")}</p>
        </Card>
      </Section>

      <Section
        title={t("tableTitle")}
        id="table"
        actions={<ExportLink href={`${base}/rankings/export${query({ ...pq, indicator: indicatorCode })}`} label={t("export")} />}
      >
        <TableWrap caption={t("tableTitle")}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>{t("rank")}</th>
              <th scope="col" className={TH}>{t("region")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("actual", { unit: ind.unit })}</th>
              <th scope="col" className={`${TH} text-right`}>{t("target", { unit: ind.unit })}</th>
              <th scope="col" className={`${TH} text-right`}>{t("completion")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("gap")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("yoy")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("rankChange")}</th>
              <th scope="col" className={TH}>{t("status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ranking.entries.map((e) => (
              <tr key={e.regionId} className={e.regionId === mine ? "bg-brand-50" : laggards.has(e.regionId) ? "bg-red-50/40" : undefined} data-testid={`rank-row-${e.region.code}`}>
                <td className={TD_NUM}>{e.rank ?? "—"}</td>
                <th scope="row" className={`${TD} font-medium`}>
                  {canOpen(e.regionId) ? (
                    <Link href={`${base}/regions/${e.region.code}${query({ ...pq, indicator: indicatorCode })}`} className="text-brand-700 hover:underline">
                      {e.region.name}
                    </Link>
                  ) : (
                    e.region.name
                  )}
                  {e.regionId === mine ? <span className="ml-1 text-xs text-slate-600">{t("mine")}</span> : null}
                </th>
                <td className={TD_NUM}>{formatMeasure(e.actual, ind.precision)}</td>
                <td className={TD_NUM}>{formatMeasure(e.target, ind.precision)}</td>
                <td className={TD_NUM}>{formatPercent(e.completion)}</td>
                <td className={TD_NUM}>{formatPoints(e.gapPoints, loc)}</td>
                <td className={TD_NUM}>{formatSignedPercent(e.yoyGrowth)}</td>
                <td className={TD_NUM}>{e.rankChange === null ? "—" : e.rankChange > 0 ? `↑${e.rankChange}` : e.rankChange < 0 ? `↓${-e.rankChange}` : "="}</td>
                <td className={TD}><StatusBadge status={e.status} label={statusLabel(e.status)} /></td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
        {ranking.laggardRegionIds.length > 0 ? (
          <p className="mt-2 text-sm text-slate-800" data-testid="laggards">
            {t("laggards", {
              names: ranking.laggardRegionIds.map((id) => ranking.entries.find((e) => e.regionId === id)?.region.name).join("、"),
            })}
          </p>
        ) : null}
      </Section>

      <Section
        title={t("compositeTitle")}
        id="composite"
        actions={<ExportLink href={`${base}/rankings/export${query({ ...pq, table: "composite" })}`} label={t("export")} />}
      >
        <TableWrap caption={t("compositeTitle")}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={TH}>{t("rank")}</th>
              <th scope="col" className={TH}>{t("region")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("targetScore")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("bonusScore")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("total")}</th>
              <th scope="col" className={TH}>{t("tier")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {composite.entries.map((e) => (
              <tr key={e.regionId} className={e.regionId === mine ? "bg-brand-50" : undefined}>
                <td className={TD_NUM}>{e.rank ?? "—"}</td>
                <th scope="row" className={`${TD} font-medium`}>{e.region.name}</th>
                <td className={TD_NUM}>{formatScore(e.targetScore)}</td>
                <td className={TD_NUM}>{formatScore(e.bonusScore)}</td>
                <td className={TD_NUM}>{formatScore(e.total)}</td>
                <td className={TD}>{e.tier ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </TableWrap>
      </Section>
    </>
  );
}
