"use client";
/**
 * Import targets from .xlsx or .csv: "check" (dry run: every bad row with its row, column and
 * reason, nothing written) and "import" (all rows in one transaction, or none). The form
 * is submitted by hand so the chosen file stays selected between the check and the import.
 */
import { useActionState, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { importTargets, type ImportTargetsData } from "@/lib/actions/import-targets";
import { errorId, type ActionResult } from "@/lib/actions/result";
import { MAX_UPLOAD_BYTES } from "@/lib/schemas/upload";
import { Button, Table, TBody, Td, Th, THead } from "@/components/ui";

type Result = ActionResult<ImportTargetsData> | null;

/** The outcome: the message, the file's errors, and that nothing was written when rows are bad. */
function Outcome({ result }: { result: Result }) {
  const t = useTranslations("Targets.import");
  if (!result) return null;
  const data = result.ok ? result.data : null;
  const fileErrors = result.ok ? undefined : result.errors.file;
  const tone = !result.ok || (data && data.issues.length > 0) ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800";
  return (
    <div role="status" className={`mt-3 rounded-md border px-3 py-2 text-sm ${tone}`} data-testid="import-result">
      <p className="font-medium">{result.message}</p>
      {fileErrors ? (
        <p id={errorId("import", "file")} className="mt-1">
          {fileErrors.join(" ")}
        </p>
      ) : null}
      {data && data.issues.length > 0 ? <p className="mt-1">{t("nothingWritten")}</p> : null}
    </div>
  );
}

function IssuesTable({ issues }: { issues: ImportTargetsData["issues"] }) {
  const t = useTranslations("Targets.import");
  return (
    <Table caption={t("issuesCaption")} testId="import-issues" className="mt-3">
      <THead>
        <Th>{t("row")}</Th>
        <Th>{t("column")}</Th>
        <Th>{t("value")}</Th>
        <Th>{t("reason")}</Th>
      </THead>
      <TBody>
        {issues.map((i, n) => (
          <tr key={n}>
            <Td className="tabular-nums">{i.row}</Td>
            <Td>{i.column}</Td>
            <Td className="font-mono">{i.value}</Td>
            <Td className="text-red-800">{i.message}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export function TargetImportForm({ year }: { year: number }) {
  const t = useTranslations("Targets.import");
  const tu = useTranslations("Upload");
  const [answer, formAction] = useActionState<Result, FormData>(importTargets, null);
  // a file over the limit is refused here with the importer's message: the server would
  // only refuse it after the upload (or, far over, before the importer could say why)
  const [tooLarge, setTooLarge] = useState<Result>(null);
  const result = tooLarge ?? answer;
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_UPLOAD_BYTES) {
      setTooLarge({ ok: false, message: tu("tooLarge"), errors: { file: [tu("tooLarge")] } });
      return;
    }
    setTooLarge(null);
    data.set("mode", submitter?.value === "commit" ? "commit" : "dryRun");
    startTransition(() => formAction(data));
  }

  const issues = result?.ok ? result.data.issues : [];
  const fileInvalid = !!result && !result.ok && !!result.errors.file;
  return (
    <section aria-labelledby="import-title" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="target-import">
      <h2 id="import-title" className="text-base font-semibold text-slate-900">
        {t("title", { year })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
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
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={fileInvalid ? errorId("import", "file") : undefined}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-800"
          />
        </div>
        <Button value="dryRun" pending={pending}>{t("dryRun")}</Button>
        <Button value="commit" variant="primary" pending={pending}>{t("commit")}</Button>
        {pending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
      </form>
      <Outcome result={result} />
      {issues.length > 0 ? <IssuesTable issues={issues} /> : null}
    </section>
  );
}
