import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import { CreateUserForm, UserRowActions } from "@/components/access/UserAdmin";
import { SheetImportForm } from "@/components/admin/SheetImportForm";
import { importUsers } from "@/lib/actions/import-users";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("usersTitle") };
}

/** User administration of the admin's own tenant: one by one, or many from a sheet. */
export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(params, "user.manage");
  const [users, regions, t, tr, format, ts] = await Promise.all([
    data.users(),
    data.regionOptions(),
    getTranslations("Admin"),
    getTranslations("Roles"),
    getFormatter(),
    getTranslations("SheetImport"),
  ]);
  return (
    <>
      <PageHeader title={t("usersTitle")} description={t("usersDescription")}>
        <Link href={`/${user.tenantSlug}/admin`} className="text-sm font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </PageHeader>
      <section aria-labelledby="create-user-title" className="mb-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:p-6">
        <h2 id="create-user-title" className="mb-4 text-base font-semibold text-slate-900">
          {t("createTitle")}
        </h2>
        <CreateUserForm regions={regions} />
      </section>
      <SheetImportForm id="users" action={importUsers} title={t("import.title")} help={t("import.help")} exportHref={`/${user.tenantSlug}/admin/users/export`} downloadLabel={ts("passwords.download")} />
      <section aria-labelledby="users-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id="users-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("list")}
        </h2>
        <Table caption={t("list")} testId="users-table" className="rounded-none border-0 shadow-none">
          <THead>
            <Th>{t("account")}</Th>
            <Th>{t("name")}</Th>
            <Th>{t("role")}</Th>
            <Th>{t("region")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("lastSignIn")}</Th>
            <Th>{t("actions")}</Th>
          </THead>
          <TBody>
            {users.map((u) => (
              <tr key={u.id} data-account={u.account}>
                <Td className="font-mono text-slate-700">
                  {u.account} {u.id === user.userId ? <span className="text-slate-500">{t("you")}</span> : null}
                </Td>
                <Td className="text-slate-900">{u.name}</Td>
                <Td>{u.role ? tr(u.role) : ""}</Td>
                <Td>{u.role !== "REPORTER" && u.regionName ? (u.regionIsRoot ? t("scopeWhole") : t("scopeSubtree", { name: u.regionName })) : u.regionName}</Td>
                <Td>
                  {u.active ? t("active") : t("inactive")}
                  {u.mustChangePassword ? <span className="ml-1 text-amber-800">· {t("pendingPassword")}</span> : null}
                </Td>
                <Td className="tabular-nums">{u.lastSignInAt ? format.dateTime(new Date(u.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : t("never")}</Td>
                <Td>
                  {u.id === user.userId ? null : (
                    <UserRowActions
                      user={{ id: u.id, account: u.account, name: u.name, role: u.role ?? "REPORTER", regionId: u.regionId && !(u.role !== "REPORTER" && u.regionIsRoot) ? u.regionId : "", active: u.active }}
                      regions={regions}
                    />
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      </section>
    </>
  );
}
