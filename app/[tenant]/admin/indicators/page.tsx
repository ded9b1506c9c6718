/** /{tenant}/admin/indicators — the indicator catalogue (catalogue.manage). */
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { ToggleActiveButton } from "@/components/admin/ToggleActiveButton";
import { deactivateIndicator } from "@/lib/actions/deactivate-indicator";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Catalogue");
  return { title: t("title") };
}

export default async function IndicatorsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { data } = await requireTenantPage(params, "catalogue.manage");
  const [rows, t] = await Promise.all([data.catalogue(), getTranslations("Catalogue")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <Link href={`/${tenant}/admin/indicators/new`} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-500">
          {t("new")}
        </Link>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="catalogue-table">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {(["code", "name", "unit", "kind", "precision", "weight", "frequency", "figures", "status"] as const).map((k) => (
                <th key={k} scope="col" className="px-3 py-2 font-medium">
                  {t(`fields.${k}`)}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={`border-t border-slate-100 ${r.active ? "" : "text-slate-400"}`}>
                <td className="px-3 py-1.5 font-mono text-xs">{r.code}</td>
                <th scope="row" className="px-3 py-1.5 text-left font-medium">
                  <Link href={`/${tenant}/admin/indicators/${r.code}`} className="text-sky-800 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                </th>
                <td className="px-3 py-1.5">{r.unit}</td>
                <td className="px-3 py-1.5">{t(`kinds.${r.kind as "CUMULATIVE"}`)}</td>
                <td className="px-3 py-1.5 tabular-nums">{r.precision}</td>
                <td className="px-3 py-1.5 tabular-nums">{r.weight}</td>
                <td className="px-3 py-1.5">{t(`frequencies.${r.frequency as "MONTHLY"}`)}</td>
                <td className="px-3 py-1.5 tabular-nums">{t("figureCount", { fills: r.fills, targets: r.targets })}</td>
                <td className="px-3 py-1.5">{r.active ? t("active") : t("inactive")}</td>
                <td className="px-3 py-1.5 text-right">
                  <ToggleActiveButton action={deactivateIndicator} id={r.id} active={!r.active} label={r.active ? t("deactivate") : t("activate")} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
