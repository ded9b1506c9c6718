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
import type { IndicatorEdit } from "@/lib/data/catalogue";

const KINDS = ["CUMULATIVE", "STOCK", "INCREMENT", "RATIO"] as const;
const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
const FREQUENCIES = ["MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY"] as const;

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

export function IndicatorForm({ indicator, parts }: { indicator: IndicatorEdit | null; parts: { id: string; code: string; name: string }[] }) {
  const t = useTranslations("Catalogue");
  const [result, action, pending] = useActionState<ActionResult<{ code: string }> | null, FormData>(saveIndicator, null);
  const [kind, setKind] = useState(indicator?.kind ?? "CUMULATIVE");
  const [curve, setCurve] = useState<string[]>(indicator?.curve ?? Array(12).fill(""));
  const errors = result && !result.ok ? result.errors : {};
  const figures = indicator ? indicator.fills + indicator.targets : 0;

  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={`ind-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors[name] ? (
        <p id={errorId("indicator", name)} className="mt-1 text-sm text-red-700">
          {errors[name].join(" ")}
        </p>
      ) : null}
    </div>
  );
  const described = (name: string) => (errors[name] ? { "aria-describedby": errorId("indicator", name), "aria-invalid": true as const } : {});
  const curveValues = curve.map((v) => (v.trim() === "" ? null : Number(v))); // preview only

  return (
    <form action={action} className="space-y-5" data-testid="indicator-form">
      {indicator ? <input type="hidden" name="id" value={indicator.id} /> : null}
      {figures > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="figures-notice">
          {t("form.hasFigures", { fills: indicator!.fills, targets: indicator!.targets })}
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("code", t("fields.code"), <input id="ind-code" name="code" defaultValue={indicator?.code ?? ""} readOnly={!!indicator} required className={`${input} font-mono ${indicator ? "bg-slate-50" : ""}`} {...described("code")} />, indicator ? t("form.codeFixed") : t("form.codeHint"))}
        {field("name", t("fields.name"), <input id="ind-name" name="name" defaultValue={indicator?.name ?? ""} required className={input} {...described("name")} />)}
        {field("unit", t("fields.unit"), <input id="ind-unit" name="unit" defaultValue={indicator?.unit ?? ""} required className={input} {...described("unit")} />)}
        {field(
          "kind",
          t("fields.kind"),
          <select id="ind-kind" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={input} {...described("kind")}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "direction",
          t("fields.direction"),
          <select id="ind-direction" name="direction" defaultValue={indicator?.direction ?? "HIGHER_IS_BETTER"} className={input}>
            {DIRECTIONS.map((k) => (
              <option key={k} value={k}>
                {t(`directions.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "frequency",
          t("fields.frequency"),
          <select id="ind-frequency" name="frequency" defaultValue={indicator?.frequency ?? "MONTHLY"} className={input}>
            {FREQUENCIES.map((k) => (
              <option key={k} value={k}>
                {t(`frequencies.${k}`)}
              </option>
            ))}
          </select>,
        )}
        {field("precision", t("fields.precision"), <input id="ind-precision" name="precision" type="number" min={0} max={6} defaultValue={indicator?.precision ?? 2} required className={input} {...described("precision")} />)}
        {field("weight", t("fields.weight"), <input id="ind-weight" name="weight" inputMode="decimal" defaultValue={indicator?.weight ?? "0"} required className={input} {...described("weight")} />, t("form.weightHint"))}
      </div>
      {field("definition", t("fields.definition"), <textarea id="ind-definition" name="definition" rows={3} defaultValue={indicator?.definition ?? ""} className={input} />)}
      {kind === "RATIO" ? (
        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium text-slate-700">{t("form.ratio")}</legend>
          {(["numeratorId", "denominatorId"] as const).map((name) =>
            field(
              name,
              t(`fields.${name}`),
              <select key={name} id={`ind-${name}`} name={name} defaultValue={indicator?.[name] ?? ""} className={input} {...described(name)}>
                <option value="">—</option>
                {parts.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}（{p.code}）
                  </option>
                ))}
              </select>,
            ),
          )}
          {field("ratioFactor", t("fields.ratioFactor"), <input id="ind-ratioFactor" name="ratioFactor" inputMode="decimal" defaultValue={indicator?.ratioFactor || "1"} className={input} {...described("ratioFactor")} />)}
        </fieldset>
      ) : null}
      <fieldset className="rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("form.curve")}</legend>
        <p className="text-xs text-slate-500">{t("form.curveHint")}</p>
        <div className="mt-2 grid grid-cols-4 gap-2 sm:grid-cols-6 lg:grid-cols-12">
          {curve.map((v, i) => (
            <div key={i}>
              <label htmlFor={`ind-curve-${i}`} className="block text-xs text-slate-600">
                {t("form.month", { month: i + 1 })}
              </label>
              <input
                id={`ind-curve-${i}`}
                name="curve"
                inputMode="decimal"
                value={v}
                onChange={(e) => setCurve((c) => c.map((x, j) => (j === i ? e.target.value : x)))}
                placeholder={String(Math.round(((i + 1) / 12) * 1000) / 10)}
                className="mt-0.5 block w-full rounded border border-slate-300 px-1.5 py-1 text-right text-sm tabular-nums focus:outline-none focus:ring-2 focus:ring-sky-500"
                {...(errors[`curve.${i}`] || errors.curve ? { "aria-describedby": errorId("indicator", "curve"), "aria-invalid": true as const } : {})}
              />
            </div>
          ))}
        </div>
        {errors.curve || Object.keys(errors).some((k) => k.startsWith("curve.")) ? (
          <p id={errorId("indicator", "curve")} className="mt-1 text-sm text-red-700">
            {[...(errors.curve ?? []), ...Object.entries(errors).filter(([k]) => k.startsWith("curve.")).flatMap(([, v]) => v)].join(" ")}
          </p>
        ) : null}
        <CurvePreview values={curveValues} label={t("form.preview")} linear={t("form.linear")} custom={t("form.custom")} />
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60">
          {t("form.save")}
        </button>
        {result ? (
          <p role="status" className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="indicator-result">
            {result.message}
          </p>
        ) : null}
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
