"use client";
/** Pending unlock requests: the admin grants (for a number of days) or refuses, with a note. */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { decideUnlock } from "@/lib/actions/decide-unlock";
import { Button, inputClass } from "@/components/ui";

type Req = { id: string; regionName: string; year: number; month: number; reason: string; requestedBy: string | null };

export function UnlockRequests({ requests }: { requests: Req[] }) {
  const t = useTranslations("Locks");
  const router = useRouter();
  const [note, setNote] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const decide = (requestId: string, decision: "GRANTED" | "REFUSED") =>
    start(async () => {
      const res = await decideUnlock(null, { requestId, decision, note: note[requestId] ?? "", days: 7 });
      setMessage({ ok: res.ok, text: res.message });
      if (res.ok) router.refresh();
    });
  if (requests.length === 0) return <p className="text-sm text-slate-600">{t("noRequests")}</p>;
  return (
    <div className="space-y-2">
      <div role="status" aria-live="polite" className="text-sm">{message ? <p className={message.ok ? "text-emerald-700" : "text-red-700"}>{message.text}</p> : null}</div>
      <ul className="space-y-2">
        {requests.map((r) => (
          <li key={r.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium text-slate-900">{t("requestHeading", { region: r.regionName, year: r.year, month: r.month, who: r.requestedBy ?? "—" })}</p>
            <p className="text-slate-700">{r.reason}</p>
            <label className="mt-1 block text-xs text-slate-700">
              {t("decisionNote")}
              <input value={note[r.id] ?? ""} onChange={(e) => setNote((o) => ({ ...o, [r.id]: e.target.value }))} className={inputClass} />
            </label>
            <div className="mt-2 flex gap-2">
              <Button variant="primary" type="button" pending={pending} onClick={() => decide(r.id, "GRANTED")}>{t("grant")}</Button>
              <Button type="button" pending={pending} onClick={() => decide(r.id, "REFUSED")}>{t("refuse")}</Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
