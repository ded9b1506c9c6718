/**
 * A tenant page that is not built yet: title, description and the honest
 * not-built-yet notice. Access is checked by requireTenantMember only.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireTenantMember } from "@/lib/auth/session";
import { NotBuiltYet } from "./NotBuiltYet";
import { PageHeader } from "./PageHeader";

export type StubPageKey = "overview" | "rankings" | "entry" | "review" | "targets" | "bulletins" | "admin";

export type TenantPageProps = { params: Promise<{ tenant: string }> };

export function stubMetadata(page: StubPageKey): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("Pages");
    return { title: t(`${page}.title`) };
  };
}

export async function StubPage({ page, params }: { page: StubPageKey } & TenantPageProps) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  const t = await getTranslations("Pages");
  // Reporters see the rankings as "my rankings".
  const key = page === "rankings" && user.role === "REPORTER" ? "myRankings" : page;
  return (
    <>
      <PageHeader title={t(`${key}.title`)} description={t(`${key}.description`)} />
      <NotBuiltYet feature={t(`${key}.title`)} />
    </>
  );
}
