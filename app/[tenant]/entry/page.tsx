import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { EntryForm } from "@/components/entry/EntryForm";
import { ImportPanel } from "@/components/entry/ImportPanel";
import { SheetImportForm } from "@/components/admin/SheetImportForm";
import { importHistory } from "@/lib/actions/import-history";
import { LockPanel } from "@/components/entry/LockPanel";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { RegionNotes } from "@/components/notes/RegionNotes";
import { formatDateTime } from "@/lib/format";
import { requireTenantPage } from "@/lib/auth/guard";
import { boundRegion, can, fillWriteMode } from "@/lib/permissions";
import * as clock from "@/lib/clock";
import { windowPeriods } from "@/lib/reporting/locks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("entry.title") };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function EntryPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const sp = await searchParams;
  const { user, data } = await requireTenantPage(params, "fill.read");
  const t = await getTranslations("Entry");
  const ti = await getTranslations("Import");
  const tp = await getTranslations("Pages");
  const locale = await getLocale();
  const now = clock.now();

  // A region-scoped member (a reporter) only ever sees their own region, from the session; others pick a county.
  const own = boundRegion(user, "fill.read");
  const regions = await data.entryRegions();
  const wanted = one(sp.region);
  const region = own !== null ? regions.find((r) => r.id === own) : (regions.find((r) => r.code === wanted) ?? regions[0]);
  if (!region) notFound();

  let year = Number(one(sp.year));
  let month = Number(one(sp.month));
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100 && Number.isInteger(month) && month >= 1 && month <= 12)) {
    const grant = await data.openUnlockGrant(region.id, now);
    const first = grant ?? windowPeriods(now, await data.deadlineDay())[0]!;
    year = first.year;
    month = first.month;
  }

  const [sheet, years] = await Promise.all([data.entrySheet(region.id, { year, month }, now), data.years()]);
  if (!sheet) notFound();
  const writeMode = fillWriteMode(user, { tenantId: user.tenantId, regionId: region.id });
  const canWrite = writeMode !== null;
  const histories = await data.histories(sheet.rows.flatMap((r) => (r.fill ? [r.fill.id] : [])));
  const pendingRequest = sheet.requests.find((r) => r.status === "PENDING");
  const lock = sheet.lock;

  return (
    <>
      <PageHeader title={tp("entry.title")} description={t("heading", { region: region.name, year, month })}>
        <PeriodPicker action={`/${tenant}/entry`} year={year} month={month} years={years} regions={own !== null ? undefined : regions} regionCode={region.code} />
      </PageHeader>
      <RegionNotes user={user} data={data} regionId={region.id} />
      {/* on a phone the form's save bar is fixed to the bottom of the screen: room for it below the last section */}
      <div className="space-y-4 max-sm:pb-20">
        <div data-testid="period-lock" className={`rounded-lg border p-3 text-sm ${lock.locked ? "border-slate-300 bg-slate-100 text-slate-800" : "border-emerald-200 bg-emerald-50 text-emerald-900"}`}>
          {lock.locked ? (
            <p>
              🔒 {t("periodLocked", { reason: t(`locked.${lock.reason}`) })}
              {lock.since ? ` · ${t("since", { when: formatDateTime(lock.since, locale) })}` : ""}
              {sheet.lockReason && lock.reason === "ADMIN_LOCKED" ? ` · ${sheet.lockReason}` : ""}
            </p>
          ) : (
            <p>
              {t(`open.${lock.reason}`)}
              {lock.until ? ` · ${t("openUntil", { when: formatDateTime(lock.until, locale) })}` : ""}
            </p>
          )}
          {!canWrite ? <p className="mt-1 text-slate-600">{t("readOnly")}</p> : null}
          {writeMode === "onBehalf" ? <p className="mt-1 text-slate-700" data-testid="on-behalf">{t("onBehalf", { region: region.name })}</p> : null}
          {sheet.requests.length > 0 ? (
            <ul className="mt-2 space-y-1 text-xs text-slate-700">
              {sheet.requests.map((r) => (
                <li key={r.id}>
                  {t("requestLine", { status: t(`requestStatus.${r.status}`), reason: r.reason, when: formatDateTime(r.createdAt, locale) })}
                  {r.decisionNote ? ` · ${r.decisionNote}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <EntryForm key={`${region.id}-${year}-${month}`} sheet={sheet} canWrite={canWrite} onBehalf={writeMode === "onBehalf"} histories={histories} />
        {canWrite && lock.locked && lock.reason !== "NOT_YET_OPEN" && !pendingRequest && can(user, "unlock.request", { tenantId: user.tenantId, regionId: region.id }) ? (
          <LockPanel mode="request" regionId={region.id} year={year} month={month} locked />
        ) : null}
        {canWrite || can(user, "fill.review") ? (
          <ImportPanel templateHref={`/${tenant}/entry/template?year=${year}&month=${month}`} exportHref={`/${tenant}/entry/export?year=${year}&month=${month}`} />
        ) : (
          <a href={`/${tenant}/entry/export?year=${year}&month=${month}`} className="inline-block text-sm text-sky-800 underline">{t("exportMonth")}</a>
        )}
        {can(user, "period.lock") ? <LockPanel mode="admin" regionId={region.id} year={year} month={month} locked={lock.locked} /> : null}
        {own === null && can(user, "fill.review") ? (
          <SheetImportForm id="history" action={importHistory} title={ti("history.title")} help={ti("history.help")} reasonLabel={ti("history.reason")} commitLabel={ti("history.commit")} fieldLabels={{ value: "数值" }} />
        ) : null}
      </div>
    </>
  );
}
