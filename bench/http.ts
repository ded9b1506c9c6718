/**
 * The benchmarks' HTTP client (bench/load.ts, bench/import-load.ts): signs in as the sign-in
 * form does and calls the app as the browser does — pages by GET, server actions by POST
 * to the page with the action's id, the arguments as React encodes them.
 */
import { PASSWORD, TENANT } from "./load-setup";

/** Signs in through next-auth's credentials endpoint as the sign-in form does; returns the cookie header. */
export async function signIn(base: string, account: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const k = pair!.indexOf("=");
      jar.set(pair!.slice(0, k), pair!.slice(k + 1));
    }
  };
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, account, password: PASSWORD, callbackUrl: `${base}/`, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("session-token"))) throw new Error(`sign-in of ${account} failed (${res.status})`);
  return cookie();
}

/** Signs everyone in, a few at a time (each sign-in verifies an argon2 hash). */
export async function signInAll(base: string, accounts: string[]): Promise<string[]> {
  const cookies: string[] = new Array(accounts.length);
  let next = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const k = next++;
      cookies[k] = await signIn(base, accounts[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, accounts.length) }, worker));
  return cookies;
}

export interface SaveResult {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[]>;
}

/** The action's result in the RSC answer: the row that carries `ok`. */
function actionResult(body: string): SaveResult | null {
  for (const line of body.split("\n")) {
    const k = line.indexOf(":");
    if (k < 0) continue;
    try {
      const parsed = JSON.parse(line.slice(k + 1)) as unknown;
      if (parsed && typeof parsed === "object" && "ok" in parsed) return parsed as SaveResult;
    } catch {
      // another row of the answer
    }
  }
  return null;
}

export interface Sample {
  ms: number;
  error: string | null;
}

/** One save as the entry form sends it: POST to the page with the action's id, the arguments as React encodes them. */
export async function save(base: string, id: string, cookie: string, input: unknown): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/${TENANT}/entry`, {
      method: "POST",
      headers: { "Next-Action": id, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Origin: base, Cookie: cookie },
      body: JSON.stringify([null, input]),
    });
    const body = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200) return { ms, error: `HTTP ${res.status}` };
    const result = actionResult(body);
    if (result?.ok) return { ms, error: null };
    // the message and the first field's error, as the form would show them
    const field = Object.values(result?.errors ?? {})[0]?.[0];
    return { ms, error: result ? `${result.message}${field ? ` ${field}` : ""}` : "no action result in the answer" };
  } catch (error) {
    return { ms: performance.now() - started, error: String(error) };
  }
}

export async function openOverview(base: string, cookie: string): Promise<Sample> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/${TENANT}/overview`, { headers: { Cookie: cookie }, redirect: "manual" });
    await res.text();
    return { ms: performance.now() - started, error: res.status === 200 ? null : `HTTP ${res.status}` };
  } catch (error) {
    return { ms: performance.now() - started, error: String(error) };
  }
}

/**
 * A server action called with (null, formData), as a form with a file calls it: React
 * sends the FormData's fields under the prefix "_1_" and the arguments as `[null, "$K1"]`.
 */
export async function postForm(base: string, page: string, id: string, cookie: string, fields: Record<string, string | File>): Promise<Sample & { result: SaveResult | null }> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify([null, "$K1"]));
  const started = performance.now();
  try {
    const res = await fetch(`${base}${page}`, { method: "POST", headers: { "Next-Action": id, Accept: "text/x-component", Origin: base, Cookie: cookie }, body });
    const text = await res.text();
    const ms = performance.now() - started;
    const result = actionResult(text);
    if (res.status !== 200) return { ms, error: `HTTP ${res.status}`, result };
    return { ms, error: result?.ok ? null : (result?.message ?? "no action result in the answer"), result };
  } catch (error) {
    return { ms: performance.now() - started, error: String(error), result: null };
  }
}

/** The q-quantile of ascending samples (the nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
