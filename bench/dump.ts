/**
 * `npx tsx bench/dump.ts <DATABASE_URL> <out.json> [--regions=some]` — every dashboard output
 * of every tenant in a database, as one JSON file: the overview, each indicator's ranking, the
 * composite ranking, the rankings page, region pages, the settings preview, the generated
 * bulletin and the engine's full result on every fill, at every month that has figures
 * (or, with many months, a spread of them). `--regions=some`: every seventh region's page only.
 *
 * For changes that must not change a single figure (the engine's arithmetic, the loaders):
 * dump before, dump after, `cmp` the two files. Not part of the suite.
 */
import fs from "node:fs";
import { createDb } from "../lib/db/client";
import type { TenantContext } from "../lib/data/context";
import { getCompositeRanking, getOverview, getRanking, getRankingsView, getRegionDetail } from "../lib/data/dashboard";
import { loadPeriod } from "../lib/data/period-loader";
import { previewSettings } from "../lib/data/settings";
import { getTenantConfig } from "../lib/data/tenant-config";
import { inputFromOverview } from "../lib/bulletins/input";
import { generateBulletin } from "../lib/bulletins";
import { computePeriod } from "../lib/metrics";

const [url, out] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!url || !out) throw new Error("usage: bench/dump.ts <DATABASE_URL> <out.json> [--regions=some]");
const allRegions = !process.argv.includes("--regions=some");
const AS_OF = new Date("2026-11-22T00:00:00Z");

/** JSON with the engine's Decimals as strings (what JSON.stringify does) and Dates as ISO. */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

async function main(): Promise<void> {
  const db = createDb(url);
  const tenants = await db.tenant.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true } });
  const result: Record<string, unknown> = {};
  for (const tenant of tenants) {
    const ctx: TenantContext = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
    const config = await getTenantConfig(db, tenant.id);
    if (config.indicators.length === 0) continue;
    const months = await db.fill.groupBy({ by: ["year", "month"], where: { tenantId: tenant.id }, orderBy: [{ year: "asc" }, { month: "asc" }] });
    const periods = months.length <= 24 ? months : months.filter((_, k) => k % Math.ceil(months.length / 12) === 0 || k === months.length - 1);
    const regions = allRegions ? config.regions : config.regions.filter((_, k) => k % 7 === 0);
    const byPeriod: Record<string, unknown> = {};
    for (const { year, month } of periods) {
      const period = { year, month };
      const entry: Record<string, unknown> = {};
      const overview = await getOverview(db, ctx, period, { asOf: AS_OF });
      entry.overview = json(overview);
      entry.rankings = json(await Promise.all(config.indicators.map((i) => getRanking(db, ctx, i.code, period))));
      entry.composite = json(await getCompositeRanking(db, ctx, period));
      entry.rankingsView = json(await getRankingsView(db, ctx, config.indicators[0]!.code, period));
      entry.regions = json(await Promise.all(regions.map((r) => getRegionDetail(db, ctx, r.code, period))));
      const full = await loadPeriod(db, ctx, period, { asOf: AS_OF });
      entry.engine = json(computePeriod(full.input));
      entry.bulletin = json(
        generateBulletin(
          inputFromOverview(json(overview) as never, { tenantName: tenant.slug, issuer: tenant.slug, area: "全市", period: { type: "MONTH", year, period: month }, month, issuedOn: "2026-11-22" }),
        ),
      );
      byPeriod[`${year}-${month}`] = entry;
    }
    const proposal = { settings: config.settings, weights: new Map(config.indicators.map((i) => [i.id, i.weight])) };
    result[tenant.slug] = { periods: byPeriod, settingsPreview: json(await previewSettings(db, ctx, proposal)) };
    process.stdout.write(`${tenant.slug}: ${periods.length} periods, ${regions.length} region pages each\n`);
  }
  fs.writeFileSync(out, JSON.stringify(result, null, 1));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
