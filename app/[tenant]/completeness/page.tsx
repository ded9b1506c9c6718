import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/entry/PeriodPicker";
import { formatDateTime, formatPercent } from "@/lib/format";
import { requireTenantMember } from "@/lib/auth/session";
import type { TenantContext } from "@/lib/data/context";
import { getCompletenessBoard } from "@/lib/data/fills";
import { latestPeriod } from "@/lib/data/period-loader";
import { db } from "@/lib/db/client";
import { Decimal } from "@/lib/decimal";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";
import { chinaMonth, previousMonth } from "@/lib/reporting/locks";

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
  const user = await requireTenantMember(tenant);
  if (!can(user, "overview.read")) notFound();
  const t = await getTranslations("Completeness");
  const locale = await getLocale();
  const ctx: TenantContext = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const now = clock.now();
  let year = Number(one(sp.year));
  let month = Number(one(sp.month));
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100 && Number.isInteger(month) && month >= 1 && month <= 12)) {
    const latest = (await latestPeriod(db, ctx)) ?? previousMonth(chinaMonth(now));
    year = latest.year;
    month = latest.month;
  }
  const board = await getCompletenessBoard(db, ctx, { year, month }, now);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year, month, deadline: formatDateTime(board.deadline, locale) })}>
        <PeriodPicker action={`/${tenant}/completeness`} year={year} month={month} />
      </PageHeader>
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("caption", { year, month })}</caption>
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.region")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.submitted")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.returned")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.last")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {board.regions.map((r) => (
              <tr key={r.regionId} data-testid={`completeness-${r.code}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {can(user, "fill.read") ? <Link className="text-sky-800 hover:underline" href={`/${tenant}/entry?region=${r.code}&year=${year}&month=${month}`}>{r.name}</Link> : r.name}
                </th>
                <td className="px-3 py-2"><span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[r.status]}`}>{t(`status.${r.status}`)}</span></td>
                <td className="px-3 py-2 text-right tabular-nums">{r.submittedCount} / {r.requiredCount}</td>
                <td className="px-3 py-2 text-right tabular-nums">{r.returnedCount}</td>
                <td className="px-3 py-2 text-slate-700">{formatDateTime(r.lastSubmittedAt, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
