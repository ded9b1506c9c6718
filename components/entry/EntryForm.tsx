"use client";
/**
 * The month form: one row per indicator with unit, last month, annual target, the value
 * typed, and live completion against 序时进度 (lib/metrics). Ratio indicators are computed
 * from their typed parts. Keys: Tab moves on, Enter / ↓ / ↑ move between value fields;
 * pasting a column copied from Excel fills the fields from the one pasted into downwards.
 * The checks of lib/reporting/checks.ts warn as one types; a flagged value needs a tick
 * and a note, which the server checks again.
 */
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState, useTransition, type ClipboardEvent, type KeyboardEvent } from "react";
import { Decimal } from "decimal.js";
import { saveFills } from "@/lib/actions/save-fills";
import { submitFills } from "@/lib/actions/submit-fills";
import { errorId, type FieldErrors } from "@/lib/actions/result";
import type { EntryRow, EntrySheet, FillHistory } from "@/lib/data/fills";
import { DEFAULT_LOWER_IS_BETTER_CAP, computeCompletion, expectedProgress, gapPoints } from "@/lib/metrics";
import { checkValue, parseEntry, type CheckFlag } from "@/lib/reporting/checks";
import { History } from "./History";
import { formatDateTime, formatDecimal, formatPercent } from "./format";

const FORM = "entry";
const dec = (v: string | null) => (v === null ? null : new Decimal(v));

export function EntryForm({ sheet, canWrite, histories }: { sheet: EntrySheet; canWrite: boolean; histories: Record<string, FillHistory["entries"]> }) {
  const t = useTranslations("Entry");
  const tr = useTranslations("Review");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Only what the user changed is kept in state; everything else shows the saved fill, so a
  // refresh after someone else's save shows their value and only touched cells are sent.
  const [values, setValues] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const valueText = (r: EntryRow) => values[r.indicatorId] ?? r.fill?.value ?? "";
  const noteText = (r: EntryRow) => notes[r.indicatorId] ?? r.fill?.note ?? "";
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  const editable = (r: EntryRow) => canWrite && r.kind !== "RATIO" && !r.lock.locked;
  const editableRows = sheet.rows.filter(editable);

  const parsed = useMemo(() => {
    const out: Record<string, Decimal | null | "error"> = {};
    for (const r of sheet.rows) {
      if (r.kind === "RATIO") continue;
      const raw = valueText(r);
      if (raw.trim() === "") out[r.indicatorId] = null;
      else {
        const p = parseEntry(raw, r.precision);
        out[r.indicatorId] = "error" in p ? "error" : p.value;
      }
    }
    return out;
  }, [values, sheet.rows]);

  const valueOf = (id: string | null): Decimal | null => {
    if (!id) return null;
    const v = parsed[id];
    return v instanceof Decimal ? v : null;
  };

  function actualOf(r: EntryRow): Decimal | null {
    if (r.kind === "RATIO") {
      const num = valueOf(r.numeratorId);
      const den = valueOf(r.denominatorId);
      if (num === null || den === null || den.isZero()) return null;
      return num.div(den).times(dec(r.ratioFactor) ?? 1);
    }
    const v = valueOf(r.indicatorId);
    if (v === null) return null;
    if (r.kind === "INCREMENT") return r.baseline === null ? null : v.minus(r.baseline);
    return v;
  }

  function flagsOf(r: EntryRow): CheckFlag[] {
    const v = valueOf(r.indicatorId);
    if (r.kind === "RATIO" || v === null) return [];
    if (r.fill && new Decimal(r.fill.value).eq(v)) return []; // already saved (and confirmed then)
    return checkValue({
      kind: r.kind, month: sheet.month, precision: r.precision, value: v,
      lastMonth: dec(r.last), baseline: dec(r.baseline), target: dec(r.target), history: r.history.map((h) => new Decimal(h)),
    });
  }

  function move(index: number, delta: number) {
    const next = inputs.current[index + delta];
    if (next) {
      next.focus();
      next.select();
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>, index: number) {
    if (e.key === "Enter" || e.key === "ArrowDown") {
      e.preventDefault();
      move(index, 1);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      move(index, -1);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>, index: number) {
    const text = e.clipboardData.getData("text");
    const lines = text.replace(/\r/g, "").split("\n").map((l) => l.split("\t")[0]!.trim());
    while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    if (lines.length < 2) return; // a single value: the browser pastes it
    e.preventDefault();
    setValues((old) => {
      const next = { ...old };
      lines.forEach((line, k) => {
        const row = editableRows[index + k];
        if (row) next[row.indicatorId] = line;
      });
      return next;
    });
    setMessage({ ok: true, text: t("pasted", { count: Math.min(lines.length, editableRows.length - index) }) });
  }

  function cells() {
    return editableRows
      .filter((r) => r.indicatorId in values || r.indicatorId in notes)
      .filter((r) => valueText(r).trim() !== "" || r.fill !== null)
      .map((r) => ({
        indicatorId: r.indicatorId,
        value: valueText(r),
        note: noteText(r),
        version: r.fill?.version ?? 0,
        confirmed: !!confirmed[r.indicatorId],
      }));
  }

  function run(submit: boolean) {
    setMessage(null);
    startTransition(async () => {
      const base = { regionId: sheet.region.id, year: sheet.year, month: sheet.month };
      const toSave = cells();
      if (toSave.length > 0) {
        const saved = await saveFills(null, { ...base, cells: toSave });
        if (!saved.ok) {
          setErrors(saved.errors);
          setMessage({ ok: false, text: saved.message });
          router.refresh();
          return;
        }
        setValues({});
        setNotes({});
        setConfirmed({});
        if (!submit) {
          setErrors({});
          setMessage({ ok: true, text: saved.message });
          router.refresh();
          return;
        }
      }
      if (submit) {
        const res = await submitFills(null, base);
        setErrors(res.ok ? {} : res.errors);
        setMessage({ ok: res.ok, text: res.message });
        router.refresh();
      }
    });
  }

  const thresholds = { behind: new Decimal(0), serious: new Decimal(-10) };
  let inputIndex = -1;

  return (
    <form
      className="space-y-4"
      aria-label={t("formLabel")}
      onSubmit={(e) => {
        e.preventDefault();
        run(false);
      }}
    >
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.indicator")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.last")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.target")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.value")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.completion")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sheet.rows.map((r) => {
              const canEdit = editable(r);
              if (canEdit) inputIndex += 1;
              const myIndex = inputIndex;
              const field = `cells.${r.indicatorId}`;
              const err = errors[field];
              const p = parsed[r.indicatorId];
              const flags = canEdit ? flagsOf(r) : [];
              const actual = actualOf(r);
              // the engine's own rule (lib/metrics), on its decimals
              const expected = expectedProgress(sheet.month, r.curve ? r.curve.map((c) => new Decimal(c)) : null);
              const target = r.target === null ? null : new Decimal(r.target);
              const completion = computeCompletion({ actual: actual && new Decimal(actual), target, direction: r.direction, kind: r.kind, expected, lowerIsBetterCap: DEFAULT_LOWER_IS_BETTER_CAP });
              const gap = gapPoints(completion.value, completion.benchmark);
              const gapClass = gap === null ? "text-slate-500" : gap.gte(thresholds.behind) ? "text-emerald-700" : gap.lt(thresholds.serious) ? "text-red-700" : "text-amber-700";
              const describedBy = [err ? errorId(FORM, field) : null, flags.length ? `${FORM}-${r.indicatorId}-flags` : null].filter(Boolean).join(" ") || undefined;
              return (
                <tr key={r.indicatorId} data-testid={`row-${r.code}`} data-last={r.last ?? ""} data-kind={r.kind} data-precision={r.precision} className={err ? "bg-red-50" : undefined}>
                  <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                    <span className="font-medium text-slate-900">{r.name}</span>
                    <span className="ml-1 text-xs text-slate-500">（{r.unit}）</span>
                    {r.kind === "RATIO" ? <span className="block text-xs text-slate-500">{t("computed")}</span> : null}
                  </th>
                  <td className="px-3 py-2 text-right align-top tabular-nums text-slate-700">{formatDecimal(r.last, r.precision)}</td>
                  <td className="px-3 py-2 text-right align-top tabular-nums text-slate-700">{formatDecimal(r.target, r.precision)}</td>
                  <td className="px-3 py-2 align-top">
                    {r.kind === "RATIO" ? (
                      <output className="tabular-nums text-slate-900" aria-label={r.name}>{formatDecimal(actual, r.precision)}</output>
                    ) : canEdit ? (
                      <input
                        ref={(el) => {
                          inputs.current[myIndex] = el;
                        }}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={`${r.name}（${r.unit}）`}
                        aria-invalid={err || p === "error" ? true : undefined}
                        aria-describedby={describedBy}
                        value={valueText(r)}
                        onChange={(e) => setValues((old) => ({ ...old, [r.indicatorId]: e.target.value }))}
                        onKeyDown={(e) => onKeyDown(e, myIndex)}
                        onPaste={(e) => onPaste(e, myIndex)}
                        className="w-32 rounded-md border border-slate-300 px-2 py-1.5 text-right tabular-nums focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500 aria-[invalid=true]:border-red-500"
                      />
                    ) : (
                      <span className="tabular-nums text-slate-900">{formatDecimal(r.fill?.value ?? null, r.precision)}</span>
                    )}
                    {p === "error" ? <p className="mt-1 text-xs text-red-700">{t("errors.malformedLive", { precision: r.precision })}</p> : null}
                    {err ? (
                      <p id={errorId(FORM, field)} role="alert" className="mt-1 max-w-xs text-xs text-red-700">{err.join(" ")}</p>
                    ) : null}
                    {flags.length > 0 ? (
                      <div id={`${FORM}-${r.indicatorId}-flags`} className="mt-1 max-w-xs space-y-1 rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
                        <p>{flags.map((f) => t(`flags.${f}`)).join("；")}</p>
                        <label className="flex items-center gap-1">
                          <input type="checkbox" checked={!!confirmed[r.indicatorId]} onChange={(e) => setConfirmed((o) => ({ ...o, [r.indicatorId]: e.target.checked }))} />
                          {t("confirm")}
                        </label>
                        <label className="block">
                          <span className="sr-only">{t("noteFor", { field: r.name })}</span>
                          <input
                            type="text"
                            placeholder={t("notePlaceholder")}
                            aria-label={t("noteFor", { field: r.name })}
                            value={noteText(r)}
                            onChange={(e) => setNotes((o) => ({ ...o, [r.indicatorId]: e.target.value }))}
                            className="w-full rounded border border-amber-300 px-1 py-0.5"
                          />
                        </label>
                      </div>
                    ) : null}
                    {r.fill?.reviewReason && (r.fill.status === "RETURNED") ? (
                      <p className="mt-1 max-w-xs rounded bg-orange-50 px-2 py-1 text-xs text-orange-900" data-testid={`returned-${r.code}`}>
                        {t("returnedReason", { reason: r.fill.reviewReason })}
                      </p>
                    ) : null}
                  </td>
                  <td className={`px-3 py-2 align-top text-xs tabular-nums ${gapClass}`}>
                    {completion.value === null ? (
                      <span className="text-slate-500">{t(`noCompletion.${completion.reason ?? "NO_DATA"}`)}</span>
                    ) : (
                      <>
                        <span className="block">{t("completion", { value: formatPercent(completion.value) })}</span>
                        <span className="block text-slate-500">{t("expected", { value: formatPercent(completion.benchmark) })}</span>
                      </>
                    )}
                  </td>
                  <td className="px-3 py-2 align-top text-xs">
                    {r.fill ? <span className="block text-slate-800">{tr(`status.${r.fill.status}`)}</span> : r.kind === "RATIO" ? null : <span className="block text-slate-500">{t("notFilled")}</span>}
                    {r.lock.locked && r.kind !== "RATIO" ? (
                      <span className="block text-slate-600" data-testid={`lock-${r.code}`}>
                        🔒 {t(`locked.${r.lock.reason}`)}
                        {r.lock.since ? ` · ${t("since", { when: formatDateTime(r.lock.since, locale) })}` : ""}
                      </span>
                    ) : null}
                    {r.fill ? <History entries={histories[r.fill.id] ?? []} label={r.name} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div role="status" aria-live="polite" className="min-h-6 text-sm">
        {message ? <p className={message.ok ? "text-emerald-700" : "text-red-700"}>{message.text}</p> : null}
      </div>
      {canWrite && editableRows.length > 0 ? (
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-50">
            {t("saveDraft")}
          </button>
          <button type="button" disabled={pending} onClick={() => run(true)} className="rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 disabled:opacity-50">
            {t("submit")}
          </button>
          <p className="basis-full text-xs text-slate-500">{t("keysHelp")}</p>
        </div>
      ) : null}
    </form>
  );
}
