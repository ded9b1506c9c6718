"use client";
/**
 * The sheet import of an administration page (regions, catalogue, users): pick an .xlsx or
 * .csv, "check" (dry run: every problem with its row, column and reason, or a preview of
 * what would be created and changed), then "import" (all rows in one transaction, or none).
 * The file stays selected between the check and the import. A file handed back by the
 * import (the users' one-time passwords) is offered once as a download; an import that
 * asks why (the history backfill) has a reason field.
 */
import { useActionState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SheetImportData } from "@/lib/admin/sheet-import";
import { errorId, type ActionResult } from "@/lib/actions/result";
import type { ServerAction } from "@/lib/actions/client";
import { Button, Table, TBody, Td, Th, THead } from "@/components/ui";

type Result = ActionResult<SheetImportData> | null;

function Issues({ issues }: { issues: SheetImportData["issues"] }) {
  const t = useTranslations("SheetImport");
  return (
    <Table caption={t("issuesCaption")} showCaption testId="sheet-import-issues" className="mt-3">
      <THead>
        <Th>{t("row")}</Th>
        <Th>{t("column")}</Th>
        <Th>{t("reason")}</Th>
      </THead>
      <TBody>
        {issues.map((i, n) => (
          <tr key={n}>
            <Td className="tabular-nums">{i.row}</Td>
            <Td>{i.column}</Td>
            <Td className="whitespace-normal text-red-800">{i.message}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

function Preview({ planned, fieldLabels }: { planned: SheetImportData["planned"]; fieldLabels: Record<string, string> }) {
  const t = useTranslations("SheetImport");
  const shown = planned.filter((p) => p.change !== "unchanged");
  if (shown.length === 0) return null;
  return (
    <Table caption={t("previewCaption")} showCaption testId="sheet-import-preview" className="mt-3">
      <THead>
        <Th>{t("row")}</Th>
        <Th>{t("code")}</Th>
        <Th>{t("name")}</Th>
        <Th>{t("change")}</Th>
        <Th>{t("fields")}</Th>
      </THead>
      <TBody>
        {shown.map((p) => (
          <tr key={p.row}>
            <Td className="tabular-nums">{p.row}</Td>
            <Td className="font-mono">{p.code}</Td>
            <Td>{p.name}</Td>
            <Td>{t(`changes.${p.change}`)}</Td>
            <Td className="whitespace-normal">{p.fields.map((f) => fieldLabels[f] ?? f).join("、")}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

function Download({ file, label }: { file: NonNullable<SheetImportData["download"]>; label: string }) {
  return (
    <a
      href={`data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${file.base64}`}
      download={file.filename}
      className="mt-2 inline-block font-medium text-sky-800 underline"
      data-testid="sheet-import-download"
    >
      {label}
    </a>
  );
}

/** The message, that nothing was written when rows are bad, and the file handed back. */
function Outcome({ id, result, downloadLabel }: { id: string; result: NonNullable<Result>; downloadLabel: string }) {
  const t = useTranslations("SheetImport");
  const data = result.ok ? result.data : null;
  const bad = !result.ok || (data?.issues.length ?? 0) > 0;
  return (
    <div role="status" className={`mt-3 rounded-md border px-3 py-2 text-sm ${bad ? "border-red-200 bg-red-50 text-red-800" : "border-emerald-200 bg-emerald-50 text-emerald-800"}`} data-testid={`${id}-result`}>
      <p className="font-medium">{result.message}</p>
      {data && data.issues.length > 0 ? <p className="mt-1">{t("nothingWritten")}</p> : null}
      {data?.download ? <Download file={data.download} label={downloadLabel} /> : null}
    </div>
  );
}

function ReasonField({ id, label, errors }: { id: string; label: string; errors: string[] | undefined }) {
  return (
    <div className="min-w-64 flex-1">
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={`${id}-reason`}
        name="reason"
        required
        minLength={2}
        maxLength={500}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? errorId(id, "reason") : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      {errors ? (
        <p id={errorId(id, "reason")} className="mt-1 text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SheetImportForm({
  id,
  action,
  title,
  help,
  exportHref,
  downloadLabel = "",
  fieldLabels = {},
  reasonLabel,
  commitLabel,
}: {
  /** a prefix for element ids, unique on the page */
  id: string;
  action: ServerAction<SheetImportData>;
  title: ReactNode;
  help: ReactNode;
  exportHref?: string;
  downloadLabel?: string;
  /** the preview's names of changed columns */
  fieldLabels?: Record<string, string>;
  /** when given, a required "reason" field with this label (kept in the audit trail) */
  reasonLabel?: string;
  /** the commit button's label, where 导入 alone would be ambiguous on the page */
  commitLabel?: string;
}) {
  const t = useTranslations("SheetImport");
  const [result, formAction] = useActionState<Result, FormData>(action, null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    data.set("mode", submitter?.value === "commit" ? "commit" : "dryRun");
    startTransition(() => formAction(data));
  }

  const data = result?.ok ? result.data : null;
  const fileError = result && !result.ok ? result.errors.file : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid={`${id}-import`}>
      <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-600">{help}</p>
      {exportHref ? (
        <a href={exportHref} className="mt-2 inline-block text-sm text-sky-800 underline">
          {t("export")}
        </a>
      ) : null}
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
            {t("file")}
          </label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            required
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? errorId(id, "file") : undefined}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-800"
          />
          {fileError ? (
            <p id={errorId(id, "file")} className="mt-1 text-sm text-red-700">
              {fileError.join(" ")}
            </p>
          ) : null}
        </div>
        {reasonLabel ? <ReasonField id={id} label={reasonLabel} errors={result && !result.ok ? result.errors.reason : undefined} /> : null}
        <Button value="dryRun" pending={pending}>{t("dryRun")}</Button>
        <Button value="commit" variant="primary" pending={pending}>{commitLabel ?? t("commit")}</Button>
        {pending ? <span className="text-sm text-slate-500">{t("working")}</span> : null}
      </form>
      {result ? <Outcome id={id} result={result} downloadLabel={downloadLabel} /> : null}
      {data && data.issues.length > 0 ? <Issues issues={data.issues} /> : null}
      {data && data.issues.length === 0 ? <Preview planned={data.planned} fieldLabels={fieldLabels} /> : null}
    </section>
  );
}
