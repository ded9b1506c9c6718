import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import { requireTenantPage } from "@/lib/auth/guard";
import { formatScore } from "@/lib/format";
import { scopeOf } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages.regions");
  return { title: t("title") };
}

export default async function RegionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { user, data } = await requireTenantPage(params, "region.read");
  // the list of every region is for tenant-wide readers (a subtree-bound one's: their subtree); a reporter opens only their own region's page
  const scope = scopeOf(user, "region.read");
  if (scope !== "tenant" && scope !== "subtree") notFound();
  const [t, tr, tc] = await Promise.all([getTranslations("Pages.regions"), getTranslations("Regions"), getTranslations("Rankings")]);
  const regions = (await data.regions()).filter((r) => !user.subtree || user.subtree.has(r.id));
  const { period } = await data.resolvePeriod({ invalid: [] });
  const composite = await data.compositeRanking(period);
  const scoreOf = new Map(composite.entries.map((e) => [e.regionId, e]));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {regions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{tr("empty")}</p>
      ) : (
        <Table caption={tr("caption")}>
          <THead>
            <Th>{tr("code")}</Th>
            <Th>{tr("name")}</Th>
            <Th>{tr("level")}</Th>
            <Th>{tr("status")}</Th>
            <Th numeric>{tc("total")}</Th>
            <Th numeric>{tc("rank")}</Th>
          </THead>
          <TBody>
            {regions.map((r) => (
              <tr key={r.code} className="hover:bg-slate-50">
                <Td className="font-mono tabular-nums text-slate-600">{r.code}</Td>
                <Td>
                  <Link href={`/${user.tenantSlug}/regions/${encodeURIComponent(r.code)}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                </Td>
                <Td className="text-slate-700">{tr(`levels.${r.level}`)}</Td>
                <Td>
                  {r.active ? (
                    <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">{tr("active")}</span>
                  ) : (
                    <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">{tr("inactive")}</span>
                  )}
                </Td>
                <Td numeric>{formatScore(scoreOf.get(r.id)?.total)}</Td>
                <Td numeric>{scoreOf.get(r.id)?.rank ?? "—"}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
