import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { requireTenantMember } from "@/lib/auth/session";
import { can, type Action } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("title") };
}

const SECTIONS: { key: "users" | "indicators" | "regions" | "settings" | "audit" | "tokens"; action: Action }[] = [
  { key: "users", action: "user.manage" },
  { key: "indicators", action: "catalogue.manage" },
  { key: "regions", action: "region.manage" },
  { key: "settings", action: "settings.manage" },
  { key: "audit", action: "audit.read" },
  { key: "tokens", action: "apiToken.manage" },
];

/** The administration landing page: one link per section the admin may open. */
export default async function AdminPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  const sections = SECTIONS.filter((s) => can(user, s.action, { tenantId: user.tenantId }));
  if (sections.length === 0) notFound();
  const t = await getTranslations("Admin");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
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
