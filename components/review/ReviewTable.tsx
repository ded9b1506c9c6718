"use client";
/** The submitted month of one region: approve one or many, return one value with a reason, see each cell's history. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { approveFills } from "@/lib/actions/approve-fills";
import { returnFill } from "@/lib/actions/return-fill";
import type { EntrySheet, FillHistory } from "@/lib/data/fills";
import { History } from "@/components/entry/History";
import { formatFixed } from "@/lib/format";

export function ReviewTable({ sheet, histories }: { sheet: EntrySheet; histories: Record<string, FillHistory["entries"]> }) {
  const t = useTranslations("Review");
  const router = useRouter();
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [returning, setReturning] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const submitted = sheet.rows.filter((r) => r.fill?.status === "SUBMITTED");
  const chosen = submitted.filter((r) => selected[r.fill!.id]).map((r) => r.fill!.id);
  const allChosen = submitted.length > 0 && chosen.length === submitted.length;

  const approve = (ids: string[]) =>
    start(async () => {
      const res = await approveFills(null, { fillIds: ids });
      setMessage({ ok: res.ok, text: res.message });
      if (res.ok) {
        setSelected({});
        router.refresh();
      }
    });
  const sendBack = (fillId: string) =>
    start(async () => {
      const res = await returnFill(null, { fillId, reason });
      setMessage({ ok: res.ok, text: res.ok ? res.message : [res.message, ...Object.values(res.errors).flat()].join(" ") });
      if (res.ok) {
        setReturning(null);
        setReason("");
        router.refresh();
      }
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allChosen} onChange={(e) => setSelected(Object.fromEntries(submitted.map((r) => [r.fill!.id, e.target.checked])))} />
          {t("selectAll", { count: submitted.length })}
        </label>
        <button type="button" disabled={pending || chosen.length === 0} onClick={() => approve(chosen)} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50">
          {t("approveSelected", { count: chosen.length })}
        </button>
      </div>
      <div role="status" aria-live="polite" className="min-h-5 text-sm">
        {message ? <p className={message.ok ? "text-emerald-700" : "text-red-700"}>{message.text}</p> : null}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs font-medium text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2"><span className="sr-only">{t("select")}</span></th>
              <th scope="col" className="px-3 py-2">{t("columns.indicator")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.last")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.value")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sheet.rows.filter((r) => r.kind !== "RATIO").map((r) => (
              <tr key={r.indicatorId} data-testid={`review-${r.code}`}>
                <td className="px-3 py-2 align-top">
                  {r.fill?.status === "SUBMITTED" ? (
                    <input type="checkbox" aria-label={t("selectOne", { field: r.name })} checked={!!selected[r.fill.id]} onChange={(e) => setSelected((o) => ({ ...o, [r.fill!.id]: e.target.checked }))} />
                  ) : null}
                </td>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium text-slate-900">
                  {r.name}<span className="ml-1 text-xs font-normal text-slate-500">（{r.unit}）</span>
                  {r.fill?.note ? <span className="block text-xs font-normal text-slate-600">{t("note", { note: r.fill.note })}</span> : null}
                </th>
                <td className="px-3 py-2 text-right align-top tabular-nums">{formatFixed(r.last, r.precision)}</td>
                <td className="px-3 py-2 text-right align-top tabular-nums font-medium">{formatFixed(r.fill?.value ?? null, r.precision)}</td>
                <td className="px-3 py-2 align-top text-xs">
                  {r.fill ? t(`status.${r.fill.status}`) : t("missing")}
                  {r.fill?.reviewReason ? <span className="block text-orange-800">{r.fill.reviewReason}</span> : null}
                </td>
                <td className="px-3 py-2 align-top">
                  {r.fill?.status === "SUBMITTED" ? (
                    returning === r.fill.id ? (
                      <div className="flex min-w-56 flex-col gap-1">
                        <label htmlFor={`reason-${r.code}`} className="text-xs text-slate-700">{t("returnReason")}</label>
                        <input id={`reason-${r.code}`} value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm" />
                        <div className="flex gap-2">
                          <button type="button" disabled={pending} onClick={() => sendBack(r.fill!.id)} className="rounded bg-orange-700 px-2 py-1 text-xs font-medium text-white disabled:opacity-50">{t("confirmReturn")}</button>
                          <button type="button" onClick={() => setReturning(null)} className="rounded border border-slate-300 px-2 py-1 text-xs">{t("cancel")}</button>
                        </div>
                      </div>
                    ) : (
                      <div className="flex gap-2">
                        <button type="button" disabled={pending} onClick={() => approve([r.fill!.id])} className="rounded border border-emerald-600 px-2 py-1 text-xs text-emerald-800 hover:bg-emerald-50">{t("approve")}<span className="sr-only">{r.name}</span></button>
                        <button type="button" onClick={() => { setReturning(r.fill!.id); setReason(""); }} className="rounded border border-orange-600 px-2 py-1 text-xs text-orange-800 hover:bg-orange-50">{t("return")}<span className="sr-only">{r.name}</span></button>
                      </div>
                    )
                  ) : null}
                  {r.fill ? <History entries={histories[r.fill.id] ?? []} label={r.name} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
