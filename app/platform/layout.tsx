import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { PasswordBanner } from "@/components/PasswordBanner";
import { ClientMessages } from "@/components/ClientMessages";
import { SkipLink } from "@/components/SkipLink";
import { requirePlatformAdmin } from "@/lib/auth/session";

/** The platform admin's area. Anyone else gets the not-found page. */
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const user = await requirePlatformAdmin();
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader title={t("Header.platform")} userName={user.name} roleLabel={t("Roles.PLATFORM_ADMIN")} />
      {user.mustChangePassword ? <PasswordBanner /> : null}
      <main id="main" className="flex-1 px-4 py-6 md:px-8 md:py-8">
        <div className="mx-auto max-w-6xl"><ClientMessages area="platform">{children}</ClientMessages></div>
      </main>
    </div>
  );
}
