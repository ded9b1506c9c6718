/**
 * Builds the generator's input from the overview figures (lib/data/dashboard.ts
 * `getOverview`, plain data). Pure: no database here.
 */
import type { OverviewData } from "../data/dashboard";
import type { BulletinInput, BulletinPeriodSpec } from "./types";

export function inputFromOverview(
  overview: OverviewData,
  options: { tenantName: string; issuer: string; area: string; units?: string; period: BulletinPeriodSpec; month: number; issuedOn: string },
  /** the region codes with an outline on the tenant's map, null without a map */
  outlined: ReadonlySet<string> | null = null,
): BulletinInput {
  const indicatorById = new Map(overview.indicators.map((i) => [i.id, i]));
  const countyById = new Map(overview.counties.map((c) => [c.id, c]));
  const cellOf = (regionId: string, indicatorId: string) => overview.cells.find((c) => c.regionId === regionId && c.indicatorId === indicatorId);

  const indicators = overview.cityCells.map((c) => {
    const i = indicatorById.get(c.indicatorId)!;
    return {
      code: i.code,
      name: i.name,
      unit: i.unit,
      precision: i.precision,
      actual: c.actual,
      target: c.target,
      completion: c.completion,
      expected: c.expected,
      gapPoints: c.gapPoints,
      status: c.status,
      yoyGrowth: c.yoyGrowth,
      neededPerMonth: c.outlook.neededPerMonth,
      remainingMonths: c.outlook.remainingMonths,
    };
  });

  const laggards = overview.laggards.map((l) => ({
    indicatorCode: indicatorById.get(l.indicatorId)!.code,
    counties: l.regionIds
      .map((id) => ({ region: countyById.get(id), cell: cellOf(id, l.indicatorId) }))
      .filter((x) => x.region && x.cell && x.cell.completion !== null && x.cell.gapPoints !== null)
      .map((x) => ({ name: x.region!.name, completion: x.cell!.completion!, expected: x.cell!.expected, gapPoints: x.cell!.gapPoints!, status: x.cell!.status })),
  }));

  // a county left unranked for a figure it has not reported is named, not listed in the ranking
  const unreported = overview.counties.filter((c) => overview.cells.some((x) => x.regionId === c.id && x.state === "MISSING")).map((c) => c.id);
  const pending = overview.counties.filter((c) => !unreported.includes(c.id) && overview.cells.some((x) => x.regionId === c.id && x.state === "SUBMITTED")).map((c) => c.id);
  const composite = overview.composite.filter((e) => e.rank !== null || e.unreported === 0).map((e) => ({
    name: countyById.get(e.regionId)?.name ?? e.regionId,
    rank: e.rank,
    targetScore: e.targetScore,
    bonusScore: e.bonusScore,
    total: e.total,
    tier: e.tier,
  }));

  // the chart: the first indicator with laggards (else the first with a target), counties by completion
  const chartList = laggards.find((l) => l.counties.length > 0);
  const chartIndicator =
    (chartList && overview.indicators.find((i) => i.code === chartList.indicatorCode)) ??
    overview.indicators.find((i) => overview.cityCells.some((c) => c.indicatorId === i.id && c.target !== null));
  let chart: BulletinInput["chart"] = null;
  if (chartIndicator) {
    const cells = overview.cells
      .filter((c) => c.indicatorId === chartIndicator.id && countyById.has(c.regionId) && (c.rank !== null || c.state !== "MISSING"))
      .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999) || overview.counties.findIndex((r) => r.id === a.regionId) - overview.counties.findIndex((r) => r.id === b.regionId));
    const city = overview.cityCells.find((c) => c.indicatorId === chartIndicator.id)!;
    chart = {
      indicatorCode: chartIndicator.code,
      expected: city.expected,
      bars: cells.map((c) => ({ name: countyById.get(c.regionId)!.name, completion: c.completion })),
    };
  }

  const grid = {
    counties: overview.counties.map((c) => c.name),
    rows: overview.indicators.map((i) => ({ indicatorCode: i.code, completion: overview.counties.map((c) => cellOf(c.id, i.id)?.completion ?? null) })),
  };
  const names = (ids: string[]) => ids.map((id) => countyById.get(id)!.name);
  const map = outlined ? { counties: overview.counties.map((c) => ({ code: c.code, name: c.name, outlined: outlined.has(c.code) })) } : null;
  return { ...options, indicators, laggards, composite, chart, grid, unreported: names(unreported), pending: names(pending), pendingCounted: overview.countPending, map };
}
