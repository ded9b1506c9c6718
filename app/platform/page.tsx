import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateTenantForm } from "@/components/access/CreateTenantForm";
import { PageHeader } from "@/components/PageHeader";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import { listTenants } from "@/lib/data/users";
import { requirePlatformAdmin } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Platform");
  return { title: t("title") };
}

/** Tenants of the installation, read-only. Platform admins see no tenant data. */
export default async function PlatformPage() {
  await requirePlatformAdmin();
  const [t, tp, format] = await Promise.all([getTranslations("Platform"), getTranslations("PlatformAdmin"), getFormatter()]);
  const tenants = await listTenants();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="tenants-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id="tenants-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("tenants")}
        </h2>
        {tenants.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <Table caption={t("tenants")} className="rounded-none border-0 shadow-none">
            <THead>
              <Th>{t("slug")}</Th>
              <Th>{t("name")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("created")}</Th>
            </THead>
            <TBody>
              {tenants.map((tenant) => (
                <tr key={tenant.slug}>
                  <Td className="font-mono text-slate-700">{tenant.slug}</Td>
                  <Td className="font-medium text-slate-900">{tenant.name}</Td>
                  <Td className="text-slate-700">{tenant.active ? t("active") : t("inactive")}</Td>
                  <Td className="tabular-nums text-slate-700">
                    <time dateTime={tenant.createdAt.toISOString()}>{format.dateTime(tenant.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="create-tenant-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:p-6">
        <h2 id="create-tenant-title" className="text-base font-semibold text-slate-900">
          {tp("createTitle")}
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{tp("createDescription")}</p>
        <CreateTenantForm />
      </section>
    </>
  );
}
