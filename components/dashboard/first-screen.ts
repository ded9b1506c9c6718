/**
 * What the overview's first screen says, from the overview's figures: per county, how many
 * indicators are seriously behind or behind and on which it is furthest behind; the
 * indicators split into the scored ones (a weight and a target) and the others. Pure: no
 * React, no data access — the figures and the statuses are the engine's, only grouped.
 */
import { Decimal } from "@/lib/decimal";
import type { OverviewData } from "@/lib/data/dashboard";

type Indicator = OverviewData["indicators"][number];

export interface CountyLag {
  regionId: string;
  code: string;
  name: string;
  seriously: number;
  behind: number;
  /** the indicators it is furthest behind on, largest gap first (at most `worstCount`) */
  worst: { indicatorId: string; gapPoints: string | null }[];
  rank: number | null;
  tier: string | null;
  /** weighted figures 未报 this month (why the county may be unranked) */
  unreported: number;
}

/** Scored: a weight above 0 and a target of the city's own; the others (常住人口, GDP) go last. */
export function splitIndicators(data: Pick<OverviewData, "indicators" | "cityCells">): { scored: Indicator[]; other: Indicator[] } {
  const targeted = new Set(data.cityCells.filter((c) => c.target !== null).map((c) => c.indicatorId));
  const scored: Indicator[] = [];
  const other: Indicator[] = [];
  for (const i of data.indicators) (new Decimal(i.weight).greaterThan(0) && targeted.has(i.id) ? scored : other).push(i);
  return { scored, other };
}

/**
 * Counties by how far behind they are: most indicators seriously behind first, then most
 * behind, then the composite rank. Only the laggards the overview names count (a figure 未报
 * is not named unless the tenant ranks carried figures), and only on the scored indicators.
 */
export function countyLags(data: OverviewData, scoredIds: ReadonlySet<string>, worstCount = 3): CountyLag[] {
  const cellOf = new Map(data.cells.map((c) => [`${c.regionId}:${c.indicatorId}`, c]));
  const compositeOf = new Map(data.composite.map((e) => [e.regionId, e]));
  const lags = new Map<string, { indicatorId: string; gapPoints: string | null; serious: boolean }[]>();
  for (const l of data.laggards) {
    if (!scoredIds.has(l.indicatorId)) continue;
    for (const regionId of l.regionIds) {
      const cell = cellOf.get(`${regionId}:${l.indicatorId}`);
      const list = lags.get(regionId) ?? [];
      list.push({ indicatorId: l.indicatorId, gapPoints: cell?.gapPoints ?? null, serious: cell?.status === "SERIOUSLY_BEHIND" });
      lags.set(regionId, list);
    }
  }
  const rows = data.counties.map((r): CountyLag => {
    const list = lags.get(r.id) ?? [];
    const entry = compositeOf.get(r.id);
    const worst = [...list].sort((a, b) => gapOrder(a.gapPoints, b.gapPoints)).slice(0, worstCount);
    return {
      regionId: r.id,
      code: r.code,
      name: r.name,
      seriously: list.filter((x) => x.serious).length,
      behind: list.filter((x) => !x.serious).length,
      worst: worst.map(({ indicatorId, gapPoints }) => ({ indicatorId, gapPoints })),
      rank: entry?.rank ?? null,
      tier: entry?.tier ?? null,
      unreported: entry?.unreported ?? 0,
    };
  });
  return rows.sort((a, b) => b.seriously - a.seriously || b.behind - a.behind || rankOrder(a.rank, b.rank));
}

const gapOrder = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : new Decimal(a).comparedTo(b));
const rankOrder = (a: number | null, b: number | null) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);

/** Indicators by their group, groups in catalogue order (of their first indicator), the ungrouped last (group null). */
export function byGroup<T extends { group: string | null }>(indicators: readonly T[]): { group: string | null; indicators: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const i of indicators) {
    const list = groups.get(i.group) ?? [];
    list.push(i);
    groups.set(i.group, list);
  }
  const out = [...groups].filter(([g]) => g !== null).map(([group, list]) => ({ group, indicators: list }));
  const ungrouped = groups.get(null);
  return ungrouped ? [...out, { group: null, indicators: ungrouped }] : out;
}

/** A completion bar's fill and its 序时进度 tick, in percent of the bar (a bar is 0–100 %). */
export function barWidths(completion: string | null, expected: string): { fill: number; tick: number } {
  const pct = (s: string | null) => (s === null ? 0 : Decimal.min(Decimal.max(new Decimal(s), 0), 1).times(100).toDecimalPlaces(1).toNumber());
  return { fill: pct(completion), tick: pct(expected) };
}
