/**
 * The county map as a section of the dashboards: the overview's (the composite score,
 * coloured by tier) and the rankings' (the ranked indicator, coloured by status).
 * Nothing is shown before the tenant has uploaded its outlines.
 */
import { getTranslations } from "next-intl/server";
import { CountyMap, type MapCounty, type MapLegendItem } from "@/components/dashboard/CountyMap";
import { query, Section } from "@/components/dashboard/bits";
import type { OverviewView } from "@/components/dashboard/overview";
import type { RankingsView } from "@/components/dashboard/rankings";
import type { CountyMapData } from "@/lib/data/geo";
import { formatPercent, formatScore } from "@/lib/format";
import { tierTones } from "@/lib/geo/tiers";

const STATUS_ORDER = ["AHEAD", "BEHIND", "SERIOUSLY_BEHIND", "NO_TARGET", "NO_DATA"];

/** The overview's map: every county's composite score and tier. */
export async function OverviewMap({ v, map }: { v: OverviewView; map: Promise<CountyMapData | null> }) {
  const [shapes, t] = await Promise.all([map, getTranslations("CountyMap")]);
  if (!shapes) return null;
  const { data, period, base } = v;
  const tones = tierTones(data.composite);
  const byId = new Map(data.composite.map((e) => [e.regionId, e]));
  const here = query({ year: period.year, month: period.month });
  const counties: MapCounty[] = data.counties.map((r) => {
    const e = byId.get(r.id);
    const tone = (e?.tier && tones.get(e.tier)) || "NO_DATA";
    return {
      code: r.code,
      name: r.name,
      href: `${base}/regions/${r.code}${here}`,
      tone,
      toneLabel: e?.tier ? t("tier", { tier: e.tier }) : t("noScore"),
      figure: t("score", { score: formatScore(e?.total ?? null) }),
      state: e && e.unreported > 0 ? "MISSING" : null,
      rank: e?.rank ?? null,
    };
  });
  const legend: MapLegendItem[] = [...tones].map(([tier, tone]) => ({ tone, label: t("tier", { tier }) }));
  if (counties.some((c) => c.tone === "NO_DATA")) legend.push({ tone: "NO_DATA", label: t("noScore") });
  const title = t("overviewTitle", { year: period.year, month: period.month });
  return (
    <Section title={title} id="county-map">
      <CountyMap map={shapes} counties={counties} title={title} legend={legend} />
    </Section>
  );
}

/** The rankings page's map: the ranked indicator's completion and status per county. */
export async function RankingMap({ v, map }: { v: RankingsView; map: Promise<CountyMapData | null> }) {
  const [shapes, t] = await Promise.all([map, getTranslations("CountyMap")]);
  if (!shapes) return null;
  const { ranking, period, indicatorCode, base, canOpen, tf } = v;
  const here = query({ year: period.year, month: period.month, indicator: indicatorCode });
  const counties: MapCounty[] = ranking.entries.map((e) => ({
    code: e.region.code,
    name: e.region.name,
    href: canOpen(e.regionId) ? `${base}/regions/${e.region.code}${here}` : null,
    tone: e.status,
    toneLabel: tf(`status.${e.status}`),
    figure: t("completion", { completion: formatPercent(e.completion) }),
    state: e.state,
    monthUsed: e.monthUsed,
    rank: e.rank,
  }));
  const present = new Set(counties.map((c) => c.tone));
  const legend = STATUS_ORDER.filter((s) => present.has(s) || s === "AHEAD" || s === "BEHIND" || s === "SERIOUSLY_BEHIND").map((s) => ({ tone: s, label: tf(`status.${s}`) }));
  const title = t("rankingTitle", { name: ranking.indicator.name, year: period.year, month: period.month });
  return (
    <Section title={title} id="county-map">
      <CountyMap map={shapes} counties={counties} title={title} legend={legend} />
    </Section>
  );
}
