"use client";
import { useLocale, useTranslations } from "next-intl";
import type { FillHistory } from "@/lib/data/fills";
import { formatDateTime, formatFixed } from "@/lib/format";

/** The history of one cell: who, when, old → new value (at the indicator's precision) and status, reason. A native <details> disclosure. */
export function History({ entries, label, precision }: { entries: FillHistory["entries"]; label: string; precision: number }) {
  const t = useTranslations("Review");
  const locale = useLocale();
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
        {t("history.open", { count: entries.length })}
        <span className="sr-only">（{label}）</span>
      </summary>
      {entries.length === 0 ? (
        <p className="mt-1 text-slate-500">{t("history.empty")}</p>
      ) : (
        <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-2" aria-label={t("history.title", { field: label })}>
          {entries.map((e) => (
            <li key={e.id} className="text-slate-700">
              <span className="font-medium">{t(`actions.${e.action}`)}</span> · {e.actor ?? t("history.system")} · {formatDateTime(e.at, locale)}
              {e.oldValue !== e.newValue && (e.oldValue !== null || e.newValue !== null) ? (
                <span> · {formatFixed(e.oldValue, precision)} → {formatFixed(e.newValue, precision)}</span>
              ) : null}
              {e.oldStatus !== e.newStatus ? (
                <span> · {e.oldStatus ? t(`status.${e.oldStatus}`) : "—"} → {e.newStatus ? t(`status.${e.newStatus}`) : "—"}</span>
              ) : null}
              {e.reason ? <span className="block text-slate-600">{t("history.reason")}：{e.reason}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
