import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/BrandMark";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Errors");
  return { title: t("notFoundTitle") };
}

/**
 * The one not-found page, for unknown URLs and for pages of a tenant the user does not
 * belong to alike: it says nothing about whether the address exists.
 */
export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="on-dark bg-brand-900 px-4 py-3 text-white md:px-6">
        <div className="flex items-center gap-3">
          <BrandMark className="h-8 w-8" />
          <span className="font-semibold">{t("App.name")}</span>
        </div>
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-16">
        <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
          <p className="text-sm font-semibold text-brand-700">404</p>
          <h1 className="mt-2 text-xl font-semibold text-slate-900">{t("Errors.notFoundTitle")}</h1>
          <p className="mt-3 text-sm text-slate-600">{t("Errors.notFoundBody")}</p>
          <Link
            href="/"
            className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t("Errors.backHome")}
          </Link>
        </div>
      </main>
    </div>
  );
}
