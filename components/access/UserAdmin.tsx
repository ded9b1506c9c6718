"use client";
/** User administration forms: create, edit (name, role, region), reset password, (de)activate. */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/create-user";
import { resetPassword } from "@/lib/actions/reset-password";
import { setUserActive } from "@/lib/actions/set-user-active";
import { updateUser } from "@/lib/actions/update-user";
import type { ActionResult } from "@/lib/actions/result";
import { Field, FormMessage } from "./Field";

type Region = { id: string; code: string; name: string };
type Role = "ADMIN" | "LEADER" | "REPORTER";
type Secret = { account: string; password: string };

function OneTimePassword({ secret }: { secret: Secret }) {
  const t = useTranslations("Admin");
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="one-time-password">
      <p>
        {t("oneTimePassword", { account: secret.account })} <code className="select-all font-mono text-base font-semibold">{secret.password}</code>
      </p>
      <p className="mt-1 text-xs">{t("oneTimePasswordHint")}</p>
    </div>
  );
}

function RoleAndRegion({ form, role, regionId, regions, errors }: { form: string; role: Role; regionId: string; regions: Region[]; errors: Record<string, string[]> }) {
  const t = useTranslations("Admin");
  const tr = useTranslations("Roles");
  const [current, setCurrent] = useState<Role>(role);
  return (
    <>
      <Field form={form} name="role" label={t("role")} errors={errors.role}>
        {(p) => (
          <select {...p} defaultValue={role} onChange={(e) => setCurrent(e.target.value as Role)}>
            {(["REPORTER", "LEADER", "ADMIN"] as const).map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="regionId" label={t("region")} hint={current === "REPORTER" ? undefined : t("regionNone")} errors={errors.regionId}>
        {(p) => (
          <select {...p} defaultValue={regionId} disabled={current !== "REPORTER"}>
            <option value="">{t("regionChoose")}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}（{r.code}）
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

export function CreateUserForm({ regions }: { regions: Region[] }) {
  const t = useTranslations("Admin");
  const [state, action, pending] = useActionState<ActionResult<Secret> | null, FormData>(createUser, null);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form action={action} className="space-y-4" data-testid="create-user-form" noValidate>
      {state ? <FormMessage ok={state.ok} message={state.message} /> : null}
      {state?.ok ? <OneTimePassword secret={state.data} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field form="create-user" name="account" label={t("account")} errors={errors.account}>
          {(p) => <input {...p} type="text" autoComplete="off" required />}
        </Field>
        <Field form="create-user" name="name" label={t("name")} errors={errors.name}>
          {(p) => <input {...p} type="text" autoComplete="off" required />}
        </Field>
        <RoleAndRegion form="create-user" role="REPORTER" regionId="" regions={regions} errors={errors} />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? t("working") : t("create")}
      </button>
    </form>
  );
}

const small = "rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

export function UserRowActions({ user, regions }: { user: { id: string; account: string; name: string; role: Role; regionId: string; active: boolean }; regions: Region[] }) {
  const t = useTranslations("Admin");
  const [editing, setEditing] = useState(false);
  const [resetState, resetAction, resetting] = useActionState<ActionResult<Secret> | null, FormData>(resetPassword, null);
  const [activeState, activeAction, toggling] = useActionState<ActionResult | null, FormData>(setUserActive, null);
  const [editState, editAction, saving] = useActionState<ActionResult | null, FormData>(updateUser, null);
  const editErrors = editState && !editState.ok ? editState.errors : {};
  const form = `edit-${user.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={small} onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {t("edit")}
        </button>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <button type="submit" className={small} disabled={resetting}>
            {t("resetPassword")}
          </button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <button type="submit" className={small} disabled={toggling}>
            {user.active ? t("deactivate") : t("activate")}
          </button>
        </form>
      </div>
      {resetState ? <FormMessage ok={resetState.ok} message={resetState.message} /> : null}
      {resetState?.ok ? <OneTimePassword secret={resetState.data} /> : null}
      {activeState && !activeState.ok ? <FormMessage ok={false} message={activeState.message} /> : null}
      {editing ? (
        <form action={editAction} className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={t("editTitle", { account: user.account })}>
          {editState ? <FormMessage ok={editState.ok} message={editState.message} /> : null}
          <input type="hidden" name="userId" value={user.id} />
          <Field form={form} name="name" label={t("name")} errors={editErrors.name}>
            {(p) => <input {...p} type="text" defaultValue={user.name} required />}
          </Field>
          <RoleAndRegion form={form} role={user.role} regionId={user.regionId} regions={regions} errors={editErrors} />
          <button type="submit" disabled={saving} className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-70">
            {saving ? t("working") : t("save")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
