/**
 * /{tenant}/admin/audit?entity=&who=&month=YYYY-MM&page= — the audit trail in sentences:
 * administrative changes (AuditEntry) and figure changes (FillAudit), newest first, paged,
 * filtered by kind, by who made them and by the month they were made in.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { auditSentence, type AuditWords } from "@/components/admin/auditSentence";
import { inputClass, Table, TBody, Td, Th, THead } from "@/components/ui";
import { requireTenantPage } from "@/lib/auth/guard";
import { AUDIT_ENTITIES } from "@/lib/data/audit";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

const PAGE_SIZE = 50;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The filters from the address, each checked. */
function filtersOf(sp: Record<string, string | string[] | undefined>, actorIds: ReadonlySet<string>) {
  const kind = (AUDIT_ENTITIES as readonly string[]).includes(one(sp.entity)) ? one(sp.entity) : "";
  const who = actorIds.has(one(sp.who)) ? one(sp.who) : "";
  const m = /^(\d{4})-(\d{2})$/.exec(one(sp.month));
  const month = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? { year: Number(m[1]), month: Number(m[2]) } : null;
  const page = Math.max(1, Number.parseInt(one(sp.page), 10) || 1);
  return { kind, who, month, monthText: month ? one(sp.month) : "", page };
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant } = await params;
  const { data } = await requireTenantPage(params, "audit.read");
  const actors = await data.auditActors();
  const f = filtersOf(await searchParams, new Set(actors.map((a) => a.id)));
  const [{ rows, total }, t, locale] = await Promise.all([
    data.audit({ entity: f.kind, actorId: f.who || null, month: f.month, page: f.page, pageSize: PAGE_SIZE }),
    getTranslations("Audit"),
    getLocale(),
  ]);
  const words = t as unknown as AuditWords;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const query = new URLSearchParams({ ...(f.kind ? { entity: f.kind } : {}), ...(f.who ? { who: f.who } : {}), ...(f.monthText ? { month: f.monthText } : {}) });
  const pageHref = (page: number) => `/${tenant}/admin/audit?${new URLSearchParams([...query, ["page", String(page)]])}`;
  const select = "mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-sky-500";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="audit-kind" className="block text-sm font-medium text-slate-700">{t("filterKind")}</label>
            <select id="audit-kind" name="entity" defaultValue={f.kind} className={select}>
              <option value="">{t("all")}</option>
              {AUDIT_ENTITIES.map((e) => (
                <option key={e} value={e}>{t(`entities.${e}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-who" className="block text-sm font-medium text-slate-700">{t("filterWho")}</label>
            <select id="audit-who" name="who" defaultValue={f.who} className={select}>
              <option value="">{t("anyone")}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>{a.label}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-month" className="block text-sm font-medium text-slate-700">{t("filterMonth")}</label>
            <input id="audit-month" name="month" type="month" defaultValue={f.monthText} className={`${inputClass} mt-1 w-40`} />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-sky-500">
            {t("apply")}
          </button>
        </form>
      </PageHeader>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table caption={t("caption")} testId="audit-table" cardsOnPhone>
          <THead>
            <Th>{t("when")}</Th>
            <Th>{t("record")}</Th>
          </THead>
          <TBody>
            {rows.map((r) => (
              <tr key={r.id} className="align-top" data-testid="audit-row">
                <Td className="tabular-nums text-slate-600" data-wide="">{when.format(new Date(r.at))}</Td>
                <Td className="whitespace-normal! text-slate-900" data-wide="">{auditSentence(r, words)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label={t("caption")} className="mt-3 flex items-center gap-4 text-sm">
        <span className="text-slate-600">{t("total", { count: total })} · {t("pageOf", { page: Math.min(f.page, pages), pages })}</span>
        {f.page > 1 ? <Link className="text-sky-800 underline" href={pageHref(f.page - 1)}>{t("previousPage")}</Link> : null}
        {f.page < pages ? <Link className="text-sky-800 underline" href={pageHref(f.page + 1)}>{t("nextPage")}</Link> : null}
      </nav>
    </>
  );
}
