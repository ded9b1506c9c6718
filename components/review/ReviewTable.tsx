"use client";
/**
 * The submitted month of one region: approve one or many, return one value with a reason,
 * see each cell's history. Each value shows its change from last month and which entry
 * check (lib/reporting/checks) it raised, so a reviewer sees what the reporter confirmed.
 * The outcome of each action goes to the desk around it (ReviewDesk).
 */
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { approveFills } from "@/lib/actions/approve-fills";
import { returnFill } from "@/lib/actions/return-fill";
import type { EntrySheet, FillHistory } from "@/lib/data/fills";
import { History } from "@/components/entry/History";
import { Decimal } from "@/lib/decimal";
import { formatFixed } from "@/lib/format";
import { checkInputOf, checkValue, flagValues } from "@/lib/reporting/checks";
import { Button, inputClass, Table, TBody, Td, Th, THead, type FormResult } from "@/components/ui";

type Row = EntrySheet["rows"][number];

/**
 * Selection, the value being returned with its reason, and the approve / return actions.
 * `onResult` hears each outcome and whether the month has nothing left to review (`done`),
 * so the desk can move on to the next submission.
 */
function useReview(submittedIds: readonly string[], onResult: (result: FormResult, done: boolean) => void) {
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [pending, start] = useTransition();
  const doneAfter = (ids: readonly string[]) => submittedIds.every((id) => ids.includes(id));
  const approve = (ids: string[]) =>
    start(async () => {
      const res = await approveFills(null, { fillIds: ids });
      if (res.ok) setSelected({});
      onResult(res, res.ok && doneAfter(ids));
    });
  const sendBack = (fillId: string) =>
    start(async () => {
      const res = await returnFill(null, { fillId, reason });
      if (res.ok) {
        setReturning(null);
        setReason("");
      }
      // the reason's own errors are shown with the message (the reason field is in the row)
      onResult(res.ok ? res : { ...res, message: [res.message, ...Object.values(res.errors).flat()].join(" ") }, res.ok && doneAfter([fillId]));
    });
  const startReturn = (fillId: string | null) => {
    setReturning(fillId);
    setReason("");
  };
  return { selected, setSelected, returning, startReturn, reason, setReason, pending, approve, sendBack };
}

type Review = ReturnType<typeof useReview>;

function RowActions({ r, review }: { r: Row; review: Review }) {
  const t = useTranslations("Review");
  const fillId = r.fill!.id;
  if (review.returning !== fillId) {
    return (
      <div className="flex gap-2">
        <Button type="button" pending={review.pending} onClick={() => review.approve([fillId])}>{t("approve")}<span className="sr-only">{r.name}</span></Button>
        <Button type="button" variant="danger" onClick={() => review.startReturn(fillId)}>{t("return")}<span className="sr-only">{r.name}</span></Button>
      </div>
    );
  }
  return (
    <div className="flex min-w-56 flex-col gap-1">
      <label htmlFor={`reason-${r.code}`} className="text-xs text-slate-700">{t("returnReason")}</label>
      <input id={`reason-${r.code}`} value={review.reason} onChange={(e) => review.setReason(e.target.value)} className={inputClass} />
      <div className="flex gap-2">
        <Button type="button" variant="danger" pending={review.pending} onClick={() => review.sendBack(fillId)}>{t("confirmReturn")}</Button>
        <Button type="button" onClick={() => review.startReturn(null)}>{t("cancel")}</Button>
      </div>
    </div>
  );
}

/** The change from last month and the checks the saved value raises. */
function CheckCells({ r, month }: { r: Row; month: number }) {
  const t = useTranslations("Review");
  if (!r.fill) {
    return (
      <>
        <Td numeric className="align-top">—</Td>
        <Td className="align-top text-xs">—</Td>
      </>
    );
  }
  const input = checkInputOf(r, month, new Decimal(r.fill.value));
  const flags = checkValue(input);
  return (
    <>
      <Td numeric className="align-top" data-testid={`change-${r.code}`}>{flagValues(input, r.unit).change}</Td>
      <Td className="align-top whitespace-normal text-xs" data-testid={`checks-${r.code}`}>
        {flags.length === 0 ? (
          <span className="text-slate-500">{t("noFlags")}</span>
        ) : (
          <ul className="space-y-0.5 text-amber-800">{flags.map((f) => <li key={f}>{t(`flags.${f}`)}</li>)}</ul>
        )}
      </Td>
    </>
  );
}

function ReviewRow({ r, month, review, history }: { r: Row; month: number; review: Review; history: FillHistory["entries"] }) {
  const t = useTranslations("Review");
  const submitted = r.fill?.status === "SUBMITTED";
  return (
    <tr data-testid={`review-${r.code}`}>
      <Td className="align-top">
        {submitted ? (
          <input type="checkbox" aria-label={t("selectOne", { field: r.name })} checked={!!review.selected[r.fill!.id]} onChange={(e) => review.setSelected((o) => ({ ...o, [r.fill!.id]: e.target.checked }))} />
        ) : null}
      </Td>
      <th scope="row" className="px-3 py-2 text-left align-top font-medium text-slate-900">
        {r.name}<span className="ml-1 text-xs font-normal text-slate-500">（{r.unit}）</span>
        {r.fill?.note ? <span className="block text-xs font-normal text-slate-600">{t("note", { note: r.fill.note })}</span> : null}
      </th>
      <Td numeric className="align-top">{formatFixed(r.last, r.precision)}</Td>
      <Td numeric className="align-top font-medium">{formatFixed(r.fill?.value ?? null, r.precision)}</Td>
      <CheckCells r={r} month={month} />
      <Td className="align-top text-xs">
        {r.fill ? t(`status.${r.fill.status}`) : t("missing")}
        {r.fill?.reviewReason ? <span className="block whitespace-normal text-orange-800">{r.fill.reviewReason}</span> : null}
      </Td>
      <Td className="align-top">
        {submitted ? <RowActions r={r} review={review} /> : null}
        {r.fill ? <div className="whitespace-normal"><History entries={history} label={r.name} precision={r.precision} /></div> : null}
      </Td>
    </tr>
  );
}

export function ReviewTable({ sheet, histories, onResult }: { sheet: EntrySheet; histories: Record<string, FillHistory["entries"]>; onResult: (result: FormResult, done: boolean) => void }) {
  const t = useTranslations("Review");
  const submitted = sheet.rows.filter((r) => r.fill?.status === "SUBMITTED");
  const review = useReview(submitted.map((r) => r.fill!.id), onResult);
  const chosen = submitted.filter((r) => review.selected[r.fill!.id]).map((r) => r.fill!.id);
  const allChosen = submitted.length > 0 && chosen.length === submitted.length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allChosen} onChange={(e) => review.setSelected(Object.fromEntries(submitted.map((r) => [r.fill!.id, e.target.checked])))} />
          {t("selectAll", { count: submitted.length })}
        </label>
        <Button type="button" variant="primary" disabled={chosen.length === 0} pending={review.pending} onClick={() => review.approve(chosen)}>
          {t("approveSelected", { count: chosen.length })}
        </Button>
      </div>
      <Table caption={t("columns.indicator")}>
        <THead>
          <Th><span className="sr-only">{t("select")}</span></Th>
          <Th>{t("columns.indicator")}</Th>
          <Th numeric>{t("columns.last")}</Th>
          <Th numeric>{t("columns.value")}</Th>
          <Th numeric>{t("columns.change")}</Th>
          <Th>{t("columns.checks")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.actions")}</Th>
        </THead>
        <TBody>
          {sheet.rows.filter((r) => r.kind !== "RATIO").map((r) => (
            <ReviewRow key={r.indicatorId} r={r} month={sheet.month} review={review} history={r.fill ? (histories[r.fill.id] ?? []) : []} />
          ))}
        </TBody>
      </Table>
    </div>
  );
}
