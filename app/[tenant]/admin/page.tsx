import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ADMIN_SECTIONS } from "@/components/nav";
import { SetupChecklist } from "@/components/admin/SetupChecklist";
import * as clock from "@/lib/clock";
import { chinaMonth } from "@/lib/reporting/locks";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("title") };
}

/** The administration landing page: one link per section the admin may open. */
export default async function AdminPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(
    params,
    ADMIN_SECTIONS.map((s) => s.action),
  );
  const sections = ADMIN_SECTIONS.filter((s) => can(user, s.action, { tenantId: user.tenantId }));
  const t = await getTranslations("Admin");
  const setup = can(user, "settings.manage") ? await data.setupProgress(chinaMonth(clock.now()).year) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {setup ? <SetupChecklist progress={setup} base={`/${user.tenantSlug}`} /> : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.key}>
            <Link
              href={`/${user.tenantSlug}/admin/${s.key}`}
              prefetch={false}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
            >
              <span className="block font-semibold text-brand-800">{t(`sections.${s.key}.title`)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`sections.${s.key}.description`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
