"use client";
/** Copy last year's targets into this year, optionally raised by a percentage. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { copyTargets } from "@/lib/actions/copy-targets";
import { errorId, type ActionResult } from "@/lib/actions/result";
import type { ApplyResult } from "@/lib/data/targets";
import { Button, inputClass } from "@/components/ui";

export function CopyTargetsForm({ year }: { year: number }) {
  const t = useTranslations("Targets.copy");
  const [result, action, pending] = useActionState<ActionResult<ApplyResult> | null, FormData>(copyTargets, null);
  const percentErrors = result && !result.ok ? result.errors.percent : undefined;
  return (
    <section aria-labelledby="copy-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="copy-title" className="text-base font-semibold text-slate-900">
        {t("title", { from: year - 1, year })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("help")}</p>
      <form action={action} className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="year" value={year} />
        <div>
          <label htmlFor="copy-percent" className="block text-sm font-medium text-slate-700">
            {t("percent")}
          </label>
          <input
            id="copy-percent"
            name="percent"
            inputMode="decimal"
            placeholder="0"
            aria-invalid={percentErrors ? true : undefined}
            aria-describedby={percentErrors ? errorId("copy", "percent") : undefined}
            className={`${inputClass} w-24`}
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="overwrite" className="h-4 w-4 rounded border-slate-300" />
          {t("overwrite")}
        </label>
        <Button pending={pending}>
          {t("submit")}
        </Button>
      </form>
      {result ? (
        <p role="status" className={`mt-2 text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
          {result.message}
          {percentErrors ? (
            <span id={errorId("copy", "percent")} className="ml-1">
              {percentErrors.join(" ")}
            </span>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
