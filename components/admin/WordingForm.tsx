"use client";
/** 单位设置: the tenant's own words — the organ that issues its bulletins, its short name, its area word. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateWording } from "@/lib/actions/update-wording";
import type { ActionResult } from "@/lib/actions/result";
import type { TenantWording } from "@/lib/admin/wording";
import { Button, Field, FormMessage } from "@/components/ui";

const FORM = "wording";
const FIELDS = ["issuer", "shortName", "areaWord"] as const;

export function WordingForm({ wording }: { wording: TenantWording }) {
  const t = useTranslations("Settings.wording");
  const [state, action, pending] = useActionState<ActionResult<undefined> | null, FormData>(updateWording, null);
  return (
    <form action={action} className="mb-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="wording-form" noValidate>
      <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t("description")}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        {FIELDS.map((name) => (
          <Field key={name} form={FORM} name={name} label={t(`fields.${name}`)} hint={t(`hints.${name}`)} result={state}>
            {(p) => <input {...p} type="text" autoComplete="off" defaultValue={wording[name]} required />}
          </Field>
        ))}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <Button variant="primary" pending={pending}>{t("save")}</Button>
        <FormMessage result={pending ? null : state} testId="wording-result" />
      </div>
    </form>
  );
}
