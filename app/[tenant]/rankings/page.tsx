import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { Notice, type Translate } from "@/components/dashboard/bits";
import { CompositeTable, RankingChart, RankingReach, RankingTable, type RankingsView } from "@/components/dashboard/rankings";
import { ReportingBanner, StateLegend } from "@/components/dashboard/FigureState";
import { RankingMap } from "@/components/dashboard/map-sections";
import { scopeArea, unitsLevel } from "@/lib/admin/wording";
import { requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { formatLocale } from "@/lib/format";
import { boundRegion, can } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";
import { ScopeBreadcrumbs } from "@/components/dashboard/Breadcrumbs";
import { pageScope } from "../scope";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Rankings");
  return { title: t("title") };
}

export default async function RankingsPage({ params, searchParams }: Props) {
  const { user, data } = await requireTenantPage(params, "ranking.read");
  const q = parseDashboardQuery(await searchParams);
  const [{ period, latest, fellBack }, indicators, years, scope] = await Promise.all([data.resolvePeriod(q), data.indicators(), data.years(), pageScope(data, q)]);
  const fallbackIndicator = indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
  const known = q.indicator && indicators.some((i) => i.code === q.indicator);
  const indicatorCode = known ? q.indicator! : fallbackIndicator;
  const badIndicator = q.invalid.includes("indicator") || (!!q.indicator && !known);
  if (!indicatorCode) notFound();
  // ranked across the tree: as deep as the tree goes below the region shown
  const depth = q.depth ?? 1;
  if (depth > Math.max(1, scope.levels)) notFound();

  const [{ ranking, composite }, reporting, wording, t, tf, tg, locale] = await Promise.all([
    data.rankingsView(indicatorCode, period, scope.parentId, depth),
    data.monthReporting(period, clock.now(), scope.parentId),
    data.wording(),
    getTranslations("Rankings"),
    getTranslations("Format"),
    getTranslations("Figures"),
    getLocale(),
  ]);
  const base = `/${user.tenantSlug}`;
  // a region-scoped reader sees the rankings from their own region's side ("my rankings")
  const mine = boundRegion(user, "region.read");
  const v: RankingsView = {
    ranking,
    composite,
    period,
    indicatorCode,
    base,
    mine,
    canOpen: (regionId) => can(user, "region.read", { tenantId: user.tenantId, regionId }),
    area: scopeArea(scope, wording.areaWord),
    t: t as Translate,
    tf: tf as Translate,
    tg: tg as Translate,
    loc: formatLocale(locale),
  };

  return (
    <>
      <PageHeader title={t(mine !== null ? "myTitle" : "title")} description={t("description", { name: ranking.indicator.name, year: period.year, month: period.month, units: unitsLevel(scope, depth) })}>
        <PeriodPicker
          action={`${base}/rankings`}
          year={period.year}
          month={period.month}
          years={years}
          indicator={indicatorCode}
          indicators={indicators.map((i) => ({ code: i.code, name: i.name }))}
          regionCode={scope.parentId ? q.region : undefined}
          depth={depth}
        />
      </PageHeader>
      <ScopeBreadcrumbs path={scope.path} href={`${base}/rankings`} />
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {badIndicator ? <Notice>{t("invalidIndicator", { name: indicators.find((i) => i.code === indicatorCode)?.name ?? indicatorCode })}</Notice> : null}
      <ReportingBanner reporting={reporting} latest={latest} />
      <RankingReach
        v={v}
        scope={scope}
        depth={depth}
        region={scope.parentId ? { code: q.region, name: scope.path.at(-1)!.name } : { name: wording.areaWord }}
        levelName={(level) => (level ? t(`reach.levels.${level}` as never) : "")}
      />
      <RankingChart v={v} />
      <RankingMap v={v} map={data.countyMap()} />
      <RankingTable v={v} />
      <CompositeTable v={v} />
      <StateLegend rules={ranking} area={v.area} units={unitsLevel(scope, depth)} />
    </>
  );
}
