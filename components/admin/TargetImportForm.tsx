"use client";
/**
 * Import targets from .xlsx: "check" (dry run: every bad row with its row, column and
 * reason, nothing written) and "import" (all rows in one transaction, or none). The form
 * is submitted by hand so the chosen file stays selected between the check and the import.
 */
import { useActionState, useRef, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { importTargets, type ImportTargetsData } from "@/lib/actions/import-targets";
import { errorId, type ActionResult } from "@/lib/actions/result";

export function TargetImportForm({ year }: { year: number }) {
  const t = useTranslations("Targets.import");
  const [result, formAction] = useActionState<ActionResult<ImportTargetsData> | null, FormData>(importTargets, null);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    data.set("mode", submitter?.value === "commit" ? "commit" : "dryRun");
    startTransition(() => formAction(data));
  }

  const data = result?.ok ? result.data : null;
  const fileErrors = result && !result.ok ? result.errors.file : undefined;
  const tone = !result ? "" : !result.ok || (data && data.issues.length > 0) ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800";

  return (
    <section aria-labelledby="import-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="target-import">
      <h2 id="import-title" className="text-base font-semibold text-slate-900">
        {t("title", { year })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <form ref={form} onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="year" value={year} />
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
            {t("file")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileErrors ? errorId("import", "file") : undefined}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-800"
          />
        </div>
        <button type="submit" value="dryRun" disabled={pending} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60">
          {t("dryRun")}
        </button>
        <button type="submit" value="commit" disabled={pending} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-500 disabled:opacity-60">
          {t("commit")}
        </button>
        {pending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
      </form>
      {result ? (
        <div role="status" className={`mt-3 rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="import-result">
          <p className="font-medium">{result.message}</p>
          {fileErrors ? (
            <p id={errorId("import", "file")} className="mt-1">
              {fileErrors.join(" ")}
            </p>
          ) : null}
          {data && data.issues.length > 0 ? <p className="mt-1">{t("nothingWritten")}</p> : null}
        </div>
      ) : null}
      {data && data.issues.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="import-issues">
            <caption className="sr-only">{t("issuesCaption")}</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("row")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("column")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("value")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {data.issues.map((i, n) => (
                <tr key={n} className="border-t border-slate-100">
                  <td className="px-3 py-1.5 tabular-nums">{i.row}</td>
                  <td className="px-3 py-1.5">{i.column}</td>
                  <td className="px-3 py-1.5 font-mono">{i.value}</td>
                  <td className="px-3 py-1.5 text-red-800">{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
