/**
 * `npx tsx bench/city.ts [--runs N]` — a city tenant's overview data: 怀化市 (the demo tenant
 * `huaihua`: 13 counties, 18 indicators) on SQLite, at its latest month. The goal is
 * ≤ 50 ms for getOverview (loader + engine + plain output). Run by run.ts after the scales,
 * or on its own. Builds the demo database in .tmp/bench/demo.db on first use (migrate +
 * seed, about 20 s) and applies newer migrations to it on later uses. Prints one JSON line; not part of the suite.
 */
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../lib/db/client";
import type { TenantContext } from "../lib/data/context";
import { getOverview } from "../lib/data/dashboard";
import { latestPeriod } from "../lib/data/period-loader";
import { seedDemo } from "../prisma/seed";
import { prisma } from "../scripts/prisma-cli";
import { AS_OF, BENCH_TMP } from "./config";

/** The city overview's goal, in ms. */
export const CITY_GOAL_MS = 50;
const FILE = path.join(BENCH_TMP, "demo.db");
const WARM_UP_CALLS = 5;

export interface CityResult {
  tenant: string;
  period: { year: number; month: number };
  runs: number;
  /** the first call in a fresh process (configuration read, statements compiled) */
  firstMs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** The demo database, seeded on first use; migrations added since are applied on every use. */
async function ensureDemo(url: string): Promise<void> {
  const fresh = !fs.existsSync(FILE);
  fs.mkdirSync(BENCH_TMP, { recursive: true });
  prisma("sqlite", ["migrate", "deploy"], url, { quiet: true });
  if (!fresh) return;
  const db = createDb(url);
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

export async function benchCity(runs: number): Promise<CityResult> {
  const url = `file:${FILE}`;
  await ensureDemo(url);
  const db = createDb(url);
  try {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "huaihua" }, select: { id: true, name: true } });
    const ctx: TenantContext = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
    const period = (await latestPeriod(db, ctx))!;
    const t0 = performance.now();
    await getOverview(db, ctx, period, { asOf: AS_OF });
    const firstMs = performance.now() - t0;
    for (let k = 0; k < WARM_UP_CALLS; k++) await getOverview(db, ctx, period, { asOf: AS_OF });
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      gc();
      const t = performance.now();
      await getOverview(db, ctx, period, { asOf: AS_OF });
      times.push(performance.now() - t);
    }
    return { tenant: tenant.name, period, runs, firstMs, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) };
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const k = process.argv.indexOf("--runs");
  benchCity(k >= 0 ? Number(process.argv[k + 1]) : 30)
    .then((r) => console.log(JSON.stringify(r)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
