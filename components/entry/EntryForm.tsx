"use client";
/**
 * The month form: one row per indicator with unit, last month, annual target, the value
 * typed, and live completion against 序时进度 (lib/metrics). Ratio indicators are computed
 * from their typed parts. Keys: Tab moves on, Enter / ↓ / ↑ move between value fields;
 * pasting a column copied from Excel fills the fields from the one pasted into downwards.
 * The checks of lib/reporting/checks.ts warn as one types; a flagged value needs a tick
 * and a note, which the server checks again.
 */
import { useTranslations } from "next-intl";
import type { EntrySheet, FillHistory } from "@/lib/data/fills";
import { Button, Field, FormMessage, Table, TBody, Th, THead } from "@/components/ui";
import { EntryRow } from "./EntryRow";
import { useEntrySheet } from "./useEntrySheet";

export function EntryForm({ sheet, canWrite, onBehalf = false, histories }: { sheet: EntrySheet; canWrite: boolean; onBehalf?: boolean; histories: Record<string, FillHistory["entries"]> }) {
  const t = useTranslations("Entry");
  const state = useEntrySheet(sheet, canWrite);
  // each editable row's place among the value fields, for the keys and paste
  const indexOf = new Map(state.editableRows.map((r, i) => [r.indicatorId, i]));
  return (
    <form
      className="space-y-4"
      aria-label={t("formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        state.run(false);
      }}
    >
      {onBehalf && state.editableRows.length > 0 ? (
        <Field form="entry" name="reason" label={t("onBehalfReason")} hint={t("onBehalfReasonHint")} result={state.result} className="max-w-xl">
          {(control) => <input {...control} type="text" aria-required="true" value={state.reason} onChange={(e) => state.setReason(e.target.value)} />}
        </Field>
      ) : null}
      <Table caption={t("formLabel")} cardsOnPhone>
        <THead>
          <Th>{t("columns.indicator")}</Th>
          <Th numeric>{t("columns.last")}</Th>
          <Th numeric>{t("columns.target")}</Th>
          <Th>{t("columns.value")}</Th>
          <Th>{t("columns.completion")}</Th>
          <Th>{t("columns.status")}</Th>
        </THead>
        <TBody>
          {sheet.rows.map((r) => (
            <EntryRow key={r.indicatorId} r={r} index={indexOf.get(r.indicatorId) ?? -1} month={sheet.month} state={state} history={r.fill ? (histories[r.fill.id] ?? []) : []} />
          ))}
        </TBody>
      </Table>
      {canWrite && state.editableRows.length > 0 ? (
        // on a phone the bar is fixed to the bottom of the screen (the page leaves room for it); on a desktop it sticks while the table is in view
        <div data-testid="entry-actions" className="fixed inset-x-0 bottom-0 z-20 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 bg-white/95 px-4 py-2 shadow-[0_-2px_6px_rgba(0,0,0,0.06)] backdrop-blur sm:sticky sm:rounded-b-lg sm:px-3">
          <div aria-live="polite" className="basis-full empty:hidden">
            <FormMessage result={state.result} />
          </div>
          <Button type="submit" pending={state.pending}>
            {t("saveDraft")}
          </Button>
          <Button type="button" variant="primary" pending={state.pending} onClick={() => state.run(true)}>
            {t("submit")}
          </Button>
          <p className="hidden basis-full text-xs text-slate-500 sm:block">{t("keysHelp")}</p>
        </div>
      ) : (
        <div aria-live="polite" className="min-h-6">
          <FormMessage result={state.result} />
        </div>
      )}
    </form>
  );
}
