/** /{tenant}/admin/indicators/new — create an indicator. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { IndicatorForm } from "@/components/admin/IndicatorForm";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  return { title: t("new") };
}

export default async function NewIndicatorPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { data } = await requireTenantPage(params, "catalogue.manage");
  const [parts, t] = await Promise.all([data.ratioPartOptions(), getTranslations("Catalogue")]);
  return (
    <>
      <PageHeader title={t("new")} description={t("description")} />
      <IndicatorForm indicator={null} parts={parts} />
    </>
  );
}
