/**
 * /{tenant}/targets?year= — the annual targets of a year: region × indicator grid with the
 * city-versus-counties check; admins edit cells, import from .xlsx and copy last year's.
 * Leaders read everything; a reporter reads only their own region's row (target.read is
 * region-scoped for reporters), without the city check.
 */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { CopyTargetsForm } from "@/components/admin/CopyTargetsForm";
import { TargetGrid } from "@/components/admin/TargetGrid";
import { TargetImportForm } from "@/components/admin/TargetImportForm";
import { requireTenantPage } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { chinaMonth } from "@/lib/reporting/locks";
import { boundRegion, can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("targets.title") };
}

/** The current year in China (UTC+8), on the one clock. */
function currentYear(): number {
  return chinaMonth(clock.now()).year;
}

export default async function TargetsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, data } = await requireTenantPage(params, "target.read");
  const sp = await searchParams;
  const raw = typeof sp.year === "string" ? sp.year : "";
  const year = /^\d{4}$/.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100 ? Number(raw) : currentYear();
  const [grid, t, tp, locale] = await Promise.all([data.targetGrid(year), getTranslations("Targets"), getTranslations("Pages"), getLocale()]);
  const canWrite = can(user, "target.write");
  const years = [...new Set([...grid.years, currentYear(), currentYear() + 1, year])].sort((a, b) => b - a);

  return (
    <>
      <PageHeader title={tp("targets.title")} description={boundRegion(user, "target.read") !== null ? t("reporterNote", { region: user.regionName }) : tp("targets.description")}>
        <div className="flex flex-wrap items-end gap-2">
          <form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="target-year" className="block text-sm font-medium text-slate-700">
                {t("year")}
              </label>
              <select id="target-year" name="year" defaultValue={year} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500">
                {years.map((y) => (
                  <option key={y} value={y}>
                    {t("yearOption", { year: y })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500">
              {t("show")}
            </button>
          </form>
          <a
            href={`/${user.tenantSlug}/targets/export?year=${year}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500"
          >
            {t("export.link")}
          </a>
        </div>
      </PageHeader>
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{t("grid.title", { year })}</h2>
      {canWrite ? <p className="mb-3 text-sm text-slate-600">{t("grid.help")}</p> : null}
      {grid.indicators.length === 0 || grid.regions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{t("grid.empty")}</p>
      ) : (
        <TargetGrid grid={grid} canWrite={canWrite} locale={locale} />
      )}
      {canWrite ? (
        <div className="mt-6 grid gap-4 lg:grid-cols-2">
          <TargetImportForm year={year} />
          <CopyTargetsForm year={year} />
        </div>
      ) : null}
    </>
  );
}
