/**
 * /{tenant}/admin/audit?entity= — the audit trail: administrative changes (AuditEntry) and
 * fill changes (FillAudit), newest first, with who, what, before → after, why and when.
 */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
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
        <Table caption={t("caption")} testId="audit-table">
          <THead>
            <Th>{t("when")}</Th>
            <Th>{t("who")}</Th>
            <Th>{t("entity")}</Th>
            <Th>{t("action")}</Th>
            <Th>{t("what")}</Th>
            <Th>{t("change")}</Th>
            <Th>{t("reason")}</Th>
          </THead>
          <TBody>
            {rows.map((r) => (
              <tr key={r.id} className="align-top">
                <Td className="tabular-nums text-slate-600">{when.format(new Date(r.at))}</Td>
                <Td className="whitespace-normal!">{r.actor ?? t("system")}</Td>
                <Td className="whitespace-normal!">{entityLabel(r.entity)}</Td>
                <Td className="font-mono text-xs">{r.action}</Td>
                <Td className="whitespace-normal!">{r.label}</Td>
                <Td className="whitespace-normal! tabular-nums">
                  {r.before ?? "—"} → {r.after ?? "—"}
                </Td>
                <Td className="whitespace-normal! text-slate-600">{r.reason ?? ""}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
