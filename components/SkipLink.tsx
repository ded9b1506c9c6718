import { getTranslations } from "next-intl/server";

export async function SkipLink() {
  const t = await getTranslations("App");
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-800 focus:shadow"
    >
      {t("skipToContent")}
    </a>
  );
}
