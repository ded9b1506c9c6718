"use client";
/**
 * One indicator's row of the month form: name, last month, target, the value, completion,
 * status. Each value says what it is — 截至本月累计 (CUMULATIVE), 月末数 (STOCK), 期末总数
 * (INCREMENT) — and an INCREMENT row shows last year-end's total and the year's increase
 * (期末总数 − 上年末总数) live beside the field. Figures at the indicator's precision.
 */
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

type Flags = { flags: CheckFlag[]; values: Record<string, string> };

function FlagsBox({ r, flags: { flags, values }, state }: { r: Row; flags: Flags; state: EntrySheetState }) {
  const t = useTranslations("Entry");
  return (
    <div id={`${FORM}-${r.indicatorId}-flags`} className="mt-1 max-w-xs space-y-1 whitespace-normal rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
      <p data-testid={`flags-${r.code}`}>{flags.map((f) => t(`flags.${f}`, values)).join("；")}</p>
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
  const t = useTranslations("Entry");
  const wants = r.kind === "RATIO" ? "" : t(`wants.${r.kind}`);
  return (
    <input
      ref={state.register(index)}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      aria-label={`${r.name}（${r.unit}）${wants}`}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      value={state.valueText(r)}
      onChange={(e) => state.setValue(r.indicatorId, e.target.value)}
      onKeyDown={(e) => state.onKeyDown(e, index)}
      onPaste={(e) => state.onPaste(e, index)}
      className="w-full rounded-md border sm:w-32 border-slate-300 px-2 py-1.5 text-right tabular-nums focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500 aria-[invalid=true]:border-red-500"
    />
  );
}

/** INCREMENT: the year's increase as the engine computes it (期末总数 − 上年末总数), live. */
function Increase({ r, actual }: { r: Row; actual: string | null }) {
  const t = useTranslations("Entry");
  if (r.baseline === null) return <p className="mt-1 text-xs text-slate-500">{t("noBaseline")}</p>;
  return (
    <p className="mt-1 max-w-xs whitespace-normal text-xs text-slate-700">
      <output data-testid={`increase-${r.code}`} className={`font-medium tabular-nums ${actual?.startsWith("-") ? "text-red-700" : "text-slate-900"}`}>
        {t("increase", { value: formatFixed(actual, r.precision), unit: r.unit })}
      </output>
      <span className="block text-slate-500">{t("increaseRule")}</span>
    </p>
  );
}

function ValueCell({ r, index, actual, flags, state }: { r: Row; index: number; actual: string | null; flags: Flags; state: EntrySheetState }) {
  const t = useTranslations("Entry");
  const field = `cells.${r.indicatorId}`;
  const err = state.errors[field];
  const malformed = state.parsed[r.indicatorId] === "error";
  const flagged = flags.flags.length > 0;
  const describedBy = [err ? errorId(FORM, field) : null, flagged ? `${FORM}-${r.indicatorId}-flags` : null].filter(Boolean).join(" ") || undefined;
  return (
    <Td className="align-top" data-wide="">
      {r.kind === "RATIO" ? null : <span className="block text-xs text-slate-600" data-testid={`wants-${r.code}`}>{t(`wants.${r.kind}`)}</span>}
      {r.kind === "RATIO" ? (
        <output className="tabular-nums text-slate-900" aria-label={r.name}>{formatFixed(actual, r.precision)}</output>
      ) : state.editable(r) ? (
        <ValueInput r={r} index={index} describedBy={describedBy} invalid={!!err || malformed} state={state} />
      ) : (
        <span className="tabular-nums text-slate-900">{formatFixed(r.fill?.value ?? null, r.precision)}</span>
      )}
      {r.kind === "INCREMENT" ? <Increase r={r} actual={actual} /> : null}
      {malformed ? <p className="mt-1 text-xs text-red-700">{t("errors.malformedLive", { precision: r.precision })}</p> : null}
      {err ? (
        <p id={errorId(FORM, field)} role="alert" className="mt-1 max-w-xs whitespace-normal text-xs text-red-700">{err.join(" ")}</p>
      ) : null}
      {flagged ? <FlagsBox r={r} flags={flags} state={state} /> : null}
      {r.fill?.reviewReason && r.fill.status === "RETURNED" ? (
        <p className="mt-1 max-w-xs whitespace-normal rounded bg-orange-50 px-2 py-1 text-xs text-orange-900" data-testid={`returned-${r.code}`}>
          {t("returnedReason", { reason: r.fill.reviewReason })}
        </p>
      ) : null}
    </Td>
  );
}

/** Last month's value, named for the kind; for INCREMENT also last year-end's total. */
function LastCell({ r }: { r: Row }) {
  const t = useTranslations("Entry");
  return (
    <Td numeric className="align-top text-slate-700" data-label={t("columns.last")}>
      <span className="block">{formatFixed(r.last, r.precision)}</span>
      {r.kind === "RATIO" ? null : <span className="block text-xs text-slate-500">{t(`lastAs.${r.kind}`)}</span>}
      {r.kind === "INCREMENT" ? (
        <span className="block text-xs text-slate-700" data-testid={`baseline-${r.code}`}>{t("baseline", { value: formatFixed(r.baseline, r.precision) })}</span>
      ) : null}
    </Td>
  );
}

function StatusCell({ r, history }: { r: Row; history: FillHistory["entries"] }) {
  const t = useTranslations("Entry");
  const tr = useTranslations("Review");
  const locale = useLocale();
  return (
    <Td className="align-top text-xs" data-label={t("columns.status")}>
      {r.fill ? <span className="block text-slate-800">{tr(`status.${r.fill.status}`)}</span> : r.kind === "RATIO" ? null : <span className="block text-slate-500">{t("notFilled")}</span>}
      {r.lock.locked && r.kind !== "RATIO" ? (
        <span className="block text-slate-600" data-testid={`lock-${r.code}`}>
          🔒 {t(`locked.${r.lock.reason}`)}
          {r.lock.since ? ` · ${t("since", { when: formatDateTime(r.lock.since, locale) })}` : ""}
        </span>
      ) : null}
      {r.fill ? <div className="whitespace-normal"><History entries={history} label={r.name} precision={r.precision} /></div> : null}
    </Td>
  );
}

/** The row; `index` is its place among the editable value fields (for the keys and paste). */
export function EntryRow({ r, index, month, state, history }: { r: Row; index: number; month: number; state: EntrySheetState; history: FillHistory["entries"] }) {
  const t = useTranslations("Entry");
  const actual = liveActual(r, month, state.valueOf);
  const { completion, tone } = liveCompletion(r, month, actual);
  const flags = state.editable(r) ? liveFlags(r, month, state.valueOf(r.indicatorId)) : { flags: [], values: {} };
  const err = state.errors[`cells.${r.indicatorId}`];
  return (
    <tr data-testid={`row-${r.code}`} data-last={r.last ?? ""} data-kind={r.kind} data-precision={r.precision} className={err ? "bg-red-50" : undefined}>
      <th scope="row" className="px-3 py-2 text-left align-top font-normal" data-wide="">
        <span className="font-medium text-slate-900">{r.name}</span>
        <span className="ml-1 text-xs text-slate-500">（{r.unit}）</span>
        {r.kind === "RATIO" ? <span className="block text-xs text-slate-500">{t("computed")}</span> : null}
      </th>
      <LastCell r={r} />
      <Td numeric className="align-top text-slate-700" data-label={t("columns.target")}>
        <span className="block">{formatFixed(r.target, r.precision)}</span>
        {r.kind === "INCREMENT" ? <span className="block text-xs text-slate-500">{t("targetIncrease")}</span> : null}
      </Td>
      <ValueCell r={r} index={index} actual={text(actual)} flags={flags} state={state} />
      <Td className={`align-top text-xs tabular-nums ${TONE[tone]}`} data-label={t("columns.completion")} data-testid={`completion-${r.code}`}>
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
