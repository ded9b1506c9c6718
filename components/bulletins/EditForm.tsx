"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveBulletin } from "@/lib/actions/save-bulletin";
import { errorId, type ActionResult } from "@/lib/actions/result";
import type { BulletinDocument } from "@/lib/bulletins/types";
import { ADDITION_FIELD, PARAGRAPH_FIELD } from "@/lib/schemas/bulletins";
import { Button, Field } from "@/components/ui";

const FORM = "bulletin-edit";
const area = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm leading-relaxed text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/40";

export function EditForm({ id, updatedAt, docNumber, document: doc }: { id: string; updatedAt: string; docNumber: string | null; document: BulletinDocument }) {
  const t = useTranslations("Bulletins");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(saveBulletin, null);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="bulletin-edit" aria-labelledby={`${FORM}-heading`}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="updatedAt" value={updatedAt} />
      <div>
        <h2 id={`${FORM}-heading`} className="text-base font-semibold text-slate-900">
          {t("editHeading")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("editHint")}</p>
      </div>
      <Field form={FORM} name="docNumber" label={t("docNumber")} hint={t("docNumberHint")} result={state} className="sm:max-w-sm">
        {(p) => <input {...p} type="text" maxLength={40} autoComplete="off" defaultValue={docNumber ?? ""} />}
      </Field>
      {doc.sections.map((s) => (
        <fieldset key={s.id} className="space-y-3">
          <legend className="text-sm font-semibold text-slate-800">{s.heading}</legend>
          {s.paragraphs.map((p, k) => {
            const name = `${PARAGRAPH_FIELD}${p.id}`;
            const fieldId = `${FORM}-${p.id}`;
            const err = errors[name];
            return (
              <div key={p.id}>
                <label htmlFor={fieldId} className="mb-1 flex flex-wrap items-center gap-2 text-xs font-medium text-slate-600">
                  {t("paragraphLabel", { section: s.heading, n: k + 1 })}
                  {p.origin === "custom" ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">{t("customBadge")}</span> : null}
                  {p.edited ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{t("editedBadge")}</span> : null}
                </label>
                <textarea id={fieldId} name={name} defaultValue={p.text} rows={Math.min(10, Math.max(2, Math.ceil(p.text.length / 60)))} className={area} aria-invalid={err ? true : undefined} aria-describedby={err ? errorId(FORM, name) : undefined} />
                {err ? <p id={errorId(FORM, name)} className="mt-1 text-sm text-red-700">{err.join(" ")}</p> : null}
              </div>
            );
          })}
          <div>
            <label htmlFor={`${FORM}-add-${s.id}`} className="mb-1 block text-xs font-medium text-slate-600">
              {t("addParagraph", { section: s.heading })}
            </label>
            <textarea id={`${FORM}-add-${s.id}`} name={`${ADDITION_FIELD}${s.id}`} rows={2} className={area} />
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <div role="status" aria-live="polite" className="text-sm">
          {state ? <span className={state.ok ? "text-emerald-700" : "text-red-700"}>{state.message}</span> : null}
        </div>
      </div>
    </form>
  );
}
