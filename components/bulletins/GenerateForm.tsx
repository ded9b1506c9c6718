"use client";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { generateBulletin } from "@/lib/actions/generate-bulletin";
import { errorId, type ActionResult } from "@/lib/actions/result";
import { BULLETIN_PERIOD_TYPES, type BulletinPeriodType } from "@/lib/bulletins/types";
import { PERIOD_COUNT } from "@/lib/bulletins/period";

const FORM = "bulletin-generate";
const field = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40";

export function GenerateForm({ basePath, defaults, years }: { basePath: string; defaults: { type: BulletinPeriodType; year: number; period: number }; years: number[] }) {
  const t = useTranslations("Bulletins");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(generateBulletin, null);
  const [type, setType] = useState<BulletinPeriodType>(defaults.type);
  const [period, setPeriod] = useState(defaults.period);
  useEffect(() => {
    if (state?.ok) router.push(`${basePath}/${state.data.id}`);
  }, [state, router, basePath]);
  const errors = state && !state.ok ? state.errors : {};
  const periods = Array.from({ length: PERIOD_COUNT[type] }, (_, k) => k + 1);
  return (
    <form action={action} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="bulletin-generate" aria-labelledby={`${FORM}-heading`}>
      <h2 id={`${FORM}-heading`} className="text-base font-semibold text-slate-900">
        {t("generateHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("generateHint")}</p>
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={`${FORM}-type`} className="mb-1 block text-sm font-medium text-slate-700">
            {t("periodType")}
          </label>
          <select
            id={`${FORM}-type`}
            name="periodType"
            className={field}
            value={type}
            onChange={(e) => {
              const next = e.target.value as BulletinPeriodType;
              setType(next);
              setPeriod((p) => Math.min(p, PERIOD_COUNT[next]));
            }}
          >
            {BULLETIN_PERIOD_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`periodTypes.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${FORM}-year`} className="mb-1 block text-sm font-medium text-slate-700">
            {t("year")}
          </label>
          <select id={`${FORM}-year`} name="year" className={field} defaultValue={defaults.year} aria-describedby={errors.year ? errorId(FORM, "year") : undefined}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          {errors.year ? <p id={errorId(FORM, "year")} className="mt-1 text-sm text-red-700">{errors.year.join(" ")}</p> : null}
        </div>
        <div>
          <label htmlFor={`${FORM}-period`} className="mb-1 block text-sm font-medium text-slate-700">
            {t("period")}
          </label>
          <select
            id={`${FORM}-period`}
            name="period"
            className={field}
            value={period}
            onChange={(e) => setPeriod(Number(e.target.value))}
            aria-describedby={errors.period ? errorId(FORM, "period") : undefined}
            aria-invalid={errors.period ? true : undefined}
          >
            {periods.map((n) => (
              <option key={n} value={n}>
                {t(`periodOption.${type}`, { n })}
              </option>
            ))}
          </select>
          {errors.period ? <p id={errorId(FORM, "period")} className="mt-1 text-sm text-red-700">{errors.period.join(" ")}</p> : null}
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2 disabled:opacity-60">
          {pending ? t("generating") : t("generate")}
        </button>
        <div role="status" aria-live="polite" className="text-sm">
          {state ? <span className={state.ok ? "text-emerald-700" : "text-red-700"}>{state.message}</span> : null}
        </div>
      </div>
    </form>
  );
}
