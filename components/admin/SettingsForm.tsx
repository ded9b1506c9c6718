"use client";
/**
 * The tenant-settings form with a preview: "preview" runs the metrics engine on the server
 * with the proposed settings for the latest month and shows the status counts and the
 * composite ranking before → after, saving nothing; "save" stores them (audited). The form
 * is submitted by hand so what was typed stays in the fields after a preview.
 */
import { useActionState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { previewSettings } from "@/lib/actions/preview-settings";
import { updateSettings } from "@/lib/actions/update-settings";
import { errorId, type ActionResult } from "@/lib/actions/result";
import type { SettingsForm as Form, SettingsPreview } from "@/lib/data/settings";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-500";
const TIER_ROWS = 5;

export function SettingsForm({ form }: { form: Form }) {
  const t = useTranslations("Settings");
  const [saved, save] = useActionState<ActionResult<undefined> | null, FormData>(updateSettings, null);
  const [preview, runPreview] = useActionState<ActionResult<SettingsPreview> | null, FormData>(previewSettings, null);
  const [pending, startTransition] = useTransition();
  const last = saved ?? preview;
  const errors = (preview && !preview.ok ? preview.errors : null) ?? (saved && !saved.ok ? saved.errors : {});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    startTransition(() => (submitter?.value === "save" ? save(data) : runPreview(data)));
  }

  const num = (name: keyof Form & string, hint?: string) => (
    <div>
      <label htmlFor={`set-${name}`} className="block text-sm font-medium text-slate-700">
        {t(`fields.${name as "behindGap"}`)}
      </label>
      <input
        id={`set-${name}`}
        name={name}
        inputMode="decimal"
        defaultValue={String(form[name])}
        required
        className={input}
        {...(errors[name] ? { "aria-describedby": errorId("settings", name), "aria-invalid": true as const } : {})}
      />
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors[name] ? (
        <p id={errorId("settings", name)} className="mt-1 text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      ) : null}
    </div>
  );
  const tiers = [...form.tiers, ...Array(Math.max(0, TIER_ROWS - form.tiers.length)).fill({ label: "", minScore: "" })];
  const data = preview?.ok ? preview.data : null;

  return (
    <form onSubmit={submit} className="space-y-6" data-testid="settings-form">
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("deadline")}</legend>
        {num("deadlineDay")}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("status")}</legend>
        {num("behindGap", t("hints.behindGap"))}
        {num("seriousGap", t("hints.seriousGap"))}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("composite")}</legend>
        {num("fullMarks")}
        {num("bonusPerPercent")}
        {num("bonusCap")}
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("tiers")}</legend>
        <p className="text-xs text-slate-500">{t("hints.tiers")}</p>
        <div className="mt-2 grid gap-2 sm:grid-cols-5">
          {tiers.map((tier, i) => (
            <div key={i} className="rounded border border-slate-100 p-2">
              <label htmlFor={`set-tier-${i}`} className="block text-xs text-slate-600">{t("fields.tierLabel")} {i + 1}</label>
              <input id={`set-tier-${i}`} name="tierLabel" defaultValue={tier.label} className={input} />
              <label htmlFor={`set-tiermin-${i}`} className="mt-1 block text-xs text-slate-600">{t("fields.tierMin")} {i + 1}</label>
              <input id={`set-tiermin-${i}`} name="tierMin" inputMode="decimal" defaultValue={tier.minScore} className={input} />
              {errors[`tier.${i}`] ? <p className="mt-1 text-xs text-red-700">{errors[`tier.${i}`].join(" ")}</p> : null}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-base font-semibold text-slate-900">{t("weights")}</legend>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {form.weights.map((w, i) => (
            <div key={w.id}>
              <input type="hidden" name="weightId" value={w.id} />
              <label htmlFor={`set-weight-${w.code}`} className="block text-sm text-slate-700">
                {w.name}
                {w.active ? "" : ` ${t("inactive")}`}
              </label>
              <input id={`set-weight-${w.code}`} name="weight" inputMode="decimal" defaultValue={w.weight} className={input} />
              {errors[`weight.${i}`] ? <p className="mt-1 text-xs text-red-700">{errors[`weight.${i}`].join(" ")}</p> : null}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" value="preview" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60">
          {t("preview")}
        </button>
        <button type="submit" value="save" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60">
          {t("save")}
        </button>
        {pending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
        {last && !pending ? (
          <p role="status" className={`text-sm ${last.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="settings-result">
            {last.message}
          </p>
        ) : null}
      </div>
      {data ? <Preview data={data} /> : null}
    </form>
  );
}

function Preview({ data }: { data: SettingsPreview }) {
  const t = useTranslations("Settings");
  if (!data.period) return <p className="text-sm text-slate-600">{t("noPeriod")}</p>;
  return (
    <section aria-labelledby="preview-title" className="rounded-lg border border-sky-200 bg-sky-50/50 p-4" data-testid="settings-preview">
      <h2 id="preview-title" className="text-base font-semibold text-slate-900">
        {t("previewTitle", { year: data.period.year, month: data.period.month })}
      </h2>
      <div className="mt-3 grid gap-4 lg:grid-cols-3">
        <table className="text-sm">
          <caption className="mb-1 text-left text-xs font-medium text-slate-600">{t("statusCaption")}</caption>
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t("statusCol")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{t("before")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("after")}</th>
            </tr>
          </thead>
          <tbody>
            {data.statuses.map((s) => (
              <tr key={s.status} className="border-t border-sky-100">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{t(`statuses.${s.status as "AHEAD"}`)}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{s.before}</td>
                <td className={`py-1 text-right tabular-nums ${s.after !== s.before ? "font-semibold text-sky-800" : ""}`}>{s.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="text-sm lg:col-span-2">
          <caption className="mb-1 text-left text-xs font-medium text-slate-600">{t("rankingCaption")}</caption>
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">{t("region")}</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">{t("before")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("after")}</th>
            </tr>
          </thead>
          <tbody>
            {data.ranking.map((r) => (
              <tr key={r.regionId} className="border-t border-sky-100">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{r.name}</th>
                <td className="py-1 pr-3 text-right tabular-nums">
                  {r.before.rank ?? "—"} · {r.before.total ?? "—"} {r.before.tier ?? ""}
                </td>
                <td className={`py-1 text-right tabular-nums ${r.after.rank !== r.before.rank || r.after.tier !== r.before.tier ? "font-semibold text-sky-800" : ""}`}>
                  {r.after.rank ?? "—"} · {r.after.total ?? "—"} {r.after.tier ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
