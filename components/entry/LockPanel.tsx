"use client";
/** Beside the month form: a reporter asks for an unlock of a locked month; an admin locks or re-opens the month. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { requestUnlock } from "@/lib/actions/request-unlock";
import { setPeriodLock } from "@/lib/actions/set-period-lock";
import type { ActionResult } from "@/lib/actions/result";

export function LockPanel({
  regionId, year, month, mode, locked,
}: { regionId: string; year: number; month: number; mode: "request" | "admin"; locked: boolean }) {
  const t = useTranslations("Locks");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  const go = (fn: () => Promise<ActionResult>) =>
    start(async () => {
      const res = await fn();
      setResult(res);
      if (res.ok) {
        setReason("");
        router.refresh();
      }
    });
  const id = `lock-reason-${mode}`;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-sm font-semibold text-slate-900">{mode === "request" ? t("requestTitle") : t("adminTitle")}</h2>
      <label htmlFor={id} className="mt-2 block text-sm text-slate-700">{t("reason")}</label>
      <textarea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={2}
        aria-describedby={result && !result.ok ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500"
      />
      <div className="mt-2 flex flex-wrap gap-2">
        {mode === "request" ? (
          <button type="button" disabled={pending} onClick={() => go(() => requestUnlock(null, { regionId, year, month, reason }))} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
            {t("request")}
          </button>
        ) : locked ? (
          <button type="button" disabled={pending} onClick={() => go(() => setPeriodLock(null, { year, month, state: "OPEN", reason }))} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50">
            {t("reopen")}
          </button>
        ) : (
          <button type="button" disabled={pending} onClick={() => go(() => setPeriodLock(null, { year, month, state: "LOCKED", reason }))} className="rounded-md bg-slate-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-50">
            {t("lock")}
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className="mt-2 text-sm">
        {result ? (
          <p id={`${id}-error`} className={result.ok ? "text-emerald-700" : "text-red-700"}>
            {result.message}
            {!result.ok && Object.values(result.errors).flat().length > 0 ? `：${Object.values(result.errors).flat().join(" ")}` : ""}
          </p>
        ) : null}
      </div>
    </section>
  );
}
