"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createApiToken } from "@/lib/actions/create-api-token";
import { revokeApiToken } from "@/lib/actions/revoke-api-token";
import { errorId } from "@/lib/actions/result";

export function CreateTokenForm() {
  const t = useTranslations("ApiTokens");
  const [state, action, pending] = useActionState(createApiToken, null);
  const nameErrors = state && !state.ok ? state.errors.name : undefined;
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="create-token-form">
      <div>
        <label htmlFor="token-name" className="text-sm font-medium text-slate-800">{t("name")}</label>
        <input
          id="token-name"
          name="name"
          required
          maxLength={80}
          className="mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm"
          aria-invalid={nameErrors ? true : undefined}
          aria-describedby={errorId("token", "name")}
        />
        {nameErrors ? <p id={errorId("token", "name")} className="mt-1 text-xs text-red-800">{nameErrors.join(" ")}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
        {t("create")}
      </button>
      {state ? (
        <div role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-900" : "text-red-800"}`}>
          <p>{state.message}</p>
          {state.ok ? (
            <p className="mt-2">
              <span className="mr-2 font-medium">{t("yourToken")}:</span>
              <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono text-slate-900" data-testid="new-token">{state.data.token}</code>
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

export function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const [state, action, pending] = useActionState(revokeApiToken, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-300 bg-white px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50">
        {label}
      </button>
      {state && !state.ok ? <span role="alert" className="text-xs text-red-800">{state.message}</span> : null}
    </form>
  );
}
