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
import { Button, Table, TBody, Td, Th, THead } from "@/components/ui";

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
        <Button type="button" pending={pending} onClick={() => send("dryRun")}>{t("dryRun")}</Button>
        <Button type="button" variant="primary" pending={pending} disabled={!(result?.ok && result.data.mode === "dryRun")} onClick={() => send("commit")}>{t("commit")}</Button>
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
          <Table caption={t("issuesTitle")} showCaption testId="import-issues">
            <THead>
              <Th>{t("columns.row")}</Th>
              <Th>{t("columns.column")}</Th>
              <Th>{t("columns.reason")}</Th>
            </THead>
            <TBody>
              {issues.flatMap(([k, reasons]) => {
                const [row, column] = k.split("|");
                return reasons.map((r, n) => (
                  <tr key={`${k}-${n}`}>
                    <Td className="tabular-nums">{row}</Td>
                    <Td>{column}</Td>
                    <Td className="whitespace-normal">{r}</Td>
                  </tr>
                ));
              })}
            </TBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
