"use client";
/** Error boundary for every page below the root layout. Shows no message or stack trace,
 * only the opaque digest that matches the server log. */
import { useTranslations } from "next-intl";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Errors");
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <main id="main" className="flex min-h-[60dvh] items-start justify-center px-4 py-16">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold text-slate-900">{t("errorTitle")}</h1>
        <p className="mt-3 text-sm text-slate-600">{t("errorBody")}</p>
        {digest ? <p className="mt-3 font-mono text-xs text-slate-500">{t("errorRef", { digest })}</p> : null}
        <button
          type="button"
          onClick={() => retry()}
          className="mt-6 rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
        >
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
