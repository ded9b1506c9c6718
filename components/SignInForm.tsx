"use client";
/**
 * The credentials form. Signs in through next-auth without a redirect, then goes to
 * the callback page (when it lies in the user's own area) or the user's home page.
 * One generic message for every bad account/password combination.
 */
import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { getSession, signIn, type SignInResponse } from "next-auth/react";
import { useTranslations } from "next-intl";
import { homePath, safeCallbackPath } from "@/lib/auth/home";
import { parseThrottledSeconds, SIGN_IN_UNAVAILABLE } from "@/lib/auth/throttle-message";
import { Button, inputClass } from "@/components/ui";

export type SignInErrorKey = "errorInvalid" | "errorMissing" | "errorUnavailable";
type ErrorKey = SignInErrorKey;

const ERROR_ID = "signin-error";

/** True once this component runs in the browser (false during server rendering and hydration). */
const subscribeNever = () => () => {};
function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

/** The sign-in attempt: next-auth without a redirect, then the callback or home page. */
function useSignIn(callbackUrl: string | null, initialError: ErrorKey | null) {
  const router = useRouter();
  const accountRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<ErrorKey | null>(initialError);
  /** minutes to wait when sign-in is throttled (shown instead of `error`) */
  const [waitMinutes, setWaitMinutes] = useState<number | null>(null);
  const [pending, setPending] = useState(false);

  function fail(key: ErrorKey, focus: HTMLInputElement | null, wait: number | null = null) {
    setWaitMinutes(wait);
    setError(key);
    setPending(false);
    focus?.focus();
  }

  function refused(result: SignInResponse | undefined) {
    if (passwordRef.current) passwordRef.current.value = "";
    const seconds = parseThrottledSeconds(result?.error);
    if (seconds !== null) return fail("errorInvalid", passwordRef.current, Math.max(1, Math.ceil(seconds / 60)));
    // next-auth answers 401 for any refusal; only its own code means wrong credentials
    const invalid = result?.error !== SIGN_IN_UNAVAILABLE && (result?.error === "CredentialsSignin" || result?.status === 401);
    fail(invalid ? "errorInvalid" : "errorUnavailable", passwordRef.current);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = new FormData(event.currentTarget);
    const account = String(form.get("account") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!account || !password) return fail("errorMissing", account ? passwordRef.current : accountRef.current);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { redirect: false, account, password });
      if (!result || !result.ok || result.error) return refused(result);
      const user = (await getSession())?.user;
      if (!user) return fail("errorUnavailable", accountRef.current);
      router.replace(safeCallbackPath(callbackUrl, user) ?? homePath(user));
    } catch {
      fail("errorUnavailable", accountRef.current);
    }
  }

  return { accountRef, passwordRef, error, waitMinutes, pending, onSubmit };
}

function ErrorBanner({ error, waitMinutes }: { error: ErrorKey | null; waitMinutes: number | null }) {
  const t = useTranslations("SignIn");
  const tt = useTranslations("Throttle");
  return (
    <div id={ERROR_ID} role="alert" className={error ? "flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" : ""}>
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
  );
}

export function SignInForm({
  callbackUrl,
  initialError = null,
}: {
  callbackUrl: string | null;
  /** an error next-auth reported through /signin?error=… (e.g. a sign-in posted without JavaScript) */
  initialError?: ErrorKey | null;
}) {
  const t = useTranslations("SignIn");
  const { accountRef, passwordRef, error, waitMinutes, pending, onSubmit } = useSignIn(callbackUrl, initialError);
  // The submit button stays disabled until this component is interactive, so a form
  // submitted before hydration can never post the password anywhere by itself.
  const ready = useHydrated();
  const invalid = error === "errorInvalid" || error === "errorMissing" ? true : undefined;
  const describedBy = error ? ERROR_ID : undefined;
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-busy={pending} className="space-y-5" data-testid="signin-form">
      <ErrorBanner error={error} waitMinutes={waitMinutes} />
      <div>
        <label htmlFor="account" className="block text-sm font-medium text-slate-800">
          {t("account")}
        </label>
        <input ref={accountRef} id="account" name="account" type="text" autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} required aria-invalid={invalid} aria-describedby={describedBy} className={inputClass} />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("password")}
        </label>
        <input ref={passwordRef} id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={invalid} aria-describedby={describedBy} className={inputClass} />
      </div>
      <Button variant="primary" disabled={!ready} pending={pending} className="w-full py-2.5 text-base">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
