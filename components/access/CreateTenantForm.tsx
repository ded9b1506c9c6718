"use client";
/** The platform admin's form: a new tenant with its root region and first admin. */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createTenant } from "@/lib/actions/create-tenant";
import { REGION_LEVELS } from "@/lib/schemas/admin";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage } from "@/components/ui";

type Created = { slug: string; account: string; password: string };
const FORM = "create-tenant";

export function CreateTenantForm() {
  const t = useTranslations("PlatformAdmin");
  const tl = useTranslations("Regions.levels");
  const [state, action, pending] = useActionState<ActionResult<Created> | null, FormData>(createTenant, null);
  const text = (name: string, label: string, hint?: string, required = true) => (
    <Field form={FORM} name={name} label={label} hint={hint} result={state}>
      {(p) => <input {...p} type="text" autoComplete="off" required={required} />}
    </Field>
  );
  return (
    <form action={action} className="space-y-4" data-testid="create-tenant-form" noValidate>
      <FormMessage result={state} />
      {state?.ok ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="one-time-password">
          <p>
            {t("oneTimePassword", { account: state.data.account })}{" "}
            <code className="select-all font-mono text-base font-semibold">{state.data.password}</code>
          </p>
          <p className="mt-1 text-xs">{t("oneTimePasswordHint")}</p>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {text("slug", t("slug"), t("slugHint"))}
        {text("name", t("name"))}
        {text("rootCode", t("rootCode"))}
        {text("rootName", t("rootName"))}
        <Field form={FORM} name="rootLevel" label={t("rootLevel")} result={state}>
          {(p) => (
            <select {...p} defaultValue="PREFECTURE">
              {REGION_LEVELS.filter((l) => l !== "ZONE").map((l) => (
                <option key={l} value={l}>{tl(l)}</option>
              ))}
            </select>
          )}
        </Field>
        {text("issuer", t("issuer"), t("issuerHint"))}
        {text("shortName", t("shortName"), t("shortNameHint"), false)}
        {text("areaWord", t("areaWord"), t("areaWordHint"), false)}
        {text("adminAccount", t("adminAccount"))}
        {text("adminName", t("adminName"))}
      </div>
      <Button variant="primary" pending={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
