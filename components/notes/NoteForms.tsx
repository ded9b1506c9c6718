"use client";
/** The forms of the supervision notes: a new 督办 note, a reply, closing a note. */
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { closeNote } from "@/lib/actions/close-note";
import { createNote } from "@/lib/actions/create-note";
import { replyNote } from "@/lib/actions/reply-note";
import { errorId, type ActionResult } from "@/lib/actions/result";

const input =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";
const button =
  "rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 focus-visible:ring-offset-2";

function FieldError({ form, field, state }: { form: string; field: string; state: ActionResult<unknown> | null }) {
  const errors = state && !state.ok ? state.errors[field] : undefined;
  if (!errors?.length) return null;
  return (
    <p id={errorId(form, field)} className="mt-1 text-xs text-red-800">
      {errors.join(" ")}
    </p>
  );
}

function Message({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
      {state.message}
    </p>
  );
}

function useReset(state: ActionResult<unknown> | null) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  return ref;
}

export function NewNoteForm({
  regionId,
  year,
  month,
  indicators,
  indicatorId,
}: {
  regionId: string;
  year: number;
  month: number;
  indicators: { id: string; name: string }[];
  indicatorId?: string;
}) {
  const t = useTranslations("Notes");
  const [state, action, pending] = useActionState(createNote, null);
  const ref = useReset(state);
  const form = "new-note";
  const invalid = (f: string) => (state && !state.ok && state.errors[f]?.length ? true : undefined);
  return (
    <form ref={ref} action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("newTitle")} data-testid="new-note-form">
      <h3 className="text-sm font-semibold text-slate-900">{t("newTitle")}</h3>
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="month" value={month} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${form}-indicator`} className="text-xs font-medium text-slate-700">{t("indicator")}</label>
          <select id={`${form}-indicator`} name="indicatorId" defaultValue={indicatorId ?? ""} className={input} aria-invalid={invalid("indicatorId")} aria-describedby={errorId(form, "indicatorId")}>
            <option value="">{t("allIndicators")}</option>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>{i.name}</option>
            ))}
          </select>
          <FieldError form={form} field="indicatorId" state={state} />
        </div>
        <div>
          <label htmlFor={`${form}-due`} className="text-xs font-medium text-slate-700">{t("dueDate")}</label>
          <input id={`${form}-due`} type="date" name="dueDate" className={input} aria-invalid={invalid("dueDate")} aria-describedby={errorId(form, "dueDate")} />
          <FieldError form={form} field="dueDate" state={state} />
        </div>
      </div>
      <div>
        <label htmlFor={`${form}-body`} className="text-xs font-medium text-slate-700">{t("body")}</label>
        <textarea id={`${form}-body`} name="body" rows={3} required maxLength={2000} className={input} aria-invalid={invalid("body")} aria-describedby={errorId(form, "body")} />
        <FieldError form={form} field="body" state={state} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={button} disabled={pending}>{t("submit")}</button>
        <Message state={state} />
      </div>
    </form>
  );
}

export function ReplyForm({ noteId }: { noteId: string }) {
  const t = useTranslations("Notes");
  const [state, action, pending] = useActionState(replyNote, null);
  const ref = useReset(state);
  const form = `reply-${noteId}`;
  return (
    <form ref={ref} action={action} className="mt-2 space-y-2" aria-label={t("replyTitle")}>
      <input type="hidden" name="noteId" value={noteId} />
      <label htmlFor={`${form}-body`} className="text-xs font-medium text-slate-700">{t("reply")}</label>
      <textarea
        id={`${form}-body`}
        name="body"
        rows={2}
        required
        maxLength={2000}
        className={input}
        aria-invalid={state && !state.ok && state.errors.body?.length ? true : undefined}
        aria-describedby={errorId(form, "body")}
      />
      <FieldError form={form} field="body" state={state} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={button} disabled={pending}>{t("sendReply")}</button>
        <Message state={state} />
      </div>
    </form>
  );
}

export function CloseNoteButton({ noteId }: { noteId: string }) {
  const t = useTranslations("Notes");
  const [state, action, pending] = useActionState(closeNote, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="noteId" value={noteId} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">
        {t("close")}
      </button>
      {state && !state.ok ? <Message state={state} /> : null}
    </form>
  );
}
