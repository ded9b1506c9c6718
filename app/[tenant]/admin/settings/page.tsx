/** /{tenant}/admin/settings — tenant settings with a preview of their effect (settings.manage). */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { SettingsForm } from "@/components/admin/SettingsForm";
import { WordingForm } from "@/components/admin/WordingForm";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { data } = await requireTenantPage(params, "settings.manage");
  const [form, wording, t] = await Promise.all([data.settingsForm(), data.wording(), getTranslations("Settings")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <WordingForm wording={wording} />
      <SettingsForm form={form} />
    </>
  );
}
