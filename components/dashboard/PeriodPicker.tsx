/**
 * The one period picker of every page that shows a month: a plain GET form, so every view
 * is a URL (`?year=2026&month=6&indicator=TECH_CONTRACT`, `?region=433122&year=…`) and works
 * without JavaScript. Optionally picks an indicator or a county as well.
 */
import { getTranslations } from "next-intl/server";

const FIELD = "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700";

interface Option {
  code: string;
  name: string;
}

function Choice({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | undefined; options: { value: string | number; label: string }[] }) {
  return (
    <div className="min-w-0 max-w-full">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={FIELD}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The years offered: the tenant's years (TenantData.years), and the shown year if not among them. */
function pickerYears(tenantYears: number[], year: number): number[] {
  return [...new Set([...tenantYears, year])].sort((a, b) => b - a);
}

export async function PeriodPicker({
  action,
  year,
  month,
  years: tenantYears,
  indicator,
  indicators,
  regionCode,
  regions,
  depth,
}: {
  action: string;
  year: number;
  month: number;
  /** the years offered: those holding targets or figures, the current and the next one */
  years: number[];
  indicator?: string;
  indicators?: Option[];
  regionCode?: string;
  /** counties to choose from (omitted for members bound to their own region) */
  regions?: Option[];
  /** the rankings' reach (`?depth=`), kept when the period changes */
  depth?: number;
}) {
  const [t, te] = await Promise.all([getTranslations("Overview"), getTranslations("Entry")]);
  const years = pickerYears(tenantYears, year).map((y) => ({ value: y, label: t("yearOption", { year: y }) }));
  const months = Array.from({ length: 12 }, (_, k) => ({ value: k + 1, label: t("monthOption", { month: k + 1 }) }));
  const named = (list: Option[]) => list.map((o) => ({ value: o.code, label: o.name }));
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("picker")}>
      {regions ? <Choice id="pick-region" name="region" label={te("picker.region")} value={regionCode} options={named(regions)} /> : null}
      {/* a dashboard of one region's children keeps its region (?region=) */}
      {!regions && regionCode ? <input type="hidden" name="region" value={regionCode} /> : null}
      {depth && depth > 1 ? <input type="hidden" name="depth" value={depth} /> : null}
      <Choice id="pick-year" name="year" label={t("year")} value={String(year)} options={years} />
      <Choice id="pick-month" name="month" label={t("month")} value={String(month)} options={months} />
      {indicators ? <Choice id="pick-indicator" name="indicator" label={t("indicator")} value={indicator} options={named(indicators)} /> : null}
      <button
        type="submit"
        className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2"
      >
        {t("show")}
      </button>
    </form>
  );
}
