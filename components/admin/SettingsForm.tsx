"use client";
/**
 * The tenant-settings form with a preview: "preview" runs the metrics engine on the server
 * with the proposed settings for the latest reported month and shows the status counts and the
 * composite ranking before → after, saving nothing; "save" stores them (audited). The form
 * is submitted by hand so what was typed stays in the fields after a preview.
 */
import { useActionState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { previewSettings } from "@/lib/actions/preview-settings";
import { updateSettings } from "@/lib/actions/update-settings";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage, inputClass, Table, TBody, Td, Th, THead, type FormResult } from "@/components/ui";
import type { SettingsForm as Form, SettingsPreview } from "@/lib/data/settings";

const FORM = "settings";
const TIER_ROWS = 5;
type Errors = Record<string, string[]>;

function NumField({ form, name, result, hint }: { form: Form; name: keyof Form & string; result: FormResult; hint?: string }) {
  const t = useTranslations("Settings");
  return (
    <Field form={FORM} name={name} label={t(`fields.${name as "behindGap"}`)} result={result} hint={hint}>
      {(p) => <input {...p} inputMode="decimal" defaultValue={String(form[name])} required className={`${p.className} tabular-nums`} />}
    </Field>
  );
}

function Group({ legend, grid = true, children }: { legend: string; grid?: boolean; children: ReactNode }) {
  return (
    <fieldset className={`rounded-lg border border-slate-200 bg-white p-4 ${grid ? "grid gap-4 sm:grid-cols-3" : ""}`}>
      <legend className="px-1 text-base font-semibold text-slate-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

const RowError = ({ errors }: { errors?: string[] }) => (errors ? <p className="mt-1 text-xs text-red-700">{errors.join(" ")}</p> : null);

function TierFields({ form, errors }: { form: Form; errors: Errors }) {
  const t = useTranslations("Settings");
  const tiers = [...form.tiers, ...Array(Math.max(0, TIER_ROWS - form.tiers.length)).fill({ label: "", minScore: "" })];
  return (
    <Group legend={t("tiers")} grid={false}>
      <p className="text-xs text-slate-500">{t("hints.tiers")}</p>
      <div className="mt-2 grid gap-2 sm:grid-cols-5">
        {tiers.map((tier, i) => (
          <div key={i} className="rounded border border-slate-100 p-2">
            <label htmlFor={`set-tier-${i}`} className="block text-xs text-slate-600">{t("fields.tierLabel")} {i + 1}</label>
            <input id={`set-tier-${i}`} name="tierLabel" defaultValue={tier.label} className={inputClass} />
            <label htmlFor={`set-tiermin-${i}`} className="mt-1 block text-xs text-slate-600">{t("fields.tierMin")} {i + 1}</label>
            <input id={`set-tiermin-${i}`} name="tierMin" inputMode="decimal" defaultValue={tier.minScore} className={`${inputClass} tabular-nums`} />
            <RowError errors={errors[`tier.${i}`]} />
          </div>
        ))}
      </div>
    </Group>
  );
}

function WeightFields({ form, errors }: { form: Form; errors: Errors }) {
  const t = useTranslations("Settings");
  return (
    <Group legend={t("weights")} grid={false}>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {form.weights.map((w, i) => (
          <div key={w.id}>
            <input type="hidden" name="weightId" value={w.id} />
            <label htmlFor={`set-weight-${w.code}`} className="block text-sm text-slate-700">
              {w.name}
              {w.active ? "" : ` ${t("inactive")}`}
            </label>
            <input id={`set-weight-${w.code}`} name="weight" inputMode="decimal" defaultValue={w.weight} className={`${inputClass} tabular-nums`} />
            <RowError errors={errors[`weight.${i}`]} />
          </div>
        ))}
      </div>
    </Group>
  );
}

export function SettingsForm({ form }: { form: Form }) {
  const t = useTranslations("Settings");
  const [saved, save] = useActionState<ActionResult<undefined> | null, FormData>(updateSettings, null);
  const [preview, runPreview] = useActionState<ActionResult<SettingsPreview> | null, FormData>(previewSettings, null);
  const [pending, startTransition] = useTransition();
  const last = saved ?? preview;
  // the errors shown are the preview's, else the save's
  const failed: FormResult = preview && !preview.ok ? preview : saved && !saved.ok ? saved : null;
  const errors: Errors = failed && !failed.ok ? failed.errors : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    startTransition(() => (submitter?.value === "save" ? save(data) : runPreview(data)));
  }

  return (
    <form onSubmit={submit} className="space-y-6" data-testid="settings-form">
      <Group legend={t("deadline")}>
        <NumField form={form} name="deadlineDay" result={failed} />
        <NumField form={form} name="reportedSharePercent" result={failed} hint={t("hints.reportedSharePercent")} />
        <Field form={FORM} name="rankUnreported" label={t("fields.rankUnreported")} result={failed} hint={t("hints.rankUnreported")}>
          {(p) => <input {...p} type="checkbox" value="on" defaultChecked={form.rankUnreported} className="h-4 w-4" />}
        </Field>
        <Field form={FORM} name="countPending" label={t("fields.countPending")} result={failed} hint={t("hints.countPending")}>
          {(p) => <input {...p} type="checkbox" value="on" defaultChecked={form.countPending} className="h-4 w-4" />}
        </Field>
        <Field form={FORM} name="childTargets" label={t("fields.childTargets")} result={failed} hint={t("hints.childTargets")}>
          {(p) => <input {...p} type="checkbox" value="on" defaultChecked={form.childTargets} className="h-4 w-4" />}
        </Field>
      </Group>
      <Group legend={t("status")}>
        <NumField form={form} name="behindGap" result={failed} hint={t("hints.behindGap")} />
        <NumField form={form} name="seriousGap" result={failed} hint={t("hints.seriousGap")} />
      </Group>
      <Group legend={t("composite")}>
        <NumField form={form} name="fullMarks" result={failed} />
        <NumField form={form} name="bonusPerPercent" result={failed} />
        <NumField form={form} name="bonusCap" result={failed} />
      </Group>
      <TierFields form={form} errors={errors} />
      <WeightFields form={form} errors={errors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button value="preview" pending={pending}>{t("preview")}</Button>
        <Button value="save" variant="primary" pending={pending}>{t("save")}</Button>
        {pending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
        <FormMessage result={pending ? null : last} testId="settings-result" />
      </div>
      {preview?.ok ? <Preview data={preview.data} /> : null}
    </form>
  );
}

function StatusTable({ data }: { data: SettingsPreview }) {
  const t = useTranslations("Settings");
  return (
    <Table caption={t("statusCaption")} showCaption>
      <THead>
        <Th>{t("statusCol")}</Th>
        <Th numeric>{t("before")}</Th>
        <Th numeric>{t("after")}</Th>
      </THead>
      <TBody>
        {data.statuses.map((s) => (
          <tr key={s.status}>
            <Th scope="row" className="font-normal">{t(`statuses.${s.status as "AHEAD"}`)}</Th>
            <Td numeric>{s.before}</Td>
            <Td numeric className={s.after !== s.before ? "font-semibold text-sky-800" : ""}>{s.after}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

function RankingTable({ data }: { data: SettingsPreview }) {
  const t = useTranslations("Settings");
  return (
    <Table caption={t("rankingCaption")} showCaption className="lg:col-span-2">
      <THead>
        <Th>{t("region")}</Th>
        <Th numeric>{t("before")}</Th>
        <Th numeric>{t("after")}</Th>
      </THead>
      <TBody>
        {data.ranking.map((r) => (
          <tr key={r.regionId}>
            <Th scope="row" className="font-normal">{r.name}</Th>
            <Td numeric>
              {r.before.rank ?? "—"} · {r.before.total ?? "—"} {r.before.tier ?? ""}
            </Td>
            <Td numeric className={r.after.rank !== r.before.rank || r.after.tier !== r.before.tier ? "font-semibold text-sky-800" : ""}>
              {r.after.rank ?? "—"} · {r.after.total ?? "—"} {r.after.tier ?? ""}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
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
        <StatusTable data={data} />
        <RankingTable data={data} />
      </div>
    </section>
  );
}
