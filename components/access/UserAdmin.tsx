"use client";
/** User administration forms: create, edit (name, role, region), reset password, (de)activate. */
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createUser } from "@/lib/actions/create-user";
import { resetPassword } from "@/lib/actions/reset-password";
import { setUserActive } from "@/lib/actions/set-user-active";
import { updateUser } from "@/lib/actions/update-user";
import type { ActionResult } from "@/lib/actions/result";
import { Button, Field, FormMessage, type FormResult } from "@/components/ui";

type Region = { id: string; code: string; name: string; isRoot: boolean };
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

function RoleAndRegion({ form, initialRole, regionId, regions, result }: { form: string; initialRole: Role; regionId: string; regions: Region[]; result: FormResult }) {
  const t = useTranslations("Admin");
  const tr = useTranslations("Roles");
  const [current, setCurrent] = useState<Role>(initialRole);
  return (
    <>
      <Field form={form} name="role" label={t("role")} result={result}>
        {(p) => (
          <select {...p} defaultValue={initialRole} onChange={(e) => setCurrent(e.target.value as Role)}>
            {(["REPORTER", "LEADER", "ADMIN"] as const).map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} name="regionId" label={t("region")} hint={current === "REPORTER" ? undefined : t("regionNone")} result={result}>
        {(p) => (
          <select {...p} key={current === "REPORTER" ? "reporter" : "scope"} defaultValue={regionId}>
            <option value="">{current === "REPORTER" ? t("regionChoose") : t("regionDefault")}</option>
            {/* a reporter reports for one unit below the root; an admin's or leader's scope is a region and everything below it */}
            {regions.filter((r) => current !== "REPORTER" || !r.isRoot).map((r) => (
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
  return (
    <form action={action} className="space-y-4" data-testid="create-user-form" noValidate>
      <FormMessage result={state} />
      {state?.ok ? <OneTimePassword secret={state.data} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field form="create-user" name="account" label={t("account")} result={state}>
          {(p) => <input {...p} type="text" autoComplete="off" required />}
        </Field>
        <Field form="create-user" name="name" label={t("name")} result={state}>
          {(p) => <input {...p} type="text" autoComplete="off" required />}
        </Field>
        <RoleAndRegion form="create-user" initialRole="REPORTER" regionId="" regions={regions} result={state} />
      </div>
      <Button variant="primary" pending={pending}>
        {pending ? t("working") : t("create")}
      </Button>
    </form>
  );
}

export function UserRowActions({ user, regions }: { user: { id: string; account: string; name: string; role: Role; regionId: string; active: boolean }; regions: Region[] }) {
  const t = useTranslations("Admin");
  const [editing, setEditing] = useState(false);
  const [resetState, resetAction, resetting] = useActionState<ActionResult<Secret> | null, FormData>(resetPassword, null);
  const [activeState, activeAction, toggling] = useActionState<ActionResult | null, FormData>(setUserActive, null);
  const [editState, editAction, saving] = useActionState<ActionResult | null, FormData>(updateUser, null);
  const form = `edit-${user.id}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {t("edit")}
        </Button>
        <form action={resetAction}>
          <input type="hidden" name="userId" value={user.id} />
          <Button pending={resetting}>{t("resetPassword")}</Button>
        </form>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <Button pending={toggling}>{user.active ? t("deactivate") : t("activate")}</Button>
        </form>
      </div>
      <FormMessage result={resetState} />
      {resetState?.ok ? <OneTimePassword secret={resetState.data} /> : null}
      <FormMessage result={activeState && !activeState.ok ? activeState : null} />
      {editing ? (
        <form action={editAction} className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={t("editTitle", { account: user.account })}>
          <FormMessage result={editState} />
          <input type="hidden" name="userId" value={user.id} />
          <Field form={form} name="name" label={t("name")} result={editState}>
            {(p) => <input {...p} type="text" defaultValue={user.name} required />}
          </Field>
          <RoleAndRegion form={form} initialRole={user.role} regionId={user.regionId} regions={regions} result={editState} />
          <Button variant="primary" pending={saving}>
            {saving ? t("working") : t("save")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
