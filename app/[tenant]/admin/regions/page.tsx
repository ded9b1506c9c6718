/**
 * /{tenant}/admin/regions — the region tree: import / export as a sheet, add, rename, move,
 * deactivate / re-activate (region.manage).
 */
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { AddRegionForm, EditRegionForms } from "@/components/admin/RegionForms";
import { SheetImportForm } from "@/components/admin/SheetImportForm";
import { REGION_COLUMNS } from "@/lib/admin/regions-import";
import { importRegions } from "@/lib/actions/import-regions";
import { ToggleActiveButton } from "@/components/admin/ToggleActiveButton";
import { deactivateRegion } from "@/lib/actions/deactivate-region";
import { requireTenantPage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("RegionAdmin");
  return { title: t("title") };
}

export default async function RegionAdminPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(params, "region.manage");
  const [rows, t, locale] = await Promise.all([data.regionTree(), getTranslations("RegionAdmin"), getLocale()]);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const parents = rows.filter((r) => r.active).map((r) => ({ id: r.id, code: r.code, name: r.name }));
  const root = rows.find((r) => r.parentId === null);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <SheetImportForm
        id="regions"
        action={importRegions}
        title={t("import.title")}
        help={t("import.help")}
        exportHref={`/${user.tenantSlug}/admin/regions/export`}
        fieldLabels={{ name: REGION_COLUMNS.name.label, level: REGION_COLUMNS.level.label, parent: REGION_COLUMNS.parent.label, sortOrder: REGION_COLUMNS.sortOrder.label, active: REGION_COLUMNS.active.label }}
      />
      <section aria-labelledby="region-add-title" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="region-add-title" className="mb-3 text-base font-semibold text-slate-900">{t("addTitle")}</h2>
        <AddRegionForm parents={parents} defaultParentId={root?.id ?? ""} />
      </section>
      <section aria-labelledby="region-tree-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="region-tree-title" className="mb-3 text-base font-semibold text-slate-900">{t("treeTitle")}</h2>
        <ul className="divide-y divide-slate-100" data-testid="region-tree">
          {rows.map((r) => (
            <li key={r.id} className="py-2" style={{ paddingLeft: `${r.depth * 1.5}rem` }} data-testid={`region-${r.code}`}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="font-mono text-xs text-slate-500">{r.code}</span>
                <span className={`font-medium ${r.active ? "text-slate-900" : "text-slate-400 line-through"}`}>{r.name}</span>
                <span className="text-xs text-slate-500">{t(`levels.${r.level as "COUNTY"}`)}</span>
                <span className="text-xs text-slate-500">{t("holds", { fills: r.fills, members: r.members })}</span>
                {r.active ? null : (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                    {t("inactiveSince", { date: r.deactivatedAt ? date.format(new Date(r.deactivatedAt)) : "—" })}
                  </span>
                )}
                {r.parentId !== null ? (
                  <ToggleActiveButton action={deactivateRegion} id={r.id} active={!r.active} label={r.active ? t("deactivate") : t("activate")} />
                ) : null}
              </div>
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-sky-800">{t("editToggle", { name: r.name })}</summary>
                <EditRegionForms region={r} parents={parents.filter((p) => p.id !== r.id)} isRoot={r.parentId === null} />
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
