// Type-safe message keys and locales for next-intl (zh-CN is the reference catalogue;
// tests/e2e/catalogue.spec.ts checks en.json has the identical key set).
import type messages from "../messages/zh-CN.json";
import type { AppLocale } from "./config";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
