/**
 * The form parts every form uses: a labelled field whose errors sit next to it (the input
 * points at them with aria-describedby), the form's message, and the one input style.
 * Server actions return ActionResult (lib/actions/result.ts); these show it.
 */
import type { ReactNode } from "react";
import { errorId, type ActionResult } from "@/lib/actions/result";

/** What a form shows after its action ran (null before the first submit). */
export type FormResult = ActionResult<unknown> | null;

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-700 aria-[invalid=true]:border-red-600";

/** The errors of one field, or none. */
function fieldErrors(result: FormResult, field: string): string[] | undefined {
  return result && !result.ok ? result.errors[field] : undefined;
}

/** The id of a field's hint, for aria-describedby. */
function hintId(form: string, field: string): string {
  return `${form}-${field}-hint`;
}

/** The attributes an input needs to be labelled and to point at its hint and errors. */
function fieldProps(form: string, field: string, result: FormResult, hasHint = false) {
  const invalid = fieldErrors(result, field) !== undefined;
  const describedBy = [hasHint ? hintId(form, field) : null, invalid ? errorId(form, field) : null].filter(Boolean).join(" ");
  return {
    id: `${form}-${field}`,
    name: field,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(invalid ? { "aria-invalid": true as const } : {}),
  };
}

/** A field's errors, placed where aria-describedby points. */
function FieldError({ form, field, result }: { form: string; field: string; result: FormResult }) {
  const errors = fieldErrors(result, field);
  if (!errors) return null;
  return (
    <p id={errorId(form, field)} className="mt-1 text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

type Control = ReturnType<typeof fieldProps> & { className: string };

/**
 * A label, its control and the control's errors. The control is a render function that
 * receives id, name, aria attributes and the input class:
 * `<Field form="user-add" name="login" label="账号" result={r}>{(p) => <input {...p} required />}</Field>`.
 */
export function Field({
  form,
  name,
  label,
  result,
  hint,
  className,
  children,
}: {
  form: string;
  name: string;
  label: ReactNode;
  result: FormResult;
  hint?: ReactNode;
  className?: string;
  children: (control: Control) => ReactNode;
}) {
  const props = fieldProps(form, name, result, !!hint);
  return (
    <div className={className}>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ ...props, className: inputClass })}
      {hint ? (
        <p id={hintId(form, name)} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError form={form} field={name} result={result} />
    </div>
  );
}

/** The form's outcome message, announced to screen readers. */
export function FormMessage({ result, testId }: { result: FormResult; testId?: string }) {
  if (!result || !result.message) return null;
  return (
    <p role="status" data-testid={testId} className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
      {result.message}
    </p>
  );
}
