import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { Notice, type Translate } from "@/components/dashboard/bits";
import "./overview.css";
import { countyLags, splitIndicators } from "@/components/dashboard/first-screen";
import { CompletenessSummary, CompositeExtremes, Heatmap, IndicatorList, LaggardSummary, OpenNotes, OtherIndicators, type OverviewView } from "@/components/dashboard/overview";
import { ReportingBanner, StateLegend } from "@/components/dashboard/FigureState";
import { OverviewMap } from "@/components/dashboard/map-sections";
import { SetupChecklist } from "@/components/admin/SetupChecklist";
import { scopeArea, unitsLevel } from "@/lib/admin/wording";
import { requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { formatLocale } from "@/lib/format";
import { can } from "@/lib/permissions";
import { chinaMonth } from "@/lib/reporting/locks";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";
import { ScopeBreadcrumbs } from "@/components/dashboard/Breadcrumbs";
import { pageScope } from "../scope";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Overview");
  return { title: t("title") };
}

/**
 * The leader's page: who is behind, on what, by how much first (the laggard summary by
 * county, then the scored indicators in lines); the heat map, completeness, the composite's
 * ends and the notes below; indicators without a target or weight folded away at the end.
 * Everything renders on the server: the browser gets markup, not the period's data set.
 */
export default async function OverviewPage({ params, searchParams }: Props) {
  const { user, data: tenantData } = await requireTenantPage(params, "overview.read");
  const q = parseDashboardQuery(await searchParams);
  const [{ period, latest, fellBack }, scope] = await Promise.all([tenantData.resolvePeriod(q), pageScope(tenantData, q)]);
  const [data, reporting, notes, wording, t, tf, locale, years] = await Promise.all([
    tenantData.overview(period, scope.parentId),
    tenantData.monthReporting(period, clock.now(), scope.parentId),
    tenantData.notes({ status: "OPEN", take: 20 }),
    tenantData.wording(),
    getTranslations("Overview"),
    getTranslations("Format"),
    getLocale(),
    tenantData.years(),
  ]);
  // the administrator's home carries the first-run checklist until the tenant is set up
  const setup = can(user, "settings.manage") ? await tenantData.setupProgress(chinaMonth(clock.now()).year) : null;
  const base = `/${user.tenantSlug}`;
  // the scope's words: its own area word (全省 at the root, 全州 under 湘西州) and its regions' level
  const area = scopeArea(scope, wording.areaWord);
  const v: OverviewView = { data, period, base, t: t as Translate, tf: tf as Translate, loc: formatLocale(locale), units: unitsLevel(scope) };
  const { scored, other } = splitIndicators(data);
  const lags = countyLags(data, new Set(scored.map((i) => i.id)));

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year: period.year, month: period.month, area })}>
        <PeriodPicker action={`${base}/overview`} year={period.year} month={period.month} years={years} regionCode={scope.parentId ? q.region : undefined} />
      </PageHeader>
      <ScopeBreadcrumbs path={scope.path} href={`${base}/overview`} />
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {setup ? <SetupChecklist progress={setup} base={base} /> : null}
      <ReportingBanner reporting={reporting} latest={latest} />
      <LaggardSummary v={v} lags={lags} />
      <IndicatorList v={v} indicators={scored} />
      <OverviewMap v={v} map={tenantData.countyMap()} />
      <Heatmap v={v} indicators={scored} />
      <div className="grid gap-8 lg:grid-cols-2">
        <CompositeExtremes v={v} />
        <CompletenessSummary v={v} />
      </div>
      <OpenNotes notes={notes} base={base} t={v.t} />
      <OtherIndicators v={v} indicators={other} />
      <StateLegend rules={data} area={area} units={v.units} />
    </>
  );
}
