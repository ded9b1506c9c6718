import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { Notice, type Translate } from "@/components/dashboard/bits";
import { AllIndicators, CompositeHistory, IndicatorTrend, RegionBreadcrumb, type RegionView } from "@/components/dashboard/region";
import { NewNoteForm } from "@/components/notes/NoteForms";
import { RegionNotes } from "@/components/notes/RegionNotes";
import { ReportingBanner, StateLegend } from "@/components/dashboard/FigureState";
import { regionNamed, requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { NotFoundError } from "@/lib/data/dashboard";
import type { TenantData } from "@/lib/data/tenant";
import { formatLocale } from "@/lib/format";
import { can } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";

type Props = { params: Promise<{ tenant: string; code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("County");
  return { title: t("metaTitle") };
}

/** The county's figures of the period, or the not-found page when it has none to show. */
async function detail(data: TenantData, code: string, period: RegionView["period"]) {
  try {
    return await data.regionDetail(code, period);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/** Links to the dashboards of the region's children (`?region=`), for a region between the root and the leaves. */
async function ChildDashboards({ data, code, base, show }: { data: TenantData; code: string; base: string; show: boolean }) {
  if (!show) return null;
  const scope = await data.dashboardScope(code).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!scope?.parentId) return null;
  const t = await getTranslations("County");
  const name = scope.path.at(-1)!.name;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50";
  return (
    <nav aria-label={t("childDashboards", { name })} className="mb-6 flex flex-wrap gap-2" data-testid="child-dashboards">
      <Link href={`${base}/overview?region=${code}`} className={link}>{t("childOverview")}</Link>
      <Link href={`${base}/rankings?region=${code}`} className={link}>{t("childRankings")}</Link>
      <Link href={`${base}/completeness?region=${code}`} className={link}>{t("childCompleteness")}</Link>
    </nav>
  );
}

export default async function RegionPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { user, data: tenantData, resource: region } = await requireTenantPage(params, "region.read", regionNamed(code));
  if (!region) notFound();
  const q = parseDashboardQuery(await searchParams);
  const [{ period, latest, fellBack }, years] = await Promise.all([tenantData.resolvePeriod(q), tenantData.years()]);
  const [data, reporting, wording] = await Promise.all([detail(tenantData, code, period), tenantData.monthReporting(period, clock.now()), tenantData.wording()]);
  const [t, tf, tn, locale] = await Promise.all([getTranslations("County"), getTranslations("Format"), getTranslations("Nav"), getLocale()]);
  const v: RegionView = { data, period, base: `/${user.tenantSlug}`, t: t as Translate, tf: tf as Translate, loc: formatLocale(locale) };
  const selected = data.indicators.find((i) => i.indicator.code === q.indicator) ?? data.indicators.find((i) => i.cell.target !== null) ?? data.indicators[0];
  const badIndicator = q.invalid.includes("indicator") || (!!q.indicator && selected?.indicator.code !== q.indicator);
  const mayWrite = can(user, "note.write", { tenantId: user.tenantId, regionId: region.id });
  const ind = selected?.indicator;
  const indicatorList = data.indicators.map((i) => i.indicator);

  return (
    <>
      {can(user, "overview.read") ? <RegionBreadcrumb v={v} label={tn("breadcrumb")} listLabel={tn("regions")} /> : null}
      <PageHeader title={data.region.name} description={t("description", { code: data.region.code, year: period.year, month: period.month })}>
        <PeriodPicker
          action={`${v.base}/regions/${data.region.code}`}
          year={period.year}
          month={period.month}
          years={years}
          indicator={ind?.code}
          indicators={indicatorList.map((i) => ({ code: i.code, name: i.name }))}
        />
      </PageHeader>
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {badIndicator && ind ? <Notice>{t("invalidIndicator", { name: ind.name })}</Notice> : null}
      <ReportingBanner reporting={reporting} latest={latest} />
      <ChildDashboards data={tenantData} code={data.region.code} base={v.base} show={can(user, "overview.read")} />

      <RegionNotes user={user} data={tenantData} regionId={region.id} />
      {mayWrite ? (
        <div className="mb-8">
          <NewNoteForm regionId={region.id} year={period.year} month={period.month} indicatorId={ind?.id} indicators={indicatorList.map((i) => ({ id: i.id, name: i.name }))} />
        </div>
      ) : null}

      {selected ? <IndicatorTrend v={v} selected={selected} /> : null}
      <AllIndicators v={v} selectedId={ind?.id} />
      <CompositeHistory v={v} />
      <StateLegend rules={data} area={wording.areaWord} />
    </>
  );
}
