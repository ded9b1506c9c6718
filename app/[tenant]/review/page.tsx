import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { formatDateTime } from "@/lib/format";
import { ReviewTable } from "@/components/review/ReviewTable";
import { UnlockRequests } from "@/components/review/UnlockRequests";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("review.title") };
}

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ReviewPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const sp = await searchParams;
  const { user, data } = await requireTenantPage(params, "fill.review");
  const t = await getTranslations("Review");
  const tp = await getTranslations("Pages");
  const locale = await getLocale();
  const [queue, requests] = await Promise.all([data.reviewQueue(), can(user, "period.lock") ? data.unlockRequests() : Promise.resolve([])]);

  const code = one(sp.region);
  const year = Number(one(sp.year));
  const month = Number(one(sp.month));
  let chosen: { regionId: string; regionName: string; year: number; month: number } | undefined = queue.find((g) => g.regionCode === code && g.year === year && g.month === month);
  if (!chosen && code && Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    const region = await data.regionByCode(code);
    if (region) chosen = { regionId: region.id, regionName: region.name, year, month };
  }
  chosen ??= queue[0];
  const sheet = chosen ? await data.entrySheet(chosen.regionId, { year: chosen.year, month: chosen.month }, clock.now()) : null;
  const histories = sheet ? await data.histories(sheet.rows.flatMap((r) => (r.fill ? [r.fill.id] : []))) : {};

  return (
    <>
      <PageHeader title={tp("review.title")} description={tp("review.description")} />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <nav aria-label={t("queue")} className="space-y-2">
          <h2 className="text-sm font-semibold text-slate-900">{t("queueCount", { count: queue.length })}</h2>
          <ul className="max-h-[28rem] space-y-1 overflow-y-auto text-sm">
            {queue.map((g) => {
              const active = chosen && g.regionId === chosen.regionId && g.year === chosen.year && g.month === chosen.month;
              return (
                <li key={`${g.regionId}-${g.year}-${g.month}`}>
                  <Link
                    href={`/${tenant}/review?region=${g.regionCode}&year=${g.year}&month=${g.month}`}
                    aria-current={active ? "page" : undefined}
                    className={`block rounded px-2 py-1.5 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${active ? "bg-sky-50 font-medium text-sky-900" : "text-slate-800"}`}
                  >
                    {t("queueItem", { region: g.regionName, year: g.year, month: g.month })}
                    <span className="block text-xs text-slate-500">{t("queueMeta", { count: g.count, when: formatDateTime(g.submittedAt, locale) })}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
          {queue.length === 0 ? <p className="text-sm text-slate-600">{t("emptyQueue")}</p> : null}
        </nav>
        <section className="min-w-0 space-y-6">
          {sheet && chosen ? (
            <div>
              <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("queueItem", { region: chosen.regionName, year: chosen.year, month: chosen.month })}</h2>
              <ReviewTable key={`${chosen.regionId}-${chosen.year}-${chosen.month}`} sheet={sheet} histories={histories} />
            </div>
          ) : null}
          {can(user, "period.lock") ? (
            <div>
              <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("unlockRequests")}</h2>
              <UnlockRequests requests={requests} />
            </div>
          ) : null}
        </section>
      </div>
    </>
  );
}
