/**
 * /{tenant}/admin/audit?entity= — the audit trail: administrative changes (AuditEntry) and
 * fill changes (FillAudit), newest first, with who, what, before → after, why and when.
 */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { requireTenantPage } from "@/lib/auth/guard";
import { AUDIT_ENTITIES } from "@/lib/data/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { data } = await requireTenantPage(params, "audit.read");
  const sp = await searchParams;
  const entity = typeof sp.entity === "string" && (AUDIT_ENTITIES as readonly string[]).includes(sp.entity) ? sp.entity : "";
  const [rows, t, locale] = await Promise.all([data.audit({ entity, take: 300 }), getTranslations("Audit"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const entityLabel = (e: string) => ((AUDIT_ENTITIES as readonly string[]).includes(e) ? t(`entities.${e as (typeof AUDIT_ENTITIES)[number]}`) : e);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="audit-entity" className="block text-sm font-medium text-slate-700">
              {t("filter")}
            </label>
            <select id="audit-entity" name="entity" defaultValue={entity} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500">
              <option value="">{t("all")}</option>
              {AUDIT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {entityLabel(e)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500">
            {t("apply")}
          </button>
        </form>
      </PageHeader>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="audit-table">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("when")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("who")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("entity")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("action")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("what")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("change")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-1.5 tabular-nums text-slate-600">{when.format(new Date(r.at))}</td>
                  <td className="px-3 py-1.5">{r.actor ?? t("system")}</td>
                  <td className="px-3 py-1.5">{entityLabel(r.entity)}</td>
                  <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
                  <td className="px-3 py-1.5">{r.label}</td>
                  <td className="px-3 py-1.5 tabular-nums">
                    {r.before ?? "—"} → {r.after ?? "—"}
                  </td>
                  <td className="px-3 py-1.5 text-slate-600">{r.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
