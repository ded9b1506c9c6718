"use client";
/**
 * Import from .xlsx / .csv: "check file" (dry run: every bad row with its column and reason)
 * and "import" (all rows in one transaction or none). The file is parsed on the server in one
 * request; while it is uploaded and checked an indeterminate progress bar shows, then the
 * number of rows checked.
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { importFills, type ImportReport } from "@/lib/actions/import-fills";
import type { ActionResult } from "@/lib/actions/result";

export function ImportPanel({ templateHref, exportHref }: { templateHref: string; exportHref: string }) {
  const t = useTranslations("Import");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ActionResult<ImportReport> | null>(null);
  const [pending, start] = useTransition();
  const send = (mode: "dryRun" | "commit") => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const fd = new FormData();
    fd.set("file", file);
    fd.set("mode", mode);
    start(async () => {
      const res = await importFills(null, fd);
      setResult(res);
      if (res.ok && mode === "commit") router.refresh();
    });
  };
  const issues = result && !result.ok ? Object.entries(result.errors).filter(([k]) => k.includes("|")) : [];
  const formErrors = result && !result.ok ? Object.entries(result.errors).filter(([k]) => !k.includes("|")).flatMap(([, v]) => v) : [];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="import-title">
      <h2 id="import-title" className="text-sm font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-xs text-slate-600">{t("help")}</p>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <a href={templateHref} className="text-sky-800 underline">{t("template")}</a>
        <a href={exportHref} className="text-sky-800 underline">{t("export")}</a>
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="text-slate-700">{t("file")}</span>
          <input ref={fileRef} type="file" name="file" accept=".xlsx,.csv" onChange={() => setResult(null)} className="text-sm" />
        </label>
        <button type="button" disabled={pending} onClick={() => send("dryRun")} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50">{t("dryRun")}</button>
        <button type="button" disabled={pending || !(result?.ok && result.data.mode === "dryRun")} onClick={() => send("commit")} className="rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-50">{t("commit")}</button>
      </div>
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {pending ? (
          <p className="flex items-center gap-2 text-slate-700"><progress className="w-40" aria-label={t("working")} />{t("working")}</p>
        ) : result ? (
          <>
            <p className={result.ok ? "text-emerald-700" : "text-red-700"}>{result.message}</p>
            {result.ok ? <p className="text-xs text-slate-600">{t("checkedRows", { rows: result.data.rows })}</p> : null}
            {formErrors.length ? <p className="text-red-700">{formErrors.join(" ")}</p> : null}
          </>
        ) : null}
      </div>
      {issues.length > 0 ? (
        <div className="mt-2 max-h-72 overflow-auto">
          <table className="min-w-full text-xs" data-testid="import-issues">
            <caption className="text-left font-medium text-slate-900">{t("issuesTitle")}</caption>
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr><th scope="col" className="px-2 py-1">{t("columns.row")}</th><th scope="col" className="px-2 py-1">{t("columns.column")}</th><th scope="col" className="px-2 py-1">{t("columns.reason")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {issues.flatMap(([k, reasons]) => {
                const [row, column] = k.split("|");
                return reasons.map((r, n) => (
                  <tr key={`${k}-${n}`}><td className="px-2 py-1 tabular-nums">{row}</td><td className="px-2 py-1">{column}</td><td className="px-2 py-1">{r}</td></tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
