"use client";
/** One indicator's row of the month form: name, last month, target, the value, completion, status. */
import { useLocale, useTranslations } from "next-intl";
import { errorId } from "@/lib/actions/result";
import type { EntryRow as Row, FillHistory } from "@/lib/data/fills";
import { formatDateTime, formatFixed, formatPercent } from "@/lib/format";
import type { CheckFlag } from "@/lib/reporting/checks";
import { Td } from "@/components/ui";
import { History } from "./History";
import { liveActual, liveCompletion, liveFlags, type Tone } from "./rules";
import type { EntrySheetState } from "./useEntrySheet";

const FORM = "entry";

const TONE: Record<Tone, string> = { none: "text-slate-500", ahead: "text-emerald-700", behind: "text-amber-700", serious: "text-red-700" };
const text = (v: { toString(): string } | null) => (v === null ? null : v.toString());

function FlagsBox({ r, flags, state }: { r: Row; flags: CheckFlag[]; state: EntrySheetState }) {
  const t = useTranslations("Entry");
  return (
    <div id={`${FORM}-${r.indicatorId}-flags`} className="mt-1 max-w-xs space-y-1 whitespace-normal rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
      <p>{flags.map((f) => t(`flags.${f}`)).join("；")}</p>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={state.isConfirmed(r.indicatorId)} onChange={(e) => state.setConfirmed(r.indicatorId, e.target.checked)} />
        {t("confirm")}
      </label>
      <label className="block">
        <span className="sr-only">{t("noteFor", { field: r.name })}</span>
        <input
          type="text"
          placeholder={t("notePlaceholder")}
          aria-label={t("noteFor", { field: r.name })}
          value={state.noteText(r)}
          onChange={(e) => state.setNote(r.indicatorId, e.target.value)}
          className="w-full rounded border border-amber-300 px-1 py-0.5"
        />
      </label>
    </div>
  );
}

function ValueInput({ r, index, describedBy, invalid, state }: { r: Row; index: number; describedBy?: string; invalid: boolean; state: EntrySheetState }) {
  return (
    <input
      ref={state.register(index)}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      aria-label={`${r.name}（${r.unit}）`}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      value={state.valueText(r)}
      onChange={(e) => state.setValue(r.indicatorId, e.target.value)}
      onKeyDown={(e) => state.onKeyDown(e, index)}
      onPaste={(e) => state.onPaste(e, index)}
      className="w-32 rounded-md border border-slate-300 px-2 py-1.5 text-right tabular-nums focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500 aria-[invalid=true]:border-red-500"
    />
  );
}

function ValueCell({ r, index, actual, flags, state }: { r: Row; index: number; actual: string | null; flags: CheckFlag[]; state: EntrySheetState }) {
  const t = useTranslations("Entry");
  const field = `cells.${r.indicatorId}`;
  const err = state.errors[field];
  const malformed = state.parsed[r.indicatorId] === "error";
  const describedBy = [err ? errorId(FORM, field) : null, flags.length ? `${FORM}-${r.indicatorId}-flags` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Td className="align-top">
      {r.kind === "RATIO" ? (
        <output className="tabular-nums text-slate-900" aria-label={r.name}>{formatFixed(actual, r.precision)}</output>
      ) : state.editable(r) ? (
        <ValueInput r={r} index={index} describedBy={describedBy} invalid={!!err || malformed} state={state} />
      ) : (
        <span className="tabular-nums text-slate-900">{formatFixed(r.fill?.value ?? null, r.precision)}</span>
      )}
      {malformed ? <p className="mt-1 text-xs text-red-700">{t("errors.malformedLive", { precision: r.precision })}</p> : null}
      {err ? (
        <p id={errorId(FORM, field)} role="alert" className="mt-1 max-w-xs whitespace-normal text-xs text-red-700">{err.join(" ")}</p>
      ) : null}
      {flags.length > 0 ? <FlagsBox r={r} flags={flags} state={state} /> : null}
      {r.fill?.reviewReason && r.fill.status === "RETURNED" ? (
        <p className="mt-1 max-w-xs whitespace-normal rounded bg-orange-50 px-2 py-1 text-xs text-orange-900" data-testid={`returned-${r.code}`}>
          {t("returnedReason", { reason: r.fill.reviewReason })}
        </p>
      ) : null}
    </Td>
  );
}

function StatusCell({ r, history }: { r: Row; history: FillHistory["entries"] }) {
  const t = useTranslations("Entry");
  const tr = useTranslations("Review");
  const locale = useLocale();
  return (
    <Td className="align-top text-xs">
      {r.fill ? <span className="block text-slate-800">{tr(`status.${r.fill.status}`)}</span> : r.kind === "RATIO" ? null : <span className="block text-slate-500">{t("notFilled")}</span>}
      {r.lock.locked && r.kind !== "RATIO" ? (
        <span className="block text-slate-600" data-testid={`lock-${r.code}`}>
          🔒 {t(`locked.${r.lock.reason}`)}
          {r.lock.since ? ` · ${t("since", { when: formatDateTime(r.lock.since, locale) })}` : ""}
        </span>
      ) : null}
      {r.fill ? <div className="whitespace-normal"><History entries={history} label={r.name} /></div> : null}
    </Td>
  );
}

/** The row; `index` is its place among the editable value fields (for the keys and paste). */
export function EntryRow({ r, index, month, state, history }: { r: Row; index: number; month: number; state: EntrySheetState; history: FillHistory["entries"] }) {
  const t = useTranslations("Entry");
  const actual = liveActual(r, month, state.valueOf);
  const { completion, tone } = liveCompletion(r, month, actual);
  const flags = state.editable(r) ? liveFlags(r, month, state.valueOf(r.indicatorId)) : [];
  const err = state.errors[`cells.${r.indicatorId}`];
  return (
    <tr data-testid={`row-${r.code}`} data-last={r.last ?? ""} data-kind={r.kind} data-precision={r.precision} className={err ? "bg-red-50" : undefined}>
      <th scope="row" className="px-3 py-2 text-left align-top font-normal">
        <span className="font-medium text-slate-900">{r.name}</span>
        <span className="ml-1 text-xs text-slate-500">（{r.unit}）</span>
        {r.kind === "RATIO" ? <span className="block text-xs text-slate-500">{t("computed")}</span> : null}
      </th>
      <Td numeric className="align-top text-slate-700">{formatFixed(r.last, r.precision)}</Td>
      <Td numeric className="align-top text-slate-700">{formatFixed(r.target, r.precision)}</Td>
      <ValueCell r={r} index={index} actual={text(actual)} flags={flags} state={state} />
      <Td className={`align-top text-xs tabular-nums ${TONE[tone]}`}>
        {completion.value === null ? (
          <span className="text-slate-500">{t(`noCompletion.${completion.reason ?? "NO_DATA"}`)}</span>
        ) : (
          <>
            <span className="block">{t("completion", { value: formatPercent(text(completion.value)) })}</span>
            <span className="block text-slate-500">{t("expected", { value: formatPercent(text(completion.benchmark)) })}</span>
          </>
        )}
      </Td>
      <StatusCell r={r} history={history} />
    </tr>
  );
}
