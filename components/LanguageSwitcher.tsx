/**
 * Language switch: one button per locale in a form posting to a server action that
 * sets the NEXT_LOCALE cookie. Works without JavaScript too.
 */
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/i18n/actions";
import { LOCALES } from "@/i18n/config";

export async function LanguageSwitcher({ tone = "light" }: { tone?: "light" | "dark" }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("Locale")]);
  const base = "rounded px-2.5 py-1 text-sm font-medium transition-colors";
  const styles =
    tone === "dark"
      ? {
          group: "border-white/30",
          on: "bg-white text-brand-900",
          off: "text-white hover:bg-white/15",
        }
      : {
          group: "border-slate-300 bg-white",
          on: "bg-brand-700 text-white",
          off: "text-slate-700 hover:bg-slate-100",
        };
  return (
    <form action={setLocale}>
      <div role="group" aria-label={t("label")} className={`flex gap-0.5 rounded-md border p-0.5 ${styles.group}`}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            className={`${base} ${l === locale ? styles.on : styles.off}`}
          >
            {t(`names.${l}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
