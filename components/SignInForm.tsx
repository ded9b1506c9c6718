"use client";
/**
 * The credentials form. Signs in through next-auth without a redirect, then goes to
 * the callback page (when it lies in the user's own area) or the user's home page.
 * One generic message for every bad account/password combination.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { homePath, safeCallbackPath } from "@/lib/auth/home";
import { parseThrottledSeconds } from "@/lib/auth/throttle-message";

export type SignInErrorKey = "errorInvalid" | "errorMissing" | "errorUnavailable";
type ErrorKey = SignInErrorKey;

const ERROR_ID = "signin-error";

export function SignInForm({
  callbackUrl,
  initialError = null,
}: {
  callbackUrl: string | null;
  /** an error next-auth reported through /signin?error=… (e.g. a sign-in posted without JavaScript) */
  initialError?: ErrorKey | null;
}) {
  const t = useTranslations("SignIn");
  const tt = useTranslations("Throttle");
  /** minutes to wait when sign-in is throttled (shown instead of `error`) */
  const [waitMinutes, setWaitMinutes] = useState<number | null>(null);
  const router = useRouter();
  const accountRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ErrorKey | null>(initialError);
  const [pending, setPending] = useState(false);
  // The submit button stays disabled until this component is interactive, so a form
  // submitted before hydration can never post the password anywhere by itself.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  function fail(key: ErrorKey, focus: HTMLInputElement | null) {
    setWaitMinutes(null);
    setError(key);
    setPending(false);
    focus?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const account = String(form.get("account") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!account || !password) {
      fail("errorMissing", account ? passwordRef.current : accountRef.current);
      return;
    }

    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, account, password });
      if (!result || !result.ok || result.error) {
        const seconds = parseThrottledSeconds(result?.error);
        if (seconds !== null) {
          if (passwordRef.current) passwordRef.current.value = "";
          fail("errorInvalid", passwordRef.current);
          setWaitMinutes(Math.max(1, Math.ceil(seconds / 60)));
          return;
        }
        const invalid = result?.error === "CredentialsSignin" || result?.status === 401;
        if (passwordRef.current) passwordRef.current.value = "";
        fail(invalid ? "errorInvalid" : "errorUnavailable", passwordRef.current);
        return;
      }
      const user = (await getSession())?.user;
      if (!user) {
        fail("errorUnavailable", accountRef.current);
        return;
      }
      router.replace(safeCallbackPath(callbackUrl, user) ?? homePath(user));
    } catch {
      fail("errorUnavailable", accountRef.current);
    }
  }

  const describedBy = error ? ERROR_ID : undefined;
  const input =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 aria-[invalid=true]:border-red-600";

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-busy={pending} className="space-y-5" data-testid="signin-form">
      <div
        id={ERROR_ID}
        role="alert"
        className={error ? "flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : ""}
      >
        {error ? (
          <>
            <svg viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0" fill="currentColor" aria-hidden="true" focusable="false">
              <path
                fillRule="evenodd"
                d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>{waitMinutes !== null ? tt("wait", { minutes: waitMinutes }) : t(error)}</span>
          </>
        ) : null}
      </div>

      <div>
        <label htmlFor="account" className="block text-sm font-medium text-slate-800">
          {t("account")}
        </label>
        <input
          ref={accountRef}
          id="account"
          name="account"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          aria-invalid={error === "errorInvalid" || error === "errorMissing" ? true : undefined}
          aria-describedby={describedBy}
          className={input}
        />
      </div>

      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error === "errorInvalid" || error === "errorMissing" ? true : undefined}
          aria-describedby={describedBy}
          className={input}
        />
      </div>

      <button
        type="submit"
        disabled={pending || !ready}
        className="flex w-full items-center justify-center rounded-md bg-brand-700 px-4 py-2.5 text-base font-semibold text-white shadow-sm hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
