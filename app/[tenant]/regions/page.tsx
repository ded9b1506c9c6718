import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { db } from "@/lib/db/client";
import { requireTenantMember } from "@/lib/auth/session";
import { getCompositeRanking, memberContext, resolvePeriod } from "@/lib/data/dashboard";
import { formatScore } from "@/lib/format";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Pages.regions");
  return { title: t("title") };
}

export default async function RegionsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  // the list of every region is for tenant-wide readers; a reporter opens only their own region's page
  if (scopeOf(user, "region.read") !== "tenant") notFound();
  const ctx = memberContext(user);
  const [t, tr, tc] = await Promise.all([getTranslations("Pages.regions"), getTranslations("Regions"), getTranslations("Rankings")]);
  // The session's tenant is the only tenant read; the URL slug was only checked against it.
  const regions = await db.region.findMany({
    where: { tenantId: user.tenantId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, level: true, active: true },
  });
  const { period } = await resolvePeriod(db, ctx, { invalid: [] });
  const composite = await getCompositeRanking(db, ctx, period);
  const scoreOf = new Map(composite.entries.map((e) => [e.regionId, e]));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {regions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{tr("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{tr("caption")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">{tr("code")}</th>
                <th scope="col" className="px-4 py-3">{tr("name")}</th>
                <th scope="col" className="px-4 py-3">{tr("level")}</th>
                <th scope="col" className="px-4 py-3">{tr("status")}</th>
                <th scope="col" className="px-4 py-3 text-right">{tc("total")}</th>
                <th scope="col" className="px-4 py-3 text-right">{tc("rank")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {regions.map((r) => (
                <tr key={r.code} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-4 py-3 font-mono tabular-nums text-slate-600">{r.code}</td>
                  <td className="px-4 py-3">
                    <Link
                      href={`/${user.tenantSlug}/regions/${encodeURIComponent(r.code)}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {r.name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-700">{tr(`levels.${r.level}`)}</td>
                  <td className="whitespace-nowrap px-4 py-3">
                    {r.active ? (
                      <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
                        {tr("active")}
                      </span>
                    ) : (
                      <span className="inline-flex items-center rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">
                        {tr("inactive")}
                      </span>
                    )}
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-800">{formatScore(scoreOf.get(r.id)?.total)}</td>
                  <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-800">{scoreOf.get(r.id)?.rank ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
