/**
 * /{tenant}/admin/map — the county outlines of the dashboards' map: upload a GeoJSON
 * boundary file, see which regions have an outline (region.manage).
 */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { BoundaryUploadForm } from "@/components/admin/BoundaryUploadForm";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("MapUpload");
  return { title: t("pageTitle") };
}

export default async function MapAdminPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { data } = await requireTenantPage(params, "region.manage");
  const [status, t, locale] = await Promise.all([data.boundaryStatus(), getTranslations("MapUpload"), getLocale()]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <>
      <PageHeader title={t("pageTitle")} description={t("pageDescription")} />
      <BoundaryUploadForm attribution={status.attribution} />
      <section aria-labelledby="boundary-status-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="boundary-status-title" className="text-base font-semibold text-slate-900">{t("statusTitle")}</h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="boundary-current">
          {status.fileName && status.updatedAt ? t("current", { file: status.fileName, date: date.format(new Date(status.updatedAt)) }) : t("none")}
        </p>
        <ul className="mt-3 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="boundary-regions">
          {status.regions.map((r) => (
            <li key={r.code} className="flex items-center gap-2">
              <span className="font-mono text-xs text-slate-500">{r.code}</span>
              <span className="text-slate-900">{r.name}</span>
              <span className={`text-xs ${r.outlined ? "text-emerald-800" : "text-slate-500"}`}>{r.outlined ? t("outlined") : t("notOutlined")}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
