/**
 * next-intl request configuration (used by createNextIntlPlugin in next.config.ts).
 * No i18n routing: the locale comes from the NEXT_LOCALE cookie, falling back to zh-CN.
 */
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale, type AppLocale } from "./config";

const catalogues = {
  "zh-CN": () => import("../messages/zh-CN.json"),
  en: () => import("../messages/en.json"),
} satisfies Record<AppLocale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  const store = await cookies();
  const requested = store.get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const messages = (await catalogues[locale]()).default;
  return { locale, messages, timeZone: TIME_ZONE };
});
