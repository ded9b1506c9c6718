/**
 * The period (and indicator) picker: a plain GET form, so every view is a URL
 * (`?year=2026&month=6&indicator=TECH_CONTRACT`) and works without JavaScript.
 */
import { getTranslations } from "next-intl/server";

export async function PeriodPicker({
  action,
  year,
  month,
  latestYear,
  indicator,
  indicators,
}: {
  action: string;
  year: number;
  month: number;
  latestYear: number;
  indicator?: string;
  indicators?: { code: string; name: string }[];
}) {
  const t = await getTranslations("Overview");
  const years = Array.from({ length: 4 }, (_, k) => latestYear - k).filter((y) => y >= 2000);
  if (!years.includes(year)) years.push(year);
  const field = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("picker")}>
      <div>
        <label htmlFor="pick-year" className="mb-1 block text-xs font-medium text-slate-700">{t("year")}</label>
        <select id="pick-year" name="year" defaultValue={String(year)} className={field}>
          {years.map((y) => (
            <option key={y} value={y}>{t("yearOption", { year: y })}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pick-month" className="mb-1 block text-xs font-medium text-slate-700">{t("month")}</label>
        <select id="pick-month" name="month" defaultValue={String(month)} className={field}>
          {Array.from({ length: 12 }, (_, k) => k + 1).map((m) => (
            <option key={m} value={m}>{t("monthOption", { month: m })}</option>
          ))}
        </select>
      </div>
      {indicators ? (
        <div className="min-w-0 max-w-full">
          <label htmlFor="pick-indicator" className="mb-1 block text-xs font-medium text-slate-700">{t("indicator")}</label>
          <select id="pick-indicator" name="indicator" defaultValue={indicator} className={field}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>{i.name}</option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2">
        {t("show")}
      </button>
    </form>
  );
}
