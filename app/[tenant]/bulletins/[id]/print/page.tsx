import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BulletinDocumentView } from "@/components/bulletins/BulletinDocumentView";
import { bulletinMap } from "@/components/bulletins/CountyMapFigure";
import { PrintButton } from "@/components/bulletins/PrintButton";
import { requireTenantPage } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";
import "../../bulletin.css";

type Props = { params: Promise<{ tenant: string; id: string }> };

async function load({ params }: Props) {
  const { id } = await params;
  const { user, data } = await requireTenantPage(params, "bulletin.read");
  const record = await data.bulletin(id, { includeDrafts: can(user, "bulletin.draft.read", { tenantId: user.tenantId }) });
  if (!record) notFound();
  return { user, record, data };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { record } = await load(props);
  return { title: record.title };
}

/** The A4 print layout (GB/T 9704 manner): print, or save as PDF, from the browser. */
export default async function BulletinPrintPage(props: Props) {
  const { user, record, data } = await load(props);
  const [t, countyMap] = await Promise.all([getTranslations("Bulletins"), record.document.map ? data.countyMap() : null]);
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/${user.tenantSlug}/bulletins/${record.id}`} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
        <p className="text-sm text-slate-600">{t("printHint")}</p>
      </div>
      <div className="bulletin-sheet">
        <BulletinDocumentView document={record.document} docNumber={record.docNumber} countyMap={bulletinMap(record.document.map, countyMap)} draft={record.status === "DRAFT"} />
      </div>
    </div>
  );
}
