import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BulletinDocumentView } from "@/components/bulletins/BulletinDocumentView";
import { bulletinMap } from "@/components/bulletins/CountyMapFigure";
import { EditForm } from "@/components/bulletins/EditForm";
import { PublishForm } from "@/components/bulletins/PublishForm";
import { RegenerateForm } from "@/components/bulletins/RegenerateForm";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";
import "../bulletin.css";

type Props = { params: Promise<{ tenant: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { user, data } = await requireTenantPage(params, "bulletin.read");
  const record = await data.bulletin(id, { includeDrafts: can(user, "bulletin.draft.read", { tenantId: user.tenantId }) });
  const t = await getTranslations("Bulletins");
  return { title: record?.title ?? t("title") };
}

const button = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";

export default async function BulletinPage({ params }: Props) {
  const { id } = await params;
  const { user, data } = await requireTenantPage(params, "bulletin.read");
  const record = await data.bulletin(id, { includeDrafts: can(user, "bulletin.draft.read", { tenantId: user.tenantId }) });
  if (!record) notFound();
  const t = await getTranslations("Bulletins");
  const draft = record.status === "DRAFT";
  const manage = draft && can(user, "bulletin.manage", { tenantId: user.tenantId });
  const [outdated, countyMap] = await Promise.all([manage ? data.isOutdated(record) : false, record.document.map ? data.countyMap() : null]);
  const base = `/${user.tenantSlug}/bulletins/${record.id}`;

  return (
    <div className="space-y-6">
      <nav className="flex flex-wrap items-center gap-3" aria-label={t("actions")}>
        <Link href={`/${user.tenantSlug}/bulletins`} className={button}>
          {t("back")}
        </Link>
        <Link href={`${base}/print`} className={button}>
          {t("printView")}
        </Link>
        <a href={`${base}/docx`} className={button} download>
          {t("exportDocx")}
        </a>
        <a href={`${base}/export`} className={button} download>
          {t("exportXlsx")}
        </a>
        <span className={draft ? "rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" : "rounded bg-emerald-50 px-2 py-1 text-xs text-emerald-800"} data-testid="bulletin-status">
          {t(`status.${record.status}`)}
        </span>
      </nav>
      {draft ? <p className="text-sm text-slate-600">{t("draftNotice")}</p> : null}
      {outdated ? <RegenerateForm spec={{ type: record.periodType, year: record.year, period: record.period }} /> : null}
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:p-8">
        <BulletinDocumentView document={record.document} docNumber={record.docNumber} countyMap={bulletinMap(record.document.map, countyMap)} draft={draft} />
      </div>
      {manage ? (
        <>
          <PublishForm id={record.id} />
          <EditForm id={record.id} updatedAt={record.updatedAt} docNumber={record.docNumber} document={record.document} />
        </>
      ) : null}
    </div>
  );
}
