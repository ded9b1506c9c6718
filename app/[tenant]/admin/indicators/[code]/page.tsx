/** /{tenant}/admin/indicators/{code} — edit an indicator. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { IndicatorForm } from "@/components/admin/IndicatorForm";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getIndicatorForEdit, ratioPartOptions } from "@/lib/data/catalogue";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  return { title: t("edit") };
}

export default async function EditIndicatorPage({ params }: { params: Promise<{ tenant: string; code: string }> }) {
  const { tenant, code } = await params;
  const user = await requireTenantMember(tenant);
  if (!can(user, "catalogue.manage")) notFound();
  const ctx = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const [indicator, parts, t] = await Promise.all([getIndicatorForEdit(db, ctx, decodeURIComponent(code).toUpperCase()), ratioPartOptions(db, ctx), getTranslations("Catalogue")]);
  if (!indicator) notFound();
  return (
    <>
      <PageHeader title={`${t("edit")}：${indicator.name}`} description={indicator.code} />
      <IndicatorForm indicator={indicator} parts={parts.filter((p) => p.id !== indicator.id)} />
    </>
  );
}
