import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Not found inside a tenant the user belongs to (e.g. an unknown region code). */
export default async function TenantNotFound() {
  const t = await getTranslations("Errors");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-sm text-slate-600">{t("notFoundBody")}</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t("backHome")}
      </Link>
    </div>
  );
}
