import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { GenerateForm } from "@/components/bulletins/GenerateForm";
import { PageHeader } from "@/components/PageHeader";
import { requireTenantPage } from "@/lib/auth/guard";
import { latestPeriodOf } from "@/lib/bulletins/period";
import * as clock from "@/lib/clock";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Bulletins");
  return { title: t("title") };
}

export default async function BulletinsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(params, "bulletin.read");
  const t = await getTranslations("Bulletins");
  const format = await getFormatter();
  const includeDrafts = can(user, "bulletin.draft.read", { tenantId: user.tenantId });
  const manage = can(user, "bulletin.manage", { tenantId: user.tenantId });
  const bulletins = await data.bulletins({ includeDrafts });
  // the form opens on the latest reported month's period; a ledger without figures has none to offer
  const latest = manage && (await data.latestDataMonth()) ? await data.latestReportedPeriod(clock.now()) : null;
  const defaults = latest ? latestPeriodOf("HALF_YEAR", latest) : null;
  const years = latest ? Array.from({ length: 3 }, (_, k) => latest.year - k) : [];
  const byYear = new Map<number, typeof bulletins>();
  for (const b of bulletins) byYear.set(b.year, [...(byYear.get(b.year) ?? []), b]);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {manage && defaults ? (
        <div className="mb-8">
          <GenerateForm basePath={`/${user.tenantSlug}/bulletins`} defaults={{ type: defaults.type, year: defaults.year, period: defaults.period }} years={years} />
        </div>
      ) : null}
      <section aria-labelledby="bulletin-archive">
        <h2 id="bulletin-archive" className="mb-3 text-base font-semibold text-slate-900">
          {t("archive")}
        </h2>
        {bulletins.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{includeDrafts ? t("empty") : t("emptyReporter")}</p>
        ) : (
          <div className="space-y-6" data-testid="bulletin-archive">
            {[...byYear.entries()].map(([year, items]) => (
              <div key={year}>
                <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("archiveYear", { year })}</h3>
                <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                  {items.map((b) => (
                    <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                      <Link href={`/${user.tenantSlug}/bulletins/${b.id}`} className="min-w-0 font-medium text-brand-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                        {b.title}
                      </Link>
                      <span className="flex items-center gap-2 text-xs text-slate-600">
                        <span className={b.status === "PUBLISHED" ? "rounded bg-emerald-50 px-2 py-0.5 text-emerald-800" : "rounded bg-amber-50 px-2 py-0.5 text-amber-900"}>{t(`status.${b.status}`)}</span>
                        {b.publishedAt
                          ? t("publishedOn", { date: format.dateTime(new Date(b.publishedAt), { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })
                          : t("updatedOn", { date: format.dateTime(new Date(b.updatedAt), { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
