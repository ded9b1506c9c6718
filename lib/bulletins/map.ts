/**
 * The county map figure of section 三 (pure): the counties coloured by their composite tier,
 * the ranking the section's text discusses. Only for a tenant with outlines and a ranking.
 */
import { tierTones } from "../geo/tiers";
import type { BulletinInput, BulletinMapFigure } from "./types";

export function countyMapFigure(input: BulletinInput, options: { number: number; span: string; units: string }): BulletinMapFigure | undefined {
  const counties = input.map?.counties ?? [];
  if (!counties.some((c) => c.outlined)) return undefined;
  const scored = input.composite.filter((c) => c.total !== null);
  const tones = tierTones(scored);
  if (tones.size === 0) return undefined;
  const byName = new Map(scored.map((c) => [c.name, c]));
  const entries = counties.map((c) => {
    const tier = byName.get(c.name)?.tier ?? null;
    return { ...c, tone: tier !== null ? tones.get(tier)! : "NO_DATA", label: tier !== null ? `${tier}档` : "未排名" };
  });
  const legend = [...tones].map(([tier, tone]) => ({ tone, label: `${tier}档` }));
  if (entries.some((c) => c.tone === "NO_DATA")) legend.push({ tone: "NO_DATA", label: "未排名" });
  const unmapped = entries.filter((c) => !c.outlined);
  return {
    id: "county-map",
    title: `图${options.number} 各${options.units}科技创新综合得分等次（${options.span}）`,
    legend,
    counties: entries,
    ...(unmapped.length > 0 ? { note: `注：${unmapped.map((c) => `${c.name}（${c.label}）`).join("、")}无单独边界，图中未绘出。` } : {}),
  };
}
