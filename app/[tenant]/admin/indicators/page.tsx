/** /{tenant}/admin/indicators — the indicator catalogue, its sheet import and export (catalogue.manage). */
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { RowHeader } from "@/components/dashboard/bits";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import { SheetImportForm } from "@/components/admin/SheetImportForm";
import { ToggleActiveButton } from "@/components/admin/ToggleActiveButton";
import { CATALOGUE_COLUMNS } from "@/lib/admin/catalogue-import";
import { importCatalogue } from "@/lib/actions/import-catalogue";
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
      <SheetImportForm
        id="catalogue"
        action={importCatalogue}
        title={t("import.title")}
        help={t("import.help")}
        exportHref={`/${tenant}/admin/indicators/export`}
        fieldLabels={Object.fromEntries(
          (["name", "unit", "definition", "group", "kind", "direction", "precision", "weight", "frequency", "ratioFactor", "curve"] as const)
            .map((f) => [f, CATALOGUE_COLUMNS[f].label])
            .concat([["numeratorCode", CATALOGUE_COLUMNS.numerator.label], ["denominatorCode", CATALOGUE_COLUMNS.denominator.label]]),
        )}
      />
      <Table caption={t("title")} testId="catalogue-table">
        <THead>
          {(["code", "name", "unit", "group", "kind", "precision", "weight", "frequency", "figures", "status"] as const).map((k) => (
            <Th key={k}>{t(`fields.${k}`)}</Th>
          ))}
          <Th>
            <span className="sr-only">{t("actions")}</span>
          </Th>
        </THead>
        <TBody>
          {rows.map((r) => (
            <tr key={r.id} className={r.active ? undefined : "*:text-slate-400!"}>
              <Td className="font-mono text-xs">{r.code}</Td>
              <RowHeader className="text-left font-medium">
                <Link href={`/${tenant}/admin/indicators/${r.code}`} className="text-sky-800 underline-offset-2 hover:underline">
                  {r.name}
                </Link>
              </RowHeader>
              <Td>{r.unit}</Td>
              <Td>{r.group ?? "—"}</Td>
              <Td>{t(`kinds.${r.kind as "CUMULATIVE"}`)}</Td>
              <Td className="tabular-nums">{r.precision}</Td>
              <Td className="tabular-nums">{r.weight}</Td>
              <Td>{t(`frequencies.${r.frequency as "MONTHLY"}`)}</Td>
              <Td className="tabular-nums">{t("figureCount", { fills: r.fills, targets: r.targets })}</Td>
              <Td>{r.active ? t("active") : t("inactive")}</Td>
              <Td className="text-right">
                <ToggleActiveButton action={deactivateIndicator} id={r.id} active={!r.active} label={r.active ? t("deactivate") : t("activate")} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
