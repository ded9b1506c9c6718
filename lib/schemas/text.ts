/**
 * Control characters in text: no field of the product holds one, and PostgreSQL refuses
 * NUL in text outright, so every text that reaches the database is checked here first —
 * action fields (lib/actions/client.ts), sign-in credentials, query values and path
 * segments (proxy.ts) — and answered with a message, never a database error. Tab, line
 * feed and carriage return are text (multi-line notes); every other C0 control and DEL
 * is not.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHARACTERS_MESSAGE = "controlCharacters";

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** True when any text inside the value (strings, arrays, plain objects) holds a control character. */
function holdsControlCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return hasControlCharacters(value);
  if (depth > 8 || value === null || typeof value !== "object" || value instanceof Blob) return false;
  return Object.values(value).some((v) => holdsControlCharacters(v, depth + 1));
}

/** The names of an action input's fields whose text holds control characters. */
export function fieldsWithControlCharacters(input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((name) => holdsControlCharacters(input[name]));
}
