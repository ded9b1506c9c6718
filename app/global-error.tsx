"use client";
/**
 * Last-resort error page (an error in the root layout itself). It replaces the root
 * layout, so there is no locale provider: it shows both catalogues' texts. No message,
 * no stack trace — only the opaque digest that matches the server log.
 */
import zh from "@/messages/zh-CN.json";
import en from "@/messages/en.json";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <html lang="zh-CN">
      <body className="min-h-dvh bg-slate-100 font-sans text-slate-900">
        <main className="flex min-h-dvh items-start justify-center px-4 py-16">
          <div className="w-full max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
            {[zh, en].map((m, i) => (
              <section key={i} lang={i === 0 ? "zh-CN" : "en"}>
                <h1 className="text-xl font-semibold">{m.Errors.errorTitle}</h1>
                <p className="mt-2 text-sm text-slate-600">{m.Errors.errorBody}</p>
              </section>
            ))}
            {digest ? <p className="font-mono text-xs text-slate-500">{digest}</p> : null}
            <button
              type="button"
              onClick={() => retry()}
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
            >
              {zh.Errors.retry} / {en.Errors.retry}
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}
