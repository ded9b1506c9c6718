import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotBuiltYet } from "@/components/NotBuiltYet";
import { PageHeader } from "@/components/PageHeader";
import { db } from "@/lib/db/client";
import { requireTenantMember } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

type Props = { params: Promise<{ tenant: string; code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages.regions");
  return { title: t("title") };
}

export default async function RegionPage({ params }: Props) {
  const { tenant, code } = await params;
  const user = await requireTenantMember(tenant);
  const region = await db.region.findUnique({
    where: { tenantId_code: { tenantId: user.tenantId, code } },
    select: { id: true, code: true, name: true },
  });
  // a reporter may open only their own region's page (DESIGN §1)
  if (!region || !can(user, "region.read", { tenantId: user.tenantId, regionId: region.id })) notFound();
  const [t, tn] = await Promise.all([getTranslations("Pages"), getTranslations("Nav")]);

  return (
    <>
      <nav aria-label={tn("breadcrumb")} className="mb-3 text-sm">
        <Link href={`/${user.tenantSlug}/regions`} className="text-brand-700 underline-offset-2 hover:underline">
          {tn("regions")}
        </Link>
        <span aria-hidden="true" className="mx-2 text-slate-400">
          /
        </span>
        <span className="text-slate-600">{region.name}</span>
      </nav>
      <PageHeader
        title={t("region.title", { name: region.name })}
        description={t("region.description", { code: region.code })}
      />
      <NotBuiltYet feature={t("region.feature")} />
    </>
  );
}
