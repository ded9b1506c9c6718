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
import { dumpTenant } from "./dump-tenant";

const [url, out] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
if (!url || !out) throw new Error("usage: bench/dump.ts <DATABASE_URL> <out.json> [--regions=some]");
const allRegions = !process.argv.includes("--regions=some");
const AS_OF = new Date("2026-11-22T00:00:00Z");

async function main(): Promise<void> {
  const db = createDb(url);
  const tenants = await db.tenant.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true } });
  const result: Record<string, unknown> = {};
  for (const tenant of tenants) {
    const dump = await dumpTenant(db, tenant.id, { asOf: AS_OF, allRegions });
    if (!dump) continue;
    result[tenant.slug] = { periods: dump.periods, settingsPreview: dump.settingsPreview };
    process.stdout.write(`${tenant.slug}: ${Object.keys(dump.periods).length} periods, ${dump.regionPages} region pages each\n`);
  }
  fs.writeFileSync(out, JSON.stringify(result, null, 1));
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
