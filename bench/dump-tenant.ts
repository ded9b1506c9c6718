/**
 * Every dashboard output of one tenant (bench/dump.ts writes them for every tenant): the
 * overview, each indicator's ranking, the composite ranking, the rankings page, region pages,
 * the generated bulletin and the engine's full result, at every month with figures (or, with
 * many months, a spread of them), and the settings preview — as plain JSON.
 */
import type { Db } from "../lib/db/client";
import type { TenantContext } from "../lib/data/context";
import { getCompositeRanking, getOverview, getRanking, getRankingsView, getRegionDetail } from "../lib/data/dashboard";
import { loadPeriod } from "../lib/data/period-loader";
import { previewSettings } from "../lib/data/settings";
import { getTenantConfig } from "../lib/data/tenant-config";
import { inputFromOverview } from "../lib/bulletins/input";
import { generateBulletin } from "../lib/bulletins";
import { computePeriod } from "../lib/metrics";

/** JSON with the engine's Decimals as strings (what JSON.stringify does) and Dates as ISO. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export interface DumpOptions {
  /** the clock the reported month is judged by */
  asOf: Date;
  /** every region's page, or every seventh */
  allRegions: boolean;
}

/** The tenant's outputs, or null for a tenant without indicators. */
export async function dumpTenant(db: Db, tenantId: string, options: DumpOptions): Promise<{ periods: Record<string, unknown>; settingsPreview: unknown; regionPages: number } | null> {
  const ctx: TenantContext = { tenantId, userId: null, role: "ADMIN", regionId: null };
  const config = await getTenantConfig(db, tenantId);
  if (config.indicators.length === 0) return null;
  const months = await db.fill.groupBy({ by: ["year", "month"], where: { tenantId }, orderBy: [{ year: "asc" }, { month: "asc" }] });
  const periods = months.length <= 24 ? months : months.filter((_, k) => k % Math.ceil(months.length / 12) === 0 || k === months.length - 1);
  const regions = options.allRegions ? config.regions : config.regions.filter((_, k) => k % 7 === 0);
  const byPeriod: Record<string, unknown> = {};
  for (const { year, month } of periods) {
    const period = { year, month };
    const entry: Record<string, unknown> = {};
    const overview = await getOverview(db, ctx, period, { asOf: options.asOf });
    entry.overview = json(overview);
    entry.rankings = json(await Promise.all(config.indicators.map((i) => getRanking(db, ctx, i.code, period))));
    entry.composite = json(await getCompositeRanking(db, ctx, period));
    entry.rankingsView = json(await getRankingsView(db, ctx, config.indicators[0]!.code, period));
    entry.regions = json(await Promise.all(regions.map((r) => getRegionDetail(db, ctx, r.code, period))));
    const full = await loadPeriod(db, ctx, period, { asOf: options.asOf });
    entry.engine = json(computePeriod(full.input));
    entry.bulletin = json(
      generateBulletin(inputFromOverview(json(overview) as never, { tenantName: "", issuer: "", area: "全市", period: { type: "MONTH", year, period: month }, month, issuedOn: "2026-11-22" })),
    );
    byPeriod[`${year}-${month}`] = entry;
  }
  const proposal = { settings: config.settings, weights: new Map(config.indicators.map((i) => [i.id, i.weight])) };
  return { periods: byPeriod, settingsPreview: json(await previewSettings(db, ctx, proposal)), regionPages: regions.length };
}
