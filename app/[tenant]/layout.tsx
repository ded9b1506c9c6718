import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { PasswordBanner } from "@/components/PasswordBanner";
import { SkipLink } from "@/components/SkipLink";
import { TenantNav } from "@/components/TenantNav";
import { navFor } from "@/components/nav";
import { requireTenantPage } from "@/lib/auth/guard";

/** The shell of every tenant page. Non-members get the not-found page (from the root). */
export default async function TenantLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { user } = await requireTenantPage(params, null);
  const t = await getTranslations();
  const items = navFor(user).map((item) => ({ href: item.href, label: t(`Nav.${item.label}`) }));

  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader
        title={user.tenantName}
        userName={user.name}
        roleLabel={t(`Roles.${user.role}`)}
        regionName={user.regionName}
      />
      {user.mustChangePassword ? <PasswordBanner /> : null}
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="border-b border-slate-200 bg-white md:w-56 md:shrink-0 md:border-b-0 md:border-r">
          <TenantNav items={items} label={t("Nav.label")} menuLabel={t("Nav.menu")} />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
