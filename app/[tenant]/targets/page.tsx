/**
 * /{tenant}/targets?year= — the annual targets of a year: region × indicator grid with the
 * city-versus-counties check; admins edit cells, import from .xlsx / .csv and copy last
 * year's. Any year from 2000 to 2100 can be opened; the years holding targets or figures
 * and the next one are suggested.
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
import { boundRegion, can } from "@/lib/permissions";
import { chinaMonth } from "@/lib/reporting/locks";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages");
  return { title: t("targets.title") };
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
  const valid = /^\d{4}$/.test(raw) && Number(raw) >= 2000 && Number(raw) <= 2100;
  const year = valid ? Number(raw) : chinaMonth(clock.now()).year;
  const [grid, wording, t, tp, locale, years] = await Promise.all([data.targetGrid(year), data.wording(), getTranslations("Targets"), getTranslations("Pages"), getLocale(), data.years()]);
  const canWrite = can(user, "target.write");

  return (
    <>
      <PageHeader title={tp("targets.title")} description={boundRegion(user, "target.read") !== null ? t("reporterNote", { region: user.regionName }) : tp("targets.description")}>
        <div className="flex flex-wrap items-end gap-2">
          <form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="target-year" className="block text-sm font-medium text-slate-700">
                {t("year")}
              </label>
              <input
                id="target-year"
                name="year"
                type="number"
                min={2000}
                max={2100}
                required
                list="target-years"
                defaultValue={year}
                aria-describedby="target-year-help"
                className="mt-1 w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-500"
              />
              <datalist id="target-years">
                {years.map((y) => (
                  <option key={y} value={y} label={t("yearOption", { year: y })} />
                ))}
              </datalist>
              <p id="target-year-help" className="mt-1 text-xs text-slate-500">
                {t("yearHelp", { years: years.join("、") })}
              </p>
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
        <TargetGrid grid={grid} canWrite={canWrite} locale={locale} area={wording.areaWord} />
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
