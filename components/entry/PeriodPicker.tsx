/** A GET form choosing the month (and, for admins and leaders, the county) — bookmarkable URLs. */
import { getTranslations } from "next-intl/server";

export async function PeriodPicker({
  year, month, regions, regionCode, action,
}: { year: number; month: number; regions?: { code: string; name: string }[]; regionCode?: string; action: string }) {
  const t = await getTranslations("Entry");
  const years = [year - 1, year, year + 1];
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3 text-sm">
      {regions ? (
        <label className="flex flex-col">
          <span className="text-slate-700">{t("picker.region")}</span>
          <select name="region" defaultValue={regionCode} className="rounded-md border border-slate-300 px-2 py-1.5">
            {regions.map((r) => (
              <option key={r.code} value={r.code}>{r.name}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col">
        <span className="text-slate-700">{t("picker.year")}</span>
        <select name="year" defaultValue={String(year)} className="rounded-md border border-slate-300 px-2 py-1.5">
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-700">{t("picker.month")}</span>
        <select name="month" defaultValue={String(month)} className="rounded-md border border-slate-300 px-2 py-1.5">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>{t("picker.monthName", { month: m })}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
        {t("picker.show")}
      </button>
    </form>
  );
}
