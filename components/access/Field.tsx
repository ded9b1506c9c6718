/** A labelled form field with its errors (aria-describedby) — shared by the access forms. */
import type { ReactNode } from "react";
import { errorId } from "@/lib/actions/result";

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 aria-[invalid=true]:border-red-600";

export function Field({
  form,
  name,
  label,
  hint,
  errors,
  children,
}: {
  form: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; name: string; "aria-invalid"?: boolean; "aria-describedby"?: string; className: string }) => ReactNode;
}) {
  const id = `${form}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errors && errors.length > 0 ? errorId(form, name) : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": errId ? true : undefined, "aria-describedby": describedBy, className: inputClass })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errId ? (
        <p id={errId} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ ok, message, testId }: { ok: boolean; message: string; testId?: string }) {
  return (
    <div
      role={ok ? "status" : "alert"}
      data-testid={testId}
      className={
        ok
          ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
          : "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
      }
    >
      {message}
    </div>
  );
}
