"use client";
/**
 * Create or edit an indicator, with the expected-progress curve editor (12 cumulative
 * percentages) and its small preview against the linear default. When the indicator
 * already holds figures, the screen says which fields are refused.
 */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveIndicator } from "@/lib/actions/save-indicator";
import { errorId, type ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage, inputClass } from "@/components/ui";
import type { IndicatorEdit } from "@/lib/data/catalogue";
import { DIRECTIONS, FREQUENCIES, INDICATOR_KINDS } from "@/lib/schemas/admin";


const FORM = "indicator";
type Result = ActionResult<{ code: string }> | null;

function Options<V extends string>({ values, label }: { values: readonly V[]; label: (v: V) => string }) {
  return values.map((k) => (
    <option key={k} value={k}>
      {label(k)}
    </option>
  ));
}

/** Code, name, unit, group, kind, direction, frequency, precision, weight. */
function BasicFields({ indicator, kind, setKind, result }: { indicator: IndicatorEdit | null; kind: string; setKind: (k: string) => void; result: Result }) {
  const t = useTranslations("Catalogue");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field form={FORM} name="code" label={t("fields.code")} result={result} hint={indicator ? t("form.codeFixed") : t("form.codeHint")}>
        {(p) => <input {...p} defaultValue={indicator?.code ?? ""} readOnly={!!indicator} required className={`${p.className} font-mono ${indicator ? "bg-slate-50" : ""}`} />}
      </Field>
      <Field form={FORM} name="name" label={t("fields.name")} result={result}>
        {(p) => <input {...p} defaultValue={indicator?.name ?? ""} required />}
      </Field>
      <Field form={FORM} name="unit" label={t("fields.unit")} result={result}>
        {(p) => <input {...p} defaultValue={indicator?.unit ?? ""} required />}
      </Field>
      <Field form={FORM} name="group" label={t("fields.group")} result={result} hint={t("form.groupHint")}>
        {(p) => <input {...p} defaultValue={indicator?.group ?? ""} maxLength={20} />}
      </Field>
      <Field form={FORM} name="kind" label={t("fields.kind")} result={result}>
        {(p) => (
          <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
            <Options values={INDICATOR_KINDS} label={(k) => t(`kinds.${k}`)} />
          </select>
        )}
      </Field>
      <Field form={FORM} name="direction" label={t("fields.direction")} result={result}>
        {(p) => (
          <select {...p} defaultValue={indicator?.direction ?? "HIGHER_IS_BETTER"}>
            <Options values={DIRECTIONS} label={(k) => t(`directions.${k}`)} />
          </select>
        )}
      </Field>
      <Field form={FORM} name="frequency" label={t("fields.frequency")} result={result}>
        {(p) => (
          <select {...p} defaultValue={indicator?.frequency ?? "MONTHLY"}>
            <Options values={FREQUENCIES} label={(k) => t(`frequencies.${k}`)} />
          </select>
        )}
      </Field>
      <Field form={FORM} name="precision" label={t("fields.precision")} result={result}>
        {(p) => <input {...p} type="number" min={0} max={6} defaultValue={indicator?.precision ?? 2} required />}
      </Field>
      <Field form={FORM} name="weight" label={t("fields.weight")} result={result} hint={t("form.weightHint")}>
        {(p) => <input {...p} inputMode="decimal" defaultValue={indicator?.weight ?? "0"} required />}
      </Field>
    </div>
  );
}

/** A RATIO's numerator, denominator and factor. */
function RatioFields({ indicator, parts, result }: { indicator: IndicatorEdit | null; parts: { id: string; code: string; name: string }[]; result: Result }) {
  const t = useTranslations("Catalogue");
  return (
    <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{t("form.ratio")}</legend>
      {(["numeratorId", "denominatorId"] as const).map((name) => (
        <Field key={name} form={FORM} name={name} label={t(`fields.${name}`)} result={result}>
          {(p) => (
            <select {...p} defaultValue={indicator?.[name] ?? ""}>
              <option value="">—</option>
              {parts.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}（{o.code}）
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
      <Field form={FORM} name="ratioFactor" label={t("fields.ratioFactor")} result={result}>
        {(p) => <input {...p} inputMode="decimal" defaultValue={indicator?.ratioFactor || "1"} />}
      </Field>
    </fieldset>
  );
}

/** The 12 cumulative percentages of the expected-progress curve, their errors and the preview. */
function CurveEditor({ curve, setCurve, result }: { curve: string[]; setCurve: (update: (c: string[]) => string[]) => void; result: Result }) {
  const t = useTranslations("Catalogue");
  const errors = fieldErrorsOf(result);
  const messages = [...(errors.curve ?? []), ...Object.entries(errors).filter(([k]) => k.startsWith("curve.")).flatMap(([, v]) => v)];
  const curveValues = curve.map((v) => (v.trim() === "" ? null : Number(v))); // preview only
  return (
    <fieldset className="rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">{t("form.curve")}</legend>
      <p className="text-xs text-slate-500">{t("form.curveHint")}</p>
      <div className="mt-2 grid grid-cols-4 gap-2 sm:grid-cols-6 lg:grid-cols-12">
        {curve.map((v, i) => (
          <div key={i}>
            <label htmlFor={`${FORM}-curve-${i}`} className="block text-xs text-slate-600">
              {t("form.month", { month: i + 1 })}
            </label>
            <input
              id={`${FORM}-curve-${i}`}
              name="curve"
              inputMode="decimal"
              value={v}
              onChange={(e) => setCurve((c) => c.map((x, j) => (j === i ? e.target.value : x)))}
              placeholder={String(Math.round(((i + 1) / 12) * 1000) / 10)}
              className={`${inputClass} text-right tabular-nums`}
              {...(errors[`curve.${i}`] || errors.curve ? { "aria-describedby": errorId(FORM, "curve"), "aria-invalid": true as const } : {})}
            />
          </div>
        ))}
      </div>
      {messages.length > 0 ? (
        <p id={errorId(FORM, "curve")} className="mt-1 text-sm text-red-700">
          {messages.join(" ")}
        </p>
      ) : null}
      <CurvePreview values={curveValues} label={t("form.preview")} linear={t("form.linear")} custom={t("form.custom")} />
    </fieldset>
  );
}

const fieldErrorsOf = (result: Result) => (result && !result.ok ? result.errors : {});

export function IndicatorForm({ indicator, parts }: { indicator: IndicatorEdit | null; parts: { id: string; code: string; name: string }[] }) {
  const t = useTranslations("Catalogue");
  const [result, action, pending] = useActionState<Result, FormData>(saveIndicator, null);
  const [kind, setKind] = useState(indicator?.kind ?? "CUMULATIVE");
  const [curve, setCurve] = useState<string[]>(indicator?.curve ?? Array(12).fill(""));
  const figures = indicator ? indicator.fills + indicator.targets : 0;
  return (
    <form action={action} className="space-y-5" data-testid="indicator-form">
      {indicator ? <input type="hidden" name="id" value={indicator.id} /> : null}
      {figures > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="figures-notice">
          {t("form.hasFigures", { fills: indicator!.fills, targets: indicator!.targets })}
        </div>
      ) : null}
      <BasicFields indicator={indicator} kind={kind} setKind={setKind} result={result} />
      <Field form={FORM} name="definition" label={t("fields.definition")} result={result}>
        {(p) => <textarea {...p} rows={3} defaultValue={indicator?.definition ?? ""} />}
      </Field>
      {kind === "RATIO" ? <RatioFields indicator={indicator} parts={parts} result={result} /> : null}
      <CurveEditor curve={curve} setCurve={setCurve} result={result} />
      <div className="flex items-center gap-3">
        <Button variant="primary" pending={pending}>
          {t("form.save")}
        </Button>
        <FormMessage result={result} testId="indicator-result" />
      </div>
    </form>
  );
}

/** A tiny SVG of the curve (bars) against the linear default (line). Presentation only. */
function CurvePreview({ values, label, linear, custom }: { values: (number | null)[]; label: string; linear: string; custom: string }) {
  const w = 240;
  const h = 80;
  const bw = w / 12;
  return (
    <figure className="mt-3">
      <svg width={w} height={h + 2} role="img" aria-label={label} className="rounded bg-slate-50">
        {values.map((v, i) =>
          v === null || Number.isNaN(v) ? null : (
            <rect key={i} x={i * bw + 2} y={h - (Math.min(100, Math.max(0, v)) / 100) * h} width={bw - 4} height={(Math.min(100, Math.max(0, v)) / 100) * h} className="fill-sky-600" />
          ),
        )}
        <line x1={0} y1={h} x2={w} y2={0} className="stroke-slate-400" strokeDasharray="4 3" />
      </svg>
      <figcaption className="mt-1 text-xs text-slate-500">
        <span className="mr-3 inline-block h-2 w-3 bg-sky-600 align-middle" /> {custom}
        <span className="ml-4 mr-1 inline-block w-4 border-t border-dashed border-slate-400 align-middle" /> {linear}
      </figcaption>
    </figure>
  );
}
