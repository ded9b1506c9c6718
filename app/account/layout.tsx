import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/AppHeader";
import { ClientMessages } from "@/components/ClientMessages";
import { SkipLink } from "@/components/SkipLink";
import { requireUser } from "@/lib/auth/session";

/** The signed-in user's own account pages (reachable while a password change is pending). */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser({ allowPendingPasswordChange: true });
  const t = await getTranslations();
  const roleLabel = user.role ? t(`Roles.${user.role}`) : t("Roles.PLATFORM_ADMIN");
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <AppHeader title={user.tenantName ?? t("Header.platform")} userName={user.name} roleLabel={roleLabel} regionName={user.regionName ?? undefined} />
      <main id="main" className="flex-1 px-4 py-6 md:px-8 md:py-8">
        <div className="mx-auto max-w-3xl"><ClientMessages area="account">{children}</ClientMessages></div>
      </main>
    </div>
  );
}
