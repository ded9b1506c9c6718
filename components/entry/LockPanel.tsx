"use client";
/** Beside the month form: a reporter asks for an unlock of a locked month; an admin locks or re-opens the month. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { requestUnlock } from "@/lib/actions/request-unlock";
import { setPeriodLock } from "@/lib/actions/set-period-lock";
import type { ActionResult } from "@/lib/actions/result";
import { Button, inputClass } from "@/components/ui";

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
        className={inputClass}
      />
      <div className="mt-2 flex flex-wrap gap-2">
        {mode === "request" ? (
          <Button type="button" variant="primary" pending={pending} onClick={() => go(() => requestUnlock(null, { regionId, year, month, reason }))}>
            {t("request")}
          </Button>
        ) : locked ? (
          <Button type="button" variant="primary" pending={pending} onClick={() => go(() => setPeriodLock(null, { year, month, state: "OPEN", reason }))}>
            {t("reopen")}
          </Button>
        ) : (
          <Button type="button" variant="danger" pending={pending} onClick={() => go(() => setPeriodLock(null, { year, month, state: "LOCKED", reason }))}>
            {t("lock")}
          </Button>
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
