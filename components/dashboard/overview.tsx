/** The sections of the city overview (/{tenant}/overview), one component each. */
import Link from "next/link";
import { HEAT_CLASS, STATUS_GLYPH, StatusBadge } from "@/components/dashboard/StatusBadge";
import { Card, ExportLink, query, RowHeader, Section, type Translate } from "@/components/dashboard/bits";
import { ChildTargetMark, StateMark } from "@/components/dashboard/FigureState";
import { Table, TBody, Td, Th, THead } from "@/components/ui";
import type { TenantData } from "@/lib/data/tenant";
import type { Period } from "@/lib/data/context";
import { formatMeasure, formatPercent, formatPoints, formatScore, formatSignedPercent, type formatLocale } from "@/lib/format";

type Data = Awaited<ReturnType<TenantData["overview"]>>;
type Notes = Awaited<ReturnType<TenantData["notes"]>>;

/** What every section needs: the figures, where links go, and the translations. */
export interface OverviewView {
  data: Data;
  period: Period;
  /** `/{tenant}` */
  base: string;
  t: Translate;
  tf: Translate;
  loc: ReturnType<typeof formatLocale>;
}

const indicatorMap = (data: Data) => new Map(data.indicators.map((i) => [i.id, i]));
const regionMap = (data: Data) => new Map(data.counties.map((r) => [r.id, r]));
const cellMap = (data: Data) => new Map(data.cells.map((c) => [`${c.regionId}:${c.indicatorId}`, c]));
const pq = (period: Period, more: Record<string, string> = {}) => query({ year: period.year, month: period.month, ...more });

export function CityCards({ v }: { v: OverviewView }) {
  const { data, period, base, t, tf, loc } = v;
  const indicatorById = indicatorMap(data);
  return (
    <Section title={t("cards")} id="cards" actions={<ExportLink href={`${base}/overview/export${pq(period)}`} label={t("export")} />}>
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {data.cityCells.map((c) => {
          const ind = indicatorById.get(c.indicatorId)!;
          return (
            <li key={c.indicatorId}>
              <Card className="h-full">
                <div className="flex items-start justify-between gap-2">
                  <h3 className="text-sm font-semibold text-slate-900">
                    <Link href={`${base}/rankings${pq(period, { indicator: ind.code })}`} className="hover:underline">
                      {ind.name}
                    </Link>
                  </h3>
                  <StatusBadge status={c.status} label={tf(`status.${c.status}`)} />
                </div>
                <p className="mt-2 text-xl font-semibold tabular-nums text-slate-900">
                  {formatMeasure(c.actual, ind.precision, ind.unit)}
                  <StateMark state={c.state} monthUsed={c.monthUsed} />
                </p>
                <p className="text-xs text-slate-600">{t("ofTarget", { target: formatMeasure(c.target, ind.precision, ind.unit) })}</p>
                <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  <dt className="text-slate-600">{t("completion")}</dt>
                  <dd className="text-right font-medium tabular-nums text-slate-900">
                    {formatPercent(c.completion)}
                    <ChildTargetMark cell={c} />
                  </dd>
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
  );
}

export function Heatmap({ v }: { v: OverviewView }) {
  const { data, period, base, t, tf } = v;
  const cellOf = cellMap(data);
  const statusLabel = (s: string) => tf(`status.${s}`);
  return (
    <Section title={t("heatmap")} id="heatmap">
      <p className="mb-2 text-xs text-slate-600">{t("heatmapHelp")}</p>
      <Table caption={t("heatmap")}>
        <THead>
          <Th className="sticky left-0 bg-slate-50">{t("region")}</Th>
          {data.indicators.map((i) => (
            <Th key={i.id} className="max-w-24 whitespace-normal text-center">{i.name}</Th>
          ))}
        </THead>
        <TBody>
          {data.counties.map((r) => (
            <tr key={r.id}>
              <RowHeader className="sticky left-0 bg-white font-medium text-slate-800">
                <Link href={`${base}/regions/${r.code}${pq(period)}`} className="text-brand-700 hover:underline">{r.name}</Link>
              </RowHeader>
              {data.indicators.map((i) => {
                const c = cellOf.get(`${r.id}:${i.id}`);
                const status = c?.status ?? "NO_DATA";
                return (
                  <td key={i.id} className={`p-0 text-center text-xs tabular-nums ${HEAT_CLASS[status]}`}>
                    <Link href={`${base}/regions/${r.code}${pq(period, { indicator: i.code })}`} className="block px-2 py-2 hover:underline" title={`${r.name} · ${i.name} · ${statusLabel(status)}`}>
                      {formatPercent(c?.completion)}
                      <ChildTargetMark cell={c} />
                      <span aria-hidden="true" className="ml-0.5">{STATUS_GLYPH[status]}</span>
                      <span className="sr-only"> {statusLabel(status)}</span>
                      <span className="block"><StateMark state={c?.state} monthUsed={c?.monthUsed} /></span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </TBody>
      </Table>
      <p className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700" aria-label={t("legend")}>
        {["AHEAD", "BEHIND", "SERIOUSLY_BEHIND", "NO_DATA"].map((s) => (
          <span key={s} className={`rounded px-2 py-0.5 ${HEAT_CLASS[s]}`}>
            {STATUS_GLYPH[s]} {statusLabel(s)}
          </span>
        ))}
      </p>
    </Section>
  );
}

export function Laggards({ v }: { v: OverviewView }) {
  const { data, period, base, t, loc } = v;
  const indicatorById = indicatorMap(data);
  const regionById = regionMap(data);
  const cellOf = cellMap(data);
  return (
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
                  <Link href={`${base}/rankings${pq(period, { indicator: ind.code })}`} className="font-medium text-brand-700 hover:underline">
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
  );
}

export function CompletenessSummary({ v }: { v: OverviewView }) {
  const { data, t, tf } = v;
  const regionById = regionMap(data);
  return (
    <Section title={t("completeness")} id="completeness">
      <p className="mb-2 text-sm text-slate-700">
        {t("submissionRate", { rate: formatPercent(data.completeness.submissionRate), onTime: formatPercent(data.completeness.onTimeRate) })}
      </p>
      <Table caption={t("completeness")}>
        <THead>
          <Th>{t("region")}</Th>
          <Th>{t("reportStatus")}</Th>
          <Th numeric>{t("submitted")}</Th>
        </THead>
        <TBody>
          {data.completeness.regions.map((r) => (
            <tr key={r.regionId}>
              <Td>{regionById.get(r.regionId)?.name}</Td>
              <Td>{tf(`report.${r.status}`)}</Td>
              <Td numeric>
                {r.submittedCount} / {r.requiredCount}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}

export function CompositeExtremes({ v }: { v: OverviewView }) {
  const { data, period, base, t } = v;
  const regionById = regionMap(data);
  const composite = data.composite.filter((e) => e.rank !== null);
  const lists = [
    { key: "top" as const, list: composite.slice(0, 3) },
    { key: "bottom" as const, list: composite.length > 3 ? composite.slice(-3).reverse() : [] },
  ];
  const full = (
    <Link href={`${base}/rankings${pq(period)}#composite`} className="text-sm text-brand-700 hover:underline">
      {t("fullRanking")}
    </Link>
  );
  return (
    <Section title={t("composite")} id="composite" actions={full}>
      <div className="grid gap-4 md:grid-cols-2">
        {lists.map(({ key, list }) => (
          <Card key={key}>
            <h3 className="mb-2 text-sm font-semibold text-slate-900">{t(key)}</h3>
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
  );
}

export function OpenNotes({ notes, base, t }: { notes: Notes; base: string; t: Translate }) {
  return (
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
  );
}
