/** /{tenant}/admin/indicators/{code} — edit an indicator. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { IndicatorForm } from "@/components/admin/IndicatorForm";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  return { title: t("edit") };
}

export default async function EditIndicatorPage({ params }: { params: Promise<{ tenant: string; code: string }> }) {
  const { code } = await params;
  const { data } = await requireTenantPage(params, "catalogue.manage");
  const [indicator, parts, t] = await Promise.all([data.indicatorForEdit(decodeURIComponent(code).toUpperCase()), data.ratioPartOptions(), getTranslations("Catalogue")]);
  if (!indicator) notFound();
  return (
    <>
      <PageHeader title={`${t("edit")}：${indicator.name}`} description={indicator.code} />
      <IndicatorForm indicator={indicator} parts={parts.filter((p) => p.id !== indicator.id)} />
    </>
  );
}
