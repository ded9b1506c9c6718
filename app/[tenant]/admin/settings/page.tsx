/** /{tenant}/admin/settings — tenant settings with a preview of their effect (settings.manage). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getSettingsForm } from "@/lib/data/settings";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  if (!can(user, "settings.manage")) notFound();
  const ctx = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const [form, t] = await Promise.all([getSettingsForm(db, ctx), getTranslations("Settings")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SettingsForm form={form} />
    </>
  );
}
