"use client";
/**
 * Changes the signed-in user's password. The session of before the change is no longer
 * accepted afterwards (lib/auth/session.ts), so on success the form signs in again with
 * the new password and goes to the user's home page — one smooth step for the user.
 */
import { useActionState, useEffect, useState } from "react";
import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { changePassword } from "@/lib/actions/change-password";
import type { ActionResult } from "@/lib/actions/result";
import { homePath } from "@/lib/auth/home";
import { Button, Field, FormMessage } from "@/components/ui";

const FORM = "change-password";

export function ChangePasswordForm({ account, mustChange }: { account: string; mustChange: boolean }) {
  const t = useTranslations("Account");
  const [newPassword, setNewPassword] = useState("");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(changePassword, null);
  // after a successful change the form signs in again: it stays busy until the page changes
  const finishing = state?.ok === true;

  useEffect(() => {
    if (!state?.ok) return;
    let cancelled = false;
    (async () => {
      const result = await signIn("credentials", { redirect: false, account, password: newPassword });
      const user = result?.ok ? (await getSession())?.user : null;
      if (!cancelled) window.location.replace(user ? homePath(user) : "/signin");
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form action={action} className="max-w-md space-y-5" data-testid="change-password-form" noValidate>
      {mustChange ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("mustChangeNotice")}</p>
      ) : null}
      <FormMessage result={state} />
      <input type="text" name="username" autoComplete="username" value={account} readOnly hidden />
      <Field form={FORM} name="currentPassword" label={t("currentPassword")} hint={mustChange ? t("currentPasswordHint") : undefined} result={state}>
        {(p) => <input {...p} type="password" autoComplete="current-password" required />}
      </Field>
      <Field form={FORM} name="newPassword" label={t("newPassword")} hint={t("rules")} result={state}>
        {(p) => (
          <input {...p} type="password" autoComplete="new-password" required minLength={8} onChange={(e) => setNewPassword(e.target.value)} />
        )}
      </Field>
      <Field form={FORM} name="confirmPassword" label={t("confirmPassword")} result={state}>
        {(p) => <input {...p} type="password" autoComplete="new-password" required />}
      </Field>
      <Button variant="primary" pending={pending || finishing}>
        {pending || finishing ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
