"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { generateBulletin } from "@/lib/actions/generate-bulletin";
import type { ActionResult } from "@/lib/actions/result";
import type { BulletinPeriodSpec } from "@/lib/bulletins/types";
import { Button } from "@/components/ui";

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
        <Button pending={pending}>{pending ? t("generating") : t("regenerate")}</Button>
        <div role="status" aria-live="polite">{state ? state.message : null}</div>
      </div>
    </form>
  );
}
