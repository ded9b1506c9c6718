import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/PageHeader";
import { PeriodPicker } from "@/components/dashboard/PeriodPicker";
import { HEAT_CLASS, STATUS_GLYPH, StatusBadge } from "@/components/dashboard/StatusBadge";
import { Card, ExportLink, Notice, query, Section, TableWrap, TD, TD_NUM, TH } from "@/components/dashboard/bits";
import { requireTenantMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getOverview, memberContext, resolvePeriod } from "@/lib/data/dashboard";
import { listNotes } from "@/lib/data/notes";
import { formatLocale, formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent } from "@/lib/format";
import { can } from "@/lib/permissions";
import { parseDashboardQuery } from "@/lib/schemas/dashboard";

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Overview");
  return { title: t("title") };
}

export default async function OverviewPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const user = await requireTenantMember(tenant);
  if (!can(user, "overview.read", { tenantId: user.tenantId })) notFound();
  const ctx = memberContext(user);
  const q = parseDashboardQuery(await searchParams);
  const { period, latest, fellBack } = await resolvePeriod(db, ctx, q);
  const [data, notes, t, tf, locale] = await Promise.all([
    getOverview(db, ctx, period),
    listNotes(db, ctx, { status: "OPEN", take: 20 }),
    getTranslations("Overview"),
    getTranslations("Format"),
    getLocale(),
  ]);
  const loc = formatLocale(locale);
  const base = `/${user.tenantSlug}`;
  const pq = query({ year: period.year, month: period.month });
  const indicatorById = new Map(data.indicators.map((i) => [i.id, i]));
  const regionById = new Map(data.counties.map((r) => [r.id, r]));
  const cellOf = new Map(data.cells.map((c) => [`${c.regionId}:${c.indicatorId}`, c]));
  const statusLabel = (s: string) => tf(`status.${s}` as never);
  const composite = data.composite.filter((e) => e.rank !== null);
  const top = composite.slice(0, 3);
  const bottom = composite.length > 3 ? composite.slice(-3).reverse() : [];

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { year: period.year, month: period.month })}>
        <PeriodPicker action={`${base}/overview`} year={period.year} month={period.month} latestYear={latest.year} />
      </PageHeader>
      {fellBack ? <Notice>{t("invalidPeriod", { year: latest.year, month: latest.month })}</Notice> : null}

      <Section title={t("cards")} id="cards" actions={<ExportLink href={`${base}/overview/export${pq}`} label={t("export")} />}>
        <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {data.cityCells.map((c) => {
            const ind = indicatorById.get(c.indicatorId)!;
            return (
              <li key={c.indicatorId}>
                <Card className="h-full">
                  <div className="flex items-start justify-between gap-2">
                    <h3 className="text-sm font-semibold text-slate-900">
                      <Link href={`${base}/rankings${query({ year: period.year, month: period.month, indicator: ind.code })}`} className="hover:underline">
                        {ind.name}
                      </Link>
                    </h3>
                    <StatusBadge status={c.status} label={statusLabel(c.status)} />
                  </div>
                  <p className="mt-2 text-xl font-semibold tabular-nums text-slate-900">{formatMeasure(c.actual, ind.precision, ind.unit)}</p>
                  <p className="text-xs text-slate-600">{t("ofTarget", { target: formatMeasure(c.target, ind.precision, ind.unit) })}</p>
                  <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                    <dt className="text-slate-600">{t("completion")}</dt>
                    <dd className="text-right font-medium tabular-nums text-slate-900">{formatPercent(c.completion)}</dd>
                    <dt className="text-slate-600">{t("expected")}</dt>
                    <dd className="text-right tabular-nums text-slate-900">{formatPercent(c.expected)}</dd>
                    <dt className="text-slate-600">{t("gap")}</dt>
                    <dd className="text-right tabular-nums text-slate-900">{formatPoints(c.gapPoints, loc)}</dd>
                    <dt className="text-slate-600">{t("yoy")}</dt>
                    <dd className="text-right tabular-nums text-slate-900">{formatSignedPercent(c.yoyGrowth)}</dd>
                  </dl>
                </Card>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section title={t("heatmap")} id="heatmap">
        <p className="mb-2 text-xs text-slate-600">{t("heatmapHelp")}</p>
        <TableWrap caption={t("heatmap")}>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={`${TH} sticky left-0 bg-slate-50`}>{t("region")}</th>
              {data.indicators.map((i) => (
                <th key={i.id} scope="col" className={`${TH} max-w-24 whitespace-normal text-center`}>{i.name}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.counties.map((r) => (
              <tr key={r.id}>
                <th scope="row" className={`${TD} sticky left-0 bg-white font-medium`}>
                  <Link href={`${base}/regions/${r.code}${pq}`} className="text-brand-700 hover:underline">{r.name}</Link>
                </th>
                {data.indicators.map((i) => {
                  const c = cellOf.get(`${r.id}:${i.id}`);
                  const status = c?.status ?? "NO_DATA";
                  return (
                    <td key={i.id} className={`p-0 text-center text-xs tabular-nums ${HEAT_CLASS[status]}`}>
                      <Link
                        href={`${base}/regions/${r.code}${query({ year: period.year, month: period.month, indicator: i.code })}`}
                        className="block px-2 py-2 hover:underline"
                        title={`${r.name} · ${i.name} · ${statusLabel(status)}`}
                      >
                        {formatPercent(c?.completion)}
                        <span aria-hidden="true" className="ml-0.5">{STATUS_GLYPH[status]}</span>
                        <span className="sr-only"> {statusLabel(status)}</span>
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </TableWrap>
        <p className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700" aria-label={t("legend")}>
          {["AHEAD", "BEHIND", "SERIOUSLY_BEHIND", "NO_DATA"].map((s) => (
            <span key={s} className={`rounded px-2 py-0.5 ${HEAT_CLASS[s]}`}>
              {STATUS_GLYPH[s]} {statusLabel(s)}
            </span>
          ))}
        </p>
      </Section>

      <div className="grid gap-8 lg:grid-cols-2">
        <Section title={t("laggards")} id="laggards">
          {data.laggards.every((l) => l.regionIds.length === 0) ? (
            <p className="text-sm text-slate-600">{t("noLaggards")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {data.laggards
                .filter((l) => l.regionIds.length > 0)
                .map((l) => {
                  const ind = indicatorById.get(l.indicatorId)!;
                  return (
                    <li key={l.indicatorId} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                      <Link href={`${base}/rankings${query({ year: period.year, month: period.month, indicator: ind.code })}`} className="font-medium text-brand-700 hover:underline">
                        {ind.name}
                      </Link>
                      ：
                      {l.regionIds.map((id, k) => {
                        const c = cellOf.get(`${id}:${l.indicatorId}`);
                        return (
                          <span key={id}>
                            {k > 0 ? "、" : ""}
                            {regionById.get(id)?.name}（{formatPercent(c?.completion)}，{formatPoints(c?.gapPoints, loc)}）
                          </span>
                        );
                      })}
                    </li>
                  );
                })}
            </ul>
          )}
        </Section>

        <Section title={t("completeness")} id="completeness">
          <p className="mb-2 text-sm text-slate-700">
            {t("submissionRate", { rate: formatPercent(data.completeness.submissionRate), onTime: formatPercent(data.completeness.onTimeRate) })}
          </p>
          <TableWrap caption={t("completeness")}>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={TH}>{t("region")}</th>
                <th scope="col" className={TH}>{t("reportStatus")}</th>
                <th scope="col" className={`${TH} text-right`}>{t("submitted")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.completeness.regions.map((r) => (
                <tr key={r.regionId}>
                  <td className={TD}>{regionById.get(r.regionId)?.name}</td>
                  <td className={TD}>{tf(`report.${r.status}` as never)}</td>
                  <td className={TD_NUM}>{r.submittedCount} / {r.requiredCount}</td>
                </tr>
              ))}
            </tbody>
          </TableWrap>
        </Section>
      </div>

      <Section title={t("composite")} id="composite" actions={<Link href={`${base}/rankings${pq}#composite`} className="text-sm text-brand-700 hover:underline">{t("fullRanking")}</Link>}>
        <div className="grid gap-4 md:grid-cols-2">
          {[
            { key: "top", list: top },
            { key: "bottom", list: bottom },
          ].map(({ key, list }) => (
            <Card key={key}>
              <h3 className="mb-2 text-sm font-semibold text-slate-900">{t(key as "top" | "bottom")}</h3>
              <ol className="space-y-1 text-sm">
                {list.map((e) => (
                  <li key={e.regionId} className="flex justify-between gap-2">
                    <span>
                      <span className="mr-2 tabular-nums text-slate-600">{e.rank}</span>
                      {regionById.get(e.regionId)?.name}
                    </span>
                    <span className="tabular-nums text-slate-900">
                      {formatScore(e.total)} {e.tier ? <span className="text-xs text-slate-600">{t("tier", { tier: e.tier })}</span> : null}
                    </span>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
      </Section>

      <Section title={t("openNotes")} id="notes">
        {notes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noNotes")}</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {notes.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-200 bg-white px-3 py-2">
                <Link href={`${base}/regions/${n.regionCode}${query({ year: n.year, month: n.month })}#notes`} className="font-medium text-brand-700 hover:underline">
                  {n.regionName}
                </Link>
                {n.indicatorName ? <span className="text-slate-600"> · {n.indicatorName}</span> : null}
                <span className="text-slate-600"> · {t("periodShort", { year: n.year, month: n.month })}</span>
                {n.dueDate ? <span className="text-slate-600"> · {t("due", { date: n.dueDate })}</span> : null}
                <p className="mt-1 text-slate-800">{n.body}</p>
                {n.replies.length > 0 ? <p className="text-xs text-slate-600">{t("replies", { count: n.replies.length })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
