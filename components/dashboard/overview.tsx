/** The sections of the city overview (/{tenant}/overview), one component each. */
import type { CSSProperties } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { HEAT_CLASS, STATUS_GLYPH } from "@/components/dashboard/StatusBadge";
import { Card, ExportLink, query, RowHeader, Section, type Translate } from "@/components/dashboard/bits";
import { ChildTargetMark, StateMark } from "@/components/dashboard/FigureState";
import { Table, TBody, Th, THead } from "@/components/ui";
import type { TenantData } from "@/lib/data/tenant";
import type { FigureState } from "@/lib/metrics";
import type { Period } from "@/lib/data/context";
import { formatMeasure, formatPercent, formatPoints, formatScore, type formatLocale } from "@/lib/format";
import { barWidths, byGroup, type CountyLag } from "@/components/dashboard/first-screen";

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
  /** the level of the regions shown (PREFECTURE, COUNTY, …): the messages' words for them */
  units?: string;
}

const indicatorMap = (data: Data) => new Map(data.indicators.map((i) => [i.id, i]));
const regionMap = (data: Data) => new Map(data.counties.map((r) => [r.id, r]));
const cellMap = (data: Data) => new Map(data.cells.map((c) => [`${c.regionId}:${c.indicatorId}`, c]));
const pq = (period: Period, more: Record<string, string> = {}) => query({ year: period.year, month: period.month, ...more });

/** Per county: indicators 严重滞后 / 滞后, where it is furthest behind, its composite rank — the first thing a leader reads. */
export function LaggardSummary({ v, lags }: { v: OverviewView; lags: CountyLag[] }) {
  const { data, period, base, t, tf, loc } = v;
  const indicatorById = indicatorMap(data);
  return (
    <Section title={t("summary")} id="summary">
      <p className="mb-2 text-xs text-slate-600">{t("summaryHelp", { units: v.units ?? "COUNTY" })}</p>
      <Table caption={t("summary")} testId="laggard-summary" className="ov-lag">
        <THead>
          <Th>{t("region")}</Th>
          <Th numeric>{t("seriouslyCount")}</Th>
          <Th numeric>{t("behindCount")}</Th>
          <Th>{t("compositeRank")}</Th>
          <Th>{t("worst")}</Th>
        </THead>
        <TBody>
          {lags.map((c) => (
            <tr key={c.code} data-testid={`lag-row-${c.code}`}>
              <RowHeader className="">
                <Link href={`${base}/regions/${c.code}${pq(period)}`}>{c.name}</Link>
              </RowHeader>
              <td data-n={c.seriously > 0 ? "s" : undefined}>{c.seriously}</td>
              <td data-n={c.behind > 0 ? "b" : undefined}>{c.behind}</td>
              <td>
                {c.rank === null ? t("unranked") : tf("rankNth", { rank: c.rank })}
                {c.tier ? <small>{t("tier", { tier: c.tier })}</small> : null}
              </td>
              <td>
                {c.worst.length === 0
                  ? t("noneBehind")
                  : c.worst.map((w) => `${indicatorById.get(w.indicatorId)?.name}（${formatPoints(w.gapPoints, loc)}）`).join("、")}
              </td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}

type CityCell = Data["cityCells"][number];

/** One indicator in a line: name, unit, completion bar with the 序时进度 tick, completion, gap, status (styles: overview.css). */
function IndicatorRow({ v, ind, c }: { v: OverviewView; ind: Data["indicators"][number]; c: CityCell | undefined }) {
  const { period, base, tf, loc } = v;
  const tg = useTranslations("Figures");
  const status = c?.status ?? "NO_DATA";
  const bar = barWidths(c?.completion ?? null, c?.expected ?? "0");
  return (
    <li>
      <p>
        <Link href={`${base}/rankings${pq(period, { indicator: ind.code })}`}>{ind.name}</Link>
        <small>{ind.unit}</small>
        {c?.state ? <i data-state={c.state}>{tg(`state.${c.state}`, { month: c.monthUsed ?? 0 })}</i> : null}
      </p>
      <em><span data-s={status}>{tf(`status.${status}`)}</span></em>
      <span aria-hidden="true" className="ov-bar">
        <b data-s={status} style={{ width: `${bar.fill}%` }} />
        <i style={{ left: `${bar.tick}%` }} />
      </span>
      <b>{formatPercent(c?.completion)}</b>
      <u>{formatPoints(c?.gapPoints, loc)}</u>
    </li>
  );
}

/** The scored indicators, a line each, by group, under the city's 序时进度. */
export function IndicatorList({ v, indicators }: { v: OverviewView; indicators: Data["indicators"] }) {
  const { data, period, base, t } = v;
  const cityOf = new Map(data.cityCells.map((c) => [c.indicatorId, c]));
  return (
    <Section title={t("indicators")} id="indicators" actions={<ExportLink href={`${base}/overview/export${pq(period)}`} label={t("export")} />}>
      <p className="mb-1 text-xs text-slate-600">
        {t("indicatorsHelp")} {t("expectedTick", { expected: formatPercent(data.cityCells[0]?.expected) })}
      </p>
      <div className="rounded-lg border border-slate-200 bg-white px-3 shadow-sm">
        {byGroup(indicators).map(({ group, indicators: list }) => (
          <section key={group ?? ""} aria-label={group ?? t("ungrouped")} className="border-b border-slate-200 py-1 last:border-b-0">
            {group !== null || list.length < indicators.length ? <h3 className="pt-2 text-xs font-semibold text-slate-600">{group ?? t("ungrouped")}</h3> : null}
            <ul className="ov-ind divide-y divide-slate-100">
              {list.map((ind) => <IndicatorRow key={ind.code} v={v} ind={ind} c={cityOf.get(ind.id)} />)}
            </ul>
          </section>
        ))}
      </div>
    </Section>
  );
}

/** Indicators without a target or a weight (常住人口, GDP): folded away at the end, figures only. */
export function OtherIndicators({ v, indicators }: { v: OverviewView; indicators: Data["indicators"] }) {
  const { data, t } = v;
  if (indicators.length === 0) return null;
  const cityOf = new Map(data.cityCells.map((c) => [c.indicatorId, c]));
  return (
    <details className="mb-8 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm" id="other-indicators">
      <summary className="cursor-pointer font-semibold text-slate-900">{t("otherIndicators", { count: indicators.length })}</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {indicators.map((ind) => {
          const c = cityOf.get(ind.id);
          return (
            <div key={ind.code} className="contents">
              <dt className="text-slate-700">{ind.name}</dt>
              <dd className="tabular-nums text-slate-900">
                {formatMeasure(c?.actual, ind.precision, ind.unit)}
                <StateMark state={c?.state} monthUsed={c?.monthUsed} />
                {c?.target ? <span className="ml-2 text-xs text-slate-600">{t("ofTarget", { target: formatMeasure(c.target, ind.precision, ind.unit) })} · {formatPercent(c.completion)}<ChildTargetMark cell={c} /></span> : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

/** A heat-map cell's status as overview.css reads it (data-s). */
const STATUS_CODE: Record<string, string> = { AHEAD: "a", BEHIND: "b", SERIOUSLY_BEHIND: "s", NO_TARGET: "n", NO_DATA: "n", INACTIVE: "n" };

/** The status words screen readers read for the cells' glyphs (the glyph's alternative text in overview.css). */
function statusWords(label: (s: string) => string): CSSProperties {
  const words: Record<string, string> = { "--ov-a": label("AHEAD"), "--ov-b": label("BEHIND"), "--ov-s": label("SERIOUSLY_BEHIND"), "--ov-n": label("NO_DATA") };
  return Object.fromEntries(Object.entries(words).map(([k, w]) => [k, JSON.stringify(` ${w}`)])) as CSSProperties;
}

/** The heat map's own box: scrolls both ways inside the page, scroll bar always shown, header and region column stay. */
const HEAT_BOX = "ov-heat max-h-[70vh] overflow-y-auto [scrollbar-color:var(--color-slate-400)_var(--color-slate-100)] [scrollbar-width:thin]";

/**
 * The state most of these reported figures are in: named once above the map, marked only
 * where a figure differs. 未报 is never the usual state: every unreported figure is marked.
 */
function commonState(cells: readonly { state: FigureState | null }[]): FigureState | null {
  const counts = new Map<FigureState, number>();
  for (const c of cells) if (c.state && c.state !== "MISSING") counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function Heatmap({ v, indicators }: { v: OverviewView; indicators: Data["indicators"] }) {
  const { data, period, base, t, tf } = v;
  const tg = useTranslations("Figures");
  const cellOf = cellMap(data);
  const statusLabel = (s: string) => tf(`status.${s}`);
  const usual = commonState(data.cells);
  const help = `${t("heatmapHelp", { units: v.units ?? "COUNTY" })}${usual ? t("heatmapMarks", { state: tg(`stateName.${usual}`) }) : ""}`;
  return (
    <Section title={t("heatmap")} id="heatmap">
      <p className="mb-2 text-xs text-slate-600" id="heatmap-help" data-testid="heatmap-help">{help} <span className="md:hidden">{t("heatmapScroll")}</span></p>
      <div style={statusWords(statusLabel)}>
      <Table caption={t("heatmap")} testId="heatmap" className={HEAT_BOX}>
        <THead>
          <th scope="col">{t("region")}</th>
          {indicators.map((i) => (
            <th key={i.code} scope="col">
              <Link href={`${base}/rankings${pq(period, { indicator: i.code })}`} title={i.name}>{i.name}</Link>
            </th>
          ))}
        </THead>
        <TBody>
          {data.counties.map((r) => (
            <tr key={r.code}>
              <RowHeader className="">
                <Link href={`${base}/regions/${r.code}${pq(period)}`}>{r.name}</Link>
              </RowHeader>
              {indicators.map((i, k) => {
                const c = cellOf.get(`${r.id}:${i.id}`);
                return (
                  // the status shows as colour and glyph, and is read out, from overview.css
                  <td key={k} data-s={STATUS_CODE[c?.status ?? "NO_DATA"]}>
                    {formatPercent(c?.completion)}
                    <ChildTargetMark cell={c} />
                    {c?.state && c.state !== usual ? <i data-state={c.state}>{tg(`state.${c.state}`, { month: c.monthUsed ?? 0 })}</i> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </TBody>
      </Table>
      </div>
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

export function CompletenessSummary({ v }: { v: OverviewView }) {
  const { data, t, tf } = v;
  const regionById = regionMap(data);
  return (
    <Section title={t("completeness")} id="completeness">
      <p className="mb-2 text-sm text-slate-700">
        {t("submissionRate", { rate: formatPercent(data.completeness.submissionRate), onTime: formatPercent(data.completeness.onTimeRate) })}
      </p>
      <Table caption={t("completeness")} className="ov-cmp">
        <THead>
          <Th>{t("region")}</Th>
          <Th>{t("reportStatus")}</Th>
          <Th numeric>{t("submitted")}</Th>
        </THead>
        <TBody>
          {data.completeness.regions.map((r, k) => (
            <tr key={k}>
              <td>{regionById.get(r.regionId)?.name}</td>
              <td>{tf(`report.${r.status}`)}</td>
              <td>{`${r.submittedCount} / ${r.requiredCount}`}</td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Section>
  );
}

export function CompositeExtremes({ v }: { v: OverviewView }) {
  const { data, period, base, t, tf } = v;
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
                    <span className="mr-2 tabular-nums text-slate-600">{tf("rankNth", { rank: e.rank! })}</span>
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
