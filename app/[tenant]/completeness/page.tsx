import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportingBanner } from "@/components/dashboard/FigureState";
import { PageHeader } from "@/components/PageHeader";
import { RowHeader } from "@/components/dashboard/bits";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { formatDateTime, formatPercent } from "@/lib/format";
import { requireTenantPage } from "@/lib/auth/guard";
import { Decimal } from "@/lib/decimal";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";
import { ScopeBreadcrumbs } from "@/components/dashboard/Breadcrumbs";
import { pageScope } from "../scope";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Completeness");
  return { title: t("title") };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const STATUS_CLASS: Record<string, string> = {
  COMPLETE: "bg-emerald-100 text-emerald-900",
  LATE: "bg-amber-100 text-amber-900",
  PENDING: "bg-slate-100 text-slate-800",
  OVERDUE: "bg-red-100 text-red-900",
};

export default async function CompletenessPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const sp = await searchParams;
  const { user, data } = await requireTenantPage(params, "overview.read");
  const t = await getTranslations("Completeness");
  const locale = await getLocale();
  const now = clock.now();
  let year = Number(one(sp.year));
  let month = Number(one(sp.month));
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100 && Number.isInteger(month) && month >= 1 && month <= 12)) {
    const latest = await data.latestReportedPeriod(now);
    year = latest.year;
    month = latest.month;
  }
  const scope = await pageScope(data, parseDashboardQuery(sp));
  const [board, reporting, latest, years] = await Promise.all([data.completenessBoard({ year, month }, now, scope.parentId), data.monthReporting({ year, month }, now, scope.parentId), data.latestReportedPeriod(now), data.years()]);
  const mayOpen = can(user, "fill.read");
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year, month, deadline: formatDateTime(board.deadline, locale) })}>
        <PeriodPicker action={`/${tenant}/completeness`} year={year} month={month} years={years} regionCode={scope.parentId ? scope.path.at(-1)!.code : undefined} />
      </PageHeader>
      <ScopeBreadcrumbs path={scope.path} href={`/${tenant}/completeness`} />
      <ReportingBanner reporting={reporting} latest={latest} />
      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {(["COMPLETE", "LATE", "PENDING", "OVERDUE"] as const).map((s) => (
          <div key={s} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{t(`status.${s}`)}</dt>
            <dd className="text-2xl font-semibold text-slate-900" data-testid={`count-${s}`}>{board.counts[s]}</dd>
          </div>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-xs text-slate-600">{t("rate")}</dt>
          <dd className="text-2xl font-semibold text-slate-900">{formatPercent(board.submissionRate === null ? null : new Decimal(board.submissionRate))}</dd>
        </div>
      </dl>
      <Table caption={t("caption", { year, month })}>
        <THead>
          <Th>{t("columns.region")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th numeric>{t("columns.submitted")}</Th>
          <Th numeric>{t("columns.returned")}</Th>
          <Th>{t("columns.last")}</Th>
        </THead>
        <TBody>
          {board.regions.map((r) => (
            <tr key={r.regionId} data-testid={`completeness-${r.code}`}>
              <RowHeader className="text-left font-medium text-slate-900">
                {mayOpen ? <Link className="text-sky-800 hover:underline" href={`/${tenant}/entry?region=${r.code}&year=${year}&month=${month}`}>{r.name}</Link> : r.name}
              </RowHeader>
              <Td>
                <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[r.status]}`}>{t(`status.${r.status}`)}</span>
              </Td>
              <Td numeric>
                {r.submittedCount} / {r.requiredCount}
              </Td>
              <Td numeric>{r.returnedCount}</Td>
              <Td className="text-slate-700">{formatDateTime(r.lastSubmittedAt, locale)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
