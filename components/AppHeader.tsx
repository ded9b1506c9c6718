/** The top bar of every signed-in page: product, organisation, the user, language, sign-out. */
import { getTranslations } from "next-intl/server";
import { BrandMark } from "./BrandMark";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { SignOutButton } from "./SignOutButton";

export async function AppHeader({
  title,
  userName,
  roleLabel,
  regionName,
}: {
  /** the organisation (tenant) name, or the platform area */
  title: string;
  userName: string;
  roleLabel: string;
  regionName?: string | null;
}) {
  const t = await getTranslations();
  return (
    <header className="on-dark bg-brand-900 text-white shadow-sm">
      {/* phones: two rows (organisation | sign-out, user | language); wider screens: one row */}
      <div className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-2 px-4 py-3 md:flex md:gap-x-5 md:px-6">
        <div className="flex min-w-0 items-center gap-3 md:flex-1">
          <BrandMark className="h-9 w-9 shrink-0" />
          <div className="min-w-0">
            <p className="truncate text-xs tracking-wide text-brand-100">{t("App.name")}</p>
            <p className="truncate text-base font-semibold md:text-lg" data-testid="tenant-name">
              {title}
            </p>
          </div>
        </div>
        <div className="justify-self-end md:order-last">
          <SignOutButton />
        </div>
        <section aria-label={t("Header.userMenu")} className="min-w-0 text-sm leading-tight md:text-right">
          <p className="truncate font-medium" data-testid="user-name">
            {userName}
          </p>
          <p className="mt-0.5 truncate text-xs text-brand-100">
            <span data-testid="user-role">{roleLabel}</span>
            {regionName ? (
              <>
                <span aria-hidden="true"> · </span>
                <span data-testid="user-region">{regionName}</span>
              </>
            ) : null}
          </p>
        </section>
        <div className="justify-self-end">
          <LanguageSwitcher tone="dark" />
        </div>
      </div>
    </header>
  );
}
