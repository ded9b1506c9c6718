"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { generateBulletin } from "@/lib/actions/generate-bulletin";
import type { ActionResult } from "@/lib/actions/result";
import type { BulletinPeriodSpec } from "@/lib/bulletins/types";

/** Shown when the figures moved after generation: regenerating is the admin's explicit choice. */
export function RegenerateForm({ spec }: { spec: BulletinPeriodSpec }) {
  const t = useTranslations("Bulletins");
  const [state, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(generateBulletin, null);
  return (
    <form action={action} className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="bulletin-outdated">
      <input type="hidden" name="periodType" value={spec.type} />
      <input type="hidden" name="year" value={spec.year} />
      <input type="hidden" name="period" value={spec.period} />
      <p>{t("outdated")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md border border-amber-400 bg-white px-3 py-1.5 font-medium hover:bg-amber-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-600 disabled:opacity-60">
          {pending ? t("generating") : t("regenerate")}
        </button>
        <div role="status" aria-live="polite">{state ? state.message : null}</div>
      </div>
    </form>
  );
}
