import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { CreateUserForm, UserRowActions } from "@/components/access/UserAdmin";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Admin");
  return { title: t("usersTitle") };
}

/** User administration of the admin's own tenant. */
export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(params, "user.manage");
  const [users, regions, t, tr, format] = await Promise.all([
    data.users(),
    data.regionOptions(),
    getTranslations("Admin"),
    getTranslations("Roles"),
    getFormatter(),
  ]);
  const counties = regions.filter((r) => !r.isRoot).map(({ id, name, code }) => ({ id, name, code }));
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
        <CreateUserForm regions={counties} />
      </section>
      <section aria-labelledby="users-title" className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 id="users-title" className="border-b border-slate-200 px-4 py-3 text-base font-semibold text-slate-900">
          {t("list")}
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="users-table">
            <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">{t("account")}</th>
                <th scope="col" className="px-4 py-3">{t("name")}</th>
                <th scope="col" className="px-4 py-3">{t("role")}</th>
                <th scope="col" className="px-4 py-3">{t("region")}</th>
                <th scope="col" className="px-4 py-3">{t("status")}</th>
                <th scope="col" className="px-4 py-3">{t("lastSignIn")}</th>
                <th scope="col" className="px-4 py-3">{t("actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id} data-account={u.account}>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">
                    {u.account} {u.id === user.userId ? <span className="text-slate-500">{t("you")}</span> : null}
                  </td>
                  <td className="px-4 py-3 text-slate-900">{u.name}</td>
                  <td className="whitespace-nowrap px-4 py-3">{u.role ? tr(u.role) : ""}</td>
                  <td className="whitespace-nowrap px-4 py-3">{u.regionName}</td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {u.active ? t("active") : t("inactive")}
                    {u.mustChangePassword ? <span className="ml-1 text-amber-800">· {t("pendingPassword")}</span> : null}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 tabular-nums">
                    {u.lastSignInAt ? format.dateTime(new Date(u.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : t("never")}
                  </td>
                  <td className="px-4 py-3">
                    {u.id === user.userId ? null : (
                      <UserRowActions
                        user={{ id: u.id, account: u.account, name: u.name, role: u.role ?? "REPORTER", regionId: u.regionId ?? "", active: u.active }}
                        regions={counties}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
