import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { Notice, type Translate } from "@/components/dashboard/bits";
import { CityCards, CompletenessSummary, CompositeExtremes, Heatmap, Laggards, OpenNotes, type OverviewView } from "@/components/dashboard/overview";
import { ReportingBanner, StateLegend } from "@/components/dashboard/FigureState";
import { SetupChecklist } from "@/components/admin/SetupChecklist";
import { requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { formatLocale } from "@/lib/format";
import { can } from "@/lib/permissions";
import { chinaMonth } from "@/lib/reporting/locks";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Overview");
  return { title: t("title") };
}

export default async function OverviewPage({ params, searchParams }: Props) {
  const { user, data: tenantData } = await requireTenantPage(params, "overview.read");
  const q = parseDashboardQuery(await searchParams);
  const { period, latest, fellBack } = await tenantData.resolvePeriod(q);
  const [data, reporting, notes, wording, t, tf, locale, years] = await Promise.all([
    tenantData.overview(period),
    tenantData.monthReporting(period, clock.now()),
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
  const v: OverviewView = { data, period, base, t: t as Translate, tf: tf as Translate, loc: formatLocale(locale) };

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year: period.year, month: period.month, area: wording.areaWord })}>
        <PeriodPicker action={`${base}/overview`} year={period.year} month={period.month} years={years} />
      </PageHeader>
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}
      {setup ? <SetupChecklist progress={setup} base={base} /> : null}
      <ReportingBanner reporting={reporting} latest={latest} />
      <CityCards v={v} />
      <Heatmap v={v} />
      <div className="grid gap-8 lg:grid-cols-2">
        <Laggards v={v} />
        <CompletenessSummary v={v} />
      </div>
      <CompositeExtremes v={v} />
      <StateLegend rules={data} area={wording.areaWord} />
      <OpenNotes notes={notes} base={base} t={v.t} />
    </>
  );
}
