import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { Notice, type Translate } from "@/components/dashboard/bits";
import { CityCards, CompletenessSummary, CompositeExtremes, Heatmap, Laggards, OpenNotes, type OverviewView } from "@/components/dashboard/overview";
import { ReportingBanner, StateLegend } from "@/components/dashboard/FigureState";
import { requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { formatLocale } from "@/lib/format";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";
import { ScopeBreadcrumbs } from "@/components/dashboard/Breadcrumbs";
import { pageScope } from "../scope";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Overview");
  return { title: t("title") };
}

export default async function OverviewPage({ params, searchParams }: Props) {
  const { user, data: tenantData } = await requireTenantPage(params, "overview.read");
  const q = parseDashboardQuery(await searchParams);
  const [{ period, latest, fellBack }, scope] = await Promise.all([tenantData.resolvePeriod(q), pageScope(tenantData, q)]);
  const [data, reporting, notes, t, tf, locale, years] = await Promise.all([
    tenantData.overview(period, scope.parentId),
    tenantData.monthReporting(period, clock.now()),
    tenantData.notes({ status: "OPEN", take: 20 }),
    getTranslations("Overview"),
    getTranslations("Format"),
    getLocale(),
    tenantData.years(),
  ]);
  const base = `/${user.tenantSlug}`;
  const v: OverviewView = { data, period, base, t: t as Translate, tf: tf as Translate, loc: formatLocale(locale) };

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year: period.year, month: period.month })}>
        <PeriodPicker action={`${base}/overview`} year={period.year} month={period.month} years={years} regionCode={scope.parentId ? q.region : undefined} />
      </PageHeader>
      <ScopeBreadcrumbs path={scope.path} href={`${base}/overview`} />
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      <ReportingBanner reporting={reporting} latest={latest} />
      <CityCards v={v} />
      <Heatmap v={v} />
      <div className="grid gap-8 lg:grid-cols-2">
        <Laggards v={v} />
        <CompletenessSummary v={v} />
      </div>
      <CompositeExtremes v={v} />
      <StateLegend rules={data} />
      <OpenNotes notes={notes} base={base} t={v.t} />
    </>
  );
}
