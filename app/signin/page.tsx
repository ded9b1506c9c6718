import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/BrandMark";
import { LanguageSwitcher } from "@/components/LanguageSwitcher";
import { SignInForm, type SignInErrorKey } from "@/components/SignInForm";
import { homePath, safeCallbackPath } from "@/lib/auth/home";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { callbackUrl, error } = await searchParams;
  const callback = typeof callbackUrl === "string" ? callbackUrl : null;
  // next-auth sends its own errors here (pages.error); never echo the raw value
  const initialError: SignInErrorKey | null =
    typeof error !== "string" ? null : error === "CredentialsSignin" ? "errorInvalid" : "errorUnavailable";
  const user = await getSessionUser();
  if (user) redirect(safeCallbackPath(callback, user) ?? homePath(user));

  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col bg-slate-100">
      <header>
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3 md:py-5">
          <div className="flex items-center gap-2 text-brand-900 md:invisible">
            <svg viewBox="0 0 32 32" className="h-7 w-7" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <rect x="7" y="17" width="4" height="8" rx="1" fill="#b3cbeb" />
              <rect x="14" y="12" width="4" height="13" rx="1" fill="#d8e5f5" />
              <rect x="21" y="7" width="4" height="18" rx="1" fill="#ffffff" />
            </svg>
            <span className="font-semibold">{t("App.name")}</span>
          </div>
          <LanguageSwitcher tone="light" />
        </div>
      </header>

      <main id="main" className="flex flex-1 items-start justify-center px-4 py-6 md:items-center md:py-10">
        <div className="grid w-full max-w-4xl overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm md:grid-cols-[1.1fr_1fr]">
          <section className="on-dark hidden flex-col justify-between bg-brand-900 p-10 text-white md:flex">
            <div>
              <BrandMark className="h-12 w-12" />
              <p className="mt-6 text-2xl font-semibold leading-snug">{t("App.name")}</p>
              <p className="mt-2 text-sm text-brand-100">{t("App.tagline")}</p>
            </div>
            <div className="mt-12 space-y-3 border-t border-white/15 pt-6 text-sm text-brand-100">
              <p>{t("Pages.overview.description")}</p>
              <p>{t("Pages.entry.description")}</p>
            </div>
          </section>

          <section className="p-6 sm:p-10">
            <h1 className="text-2xl font-semibold text-slate-900">{t("SignIn.title")}</h1>
            <p className="mt-2 text-sm text-slate-600">{t("SignIn.subtitle")}</p>
            <div className="mt-6">
              <SignInForm callbackUrl={callback} initialError={initialError} />
            </div>
            <p className="mt-6 text-xs leading-relaxed text-slate-500">{t("SignIn.help")}</p>
          </section>
        </div>
      </main>
    </div>
  );
}
