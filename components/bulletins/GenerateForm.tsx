"use client";
import { useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { generateBulletin } from "@/lib/actions/generate-bulletin";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage } from "@/components/ui";
import { BULLETIN_PERIOD_TYPES, type BulletinPeriodType } from "@/lib/bulletins/types";
import { PERIOD_COUNT } from "@/lib/bulletins/period";

const FORM = "bulletin-generate";
type Result = ActionResult<{ id: string }> | null;

/** Period type, year and period; the period list follows the type. */
function PeriodFields({ defaults, years, result }: { defaults: { type: BulletinPeriodType; year: number; period: number }; years: number[]; result: Result }) {
  const t = useTranslations("Bulletins");
  const [type, setType] = useState<BulletinPeriodType>(defaults.type);
  const [period, setPeriod] = useState(defaults.period);
  // controlled: the choice stays when the form comes back asking for confirmation
  const [year, setYear] = useState(defaults.year);
  const periods = Array.from({ length: PERIOD_COUNT[type] }, (_, k) => k + 1);
  return (
    <div className="mt-4 grid gap-4 sm:grid-cols-3">
      <Field form={FORM} name="periodType" label={t("periodType")} result={result}>
        {(p) => (
          <select
            {...p}
            value={type}
            onChange={(e) => {
              const next = e.target.value as BulletinPeriodType;
              setType(next);
              setPeriod((n) => Math.min(n, PERIOD_COUNT[next]));
            }}
          >
            {BULLETIN_PERIOD_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`periodTypes.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={FORM} name="year" label={t("year")} result={result}>
        {(p) => (
          <select {...p} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={FORM} name="period" label={t("period")} result={result}>
        {(p) => (
          <select {...p} value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
            {periods.map((n) => (
              <option key={n} value={n}>
                {t(`periodOption.${type}`, { n })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

export function GenerateForm({ basePath, defaults, years }: { basePath: string; defaults: { type: BulletinPeriodType; year: number; period: number }; years: number[] }) {
  const t = useTranslations("Bulletins");
  const router = useRouter();
  const [state, action, pending] = useActionState<Result, FormData>(generateBulletin, null);
  const [, startTransition] = useTransition();
  // submitted by hand: an automatic form reset would put the selects back to their defaults
  // while their state stays, and the confirming second step would send another period
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  }
  useEffect(() => {
    if (state?.ok) router.push(`${basePath}/${state.data.id}`);
  }, [state, router, basePath]);
  return (
    <form onSubmit={submit} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="bulletin-generate" aria-labelledby={`${FORM}-heading`}>
      <h2 id={`${FORM}-heading`} className="text-base font-semibold text-slate-900">
        {t("generateHeading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("generateHint")}</p>
      <PeriodFields defaults={defaults} years={years} result={state} />
      <Field form={FORM} name="docNumber" label={t("docNumber")} hint={t("docNumberHint")} result={state} className="mt-4 sm:max-w-sm">
        {(p) => <input {...p} type="text" maxLength={40} autoComplete="off" />}
      </Field>
      {state && !state.ok && state.errors.confirmIncomplete ? (
        <Field form={FORM} name="confirmIncomplete" label={t("confirmIncomplete")} result={state} className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">
          {(p) => <input {...p} type="checkbox" value="on" className="ml-0 h-4 w-4" />}
        </Field>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>
          {pending ? t("generating") : t("generate")}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  );
}
