/**
 * Locales of the interface. The locale is not part of the URL (URLs are fixed,
 * e.g. /xiangxi/overview); it lives in the NEXT_LOCALE cookie, zh-CN by default.
 * This module is safe to import from client components.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** One year. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
/** Every tenant of the product is in China; dates are shown in China time. */
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
