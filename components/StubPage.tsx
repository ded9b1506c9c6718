/**
 * A tenant page that is not built yet: title, description and the honest
 * not-built-yet notice. Access is checked by requireTenantMember only.
 */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireTenantMember } from "@/lib/auth/session";
import { can, type Action } from "@/lib/permissions";
import { NotBuiltYet } from "./NotBuiltYet";
import { PageHeader } from "./PageHeader";

export type StubPageKey = "overview" | "rankings" | "entry" | "review" | "targets" | "bulletins" | "admin";

/** The permissions that open each page (any of them), asked of lib/permissions.ts. */
const PAGE_PERMISSIONS: Record<StubPageKey, Action[]> = {
  overview: ["overview.read"],
  rankings: ["ranking.read"],
  entry: ["fill.write", "fill.review"],
  review: ["fill.review"],
  targets: ["target.read"],
  bulletins: ["bulletin.read"],
  admin: ["user.manage", "catalogue.manage", "region.manage", "settings.manage"],
};

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
  if (!PAGE_PERMISSIONS[page].some((action) => can(user, action))) notFound();
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
