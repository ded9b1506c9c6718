"use client";
/**
 * Upload the county outlines (GeoJSON). The file is checked against the upload limit before
 * it is sent; the answer names what is wrong with a bad file, and after an upload lists the
 * features that named no region and the regions left without an outline.
 */
import { useActionState, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { uploadBoundaries, type BoundaryUploadData } from "@/lib/actions/upload-boundaries";
import type { ActionResult } from "@/lib/actions/result";
import { MAX_UPLOAD_BYTES } from "@/lib/schemas/upload";
import { Button, Field, FormMessage } from "@/components/ui";

type Result = ActionResult<BoundaryUploadData> | null;

function Report({ data }: { data: BoundaryUploadData }) {
  const t = useTranslations("MapUpload");
  const lists = [
    { key: "unmatched", items: data.unmatched },
    { key: "missing", items: data.missing },
  ] as const;
  return (
    <div className="mt-3 space-y-3 text-sm" data-testid="boundary-report">
      {lists.map(({ key, items }) =>
        items.length > 0 ? (
          <div key={key} data-testid={`boundary-${key}`}>
            <h3 className="font-medium text-slate-900">{t(`${key}Title`, { count: items.length })}</h3>
            <p className="text-xs text-slate-600">{t(`${key}Help`)}</p>
            <ul className="mt-1 list-disc pl-5 text-slate-800">
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </div>
  );
}

export function BoundaryUploadForm({ attribution }: { attribution: string }) {
  const t = useTranslations("MapUpload");
  const [result, action, pending] = useActionState<Result, FormData>(uploadBoundaries, null);
  const [tooLarge, setTooLarge] = useState(false);
  const shown: Result = tooLarge ? { ok: false, message: t("rejected"), errors: { file: [t("tooLarge", { max: MAX_UPLOAD_BYTES / 1024 / 1024 })] } } : result;

  function pick(event: ChangeEvent<HTMLInputElement>) {
    setTooLarge((event.target.files?.[0]?.size ?? 0) > MAX_UPLOAD_BYTES);
  }

  return (
    <section aria-labelledby="boundary-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="boundary-upload">
      <h2 id="boundary-title" className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <form action={action} className="mt-3 grid gap-3 sm:grid-cols-2">
        <Field form="boundary" name="file" label={t("file")} result={shown} hint={t("fileHint", { max: MAX_UPLOAD_BYTES / 1024 / 1024 })} className="sm:col-span-2">
          {({ className: _className, ...p }) => (
            <input {...p} type="file" required accept=".geojson,.json,application/geo+json,application/json" onChange={pick} className="mt-1 block max-w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-slate-800" />
          )}
        </Field>
        <Field form="boundary" name="codeProperty" label={t("codeProperty")} result={shown} hint={t("codePropertyHint")}>
          {(p) => <input {...p} placeholder="adcode" autoComplete="off" />}
        </Field>
        <Field form="boundary" name="attribution" label={t("attribution")} result={shown} hint={t("attributionHint")}>
          {(p) => <input {...p} defaultValue={attribution} maxLength={300} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button variant="primary" pending={pending} disabled={tooLarge}>
            {t("submit")}
          </Button>
          <FormMessage result={shown} testId="boundary-message" />
        </div>
      </form>
      {shown?.ok ? <Report data={shown.data} /> : null}
    </section>
  );
}
