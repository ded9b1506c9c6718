"use client";
/** The forms of the supervision notes: a new 督办 note, a reply, closing a note. */
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { closeNote } from "@/lib/actions/close-note";
import { createNote } from "@/lib/actions/create-note";
import { replyNote } from "@/lib/actions/reply-note";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage } from "@/components/ui";

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
  return (
    <form ref={ref} action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t("newTitle")} data-testid="new-note-form">
      <h3 className="text-sm font-semibold text-slate-900">{t("newTitle")}</h3>
      <input type="hidden" name="regionId" value={regionId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="month" value={month} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field form={form} name="indicatorId" label={t("indicator")} result={state}>
          {(p) => (
            <select {...p} defaultValue={indicatorId ?? ""}>
              <option value="">{t("allIndicators")}</option>
              {indicators.map((i) => (
                <option key={i.id} value={i.id}>{i.name}</option>
              ))}
            </select>
          )}
        </Field>
        <Field form={form} name="dueDate" label={t("dueDate")} result={state}>
          {(p) => <input {...p} type="date" />}
        </Field>
      </div>
      <Field form={form} name="body" label={t("body")} result={state}>
        {(p) => <textarea {...p} rows={3} required maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>{t("submit")}</Button>
        <FormMessage result={state} />
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
      <Field form={form} name="body" label={t("reply")} result={state}>
        {(p) => <textarea {...p} rows={2} required maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>{t("sendReply")}</Button>
        <FormMessage result={state} />
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
      <Button pending={pending}>{t("close")}</Button>
      <FormMessage result={state && !state.ok ? state : null} />
    </form>
  );
}
