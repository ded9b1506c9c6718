/** /{tenant}/admin/indicators/new — create an indicator. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { IndicatorForm } from "@/components/admin/IndicatorForm";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ratioPartOptions } from "@/lib/data/catalogue";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  return { title: t("new") };
}

export default async function NewIndicatorPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  if (!can(user, "catalogue.manage")) notFound();
  const ctx = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const [parts, t] = await Promise.all([ratioPartOptions(db, ctx), getTranslations("Catalogue")]);
  return (
    <>
      <PageHeader title={t("new")} description={t("description")} />
      <IndicatorForm indicator={null} parts={parts} />
    </>
  );
}
