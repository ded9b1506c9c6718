/**
 * What every server action returns, for forms to show: a message, and the errors of each
 * field next to the field (inputs reference them with aria-describedby). Client-safe.
 */
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data: T }
  | { ok: false; message: string; errors: FieldErrors };

/** The id of the element holding a field's errors, for aria-describedby. */
export function errorId(form: string, field: string): string {
  return `${form}-${field}-error`;
}
