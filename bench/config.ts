/**
 * Benchmark settings shared by the harness (run.ts), the scenario child (scenario.ts),
 * the synthetic-tenant builder (synthetic.ts) and the bare SQL (bare-sql.ts).
 * Not part of the app or the test suite.
 */
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
/** Scratch space of the benchmark (git-ignored via .tmp/). */
export const BENCH_TMP = path.join(ROOT, ".tmp", "bench");
export const RESULTS_FILE = path.join(BENCH_TMP, "results.json");

export type Provider = "sqlite" | "postgresql";
export type ScaleName = "province" | "national";
/**
 * overview / ranking: of the root's children; child-overview: of the first child's children
 * (a city's counties in the province, a province's cities in the nation); depth-ranking: every
 * region two levels below the root in one ranking (the province's counties, the nation's cities).
 */
export type View = "overview" | "ranking" | "child-overview" | "depth-ranking";

export const PROVIDERS: Provider[] = ["sqlite", "postgresql"];
export const SCALES: ScaleName[] = ["province", "national"];
export const VIEWS: View[] = ["overview", "ranking", "child-overview", "depth-ranking"];
export const isRankingView = (view: View): boolean => view === "ranking" || view === "depth-ranking";

/**
 * Bump when the generator changes: a cached database whose tenant name does not carry
 * this version is rebuilt.
 */
export const BUILD_VERSION = 8;

export interface Scale {
  name: ScaleName;
  slug: string;
  /** Ledger years, oldest first; every month of each is filled. */
  years: number[];
  /** Children of the root (provinces of the nation, cities of the province). */
  level1: number;
  /** Level-2 regions in total (cities of the nation) — 0 for a three-level tree. */
  level2: number;
  /** Leaves (counties) in total. */
  leaves: number;
}

export const SCALE_DEFS: Record<ScaleName, Scale> = {
  // 1 province + 14 cities + 115 counties = 130 regions, 36 months
  province: { name: "province", slug: "bench-province", years: [2023, 2024, 2025], level1: 14, level2: 0, leaves: 115 },
  // 1 nation + 31 provinces + 330 cities + 2,482 counties = 2,844 regions, 24 months
  national: { name: "national", slug: "bench-national", years: [2024, 2025], level1: 31, level2: 330, leaves: 2482 },
};

/** The period every scenario measures: the last month of the ledger (the loader's worst case: 12 + 12 + 1 months). */
export function benchPeriod(scale: Scale): { year: number; month: number } {
  return { year: scale.years[scale.years.length - 1], month: 12 };
}

/** The CUMULATIVE indicator ranked by the ranking view and its bare query. */
export const RANKING_INDICATOR = "RD_EXP";

/** "Now" for completeness: a fixed instant after the period's deadline. */
export const AS_OF = new Date("2026-01-20T02:00:00.000Z");

/** The guard: every dashboard within 2× the bare SQL query, at every scale. */
export const RATIO_TARGET: Record<ScaleName, number> = { province: 2, national: 2 };

export const DEFAULT_PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export function pgAdminUrl(): string {
  return process.env.BENCH_POSTGRES_URL || DEFAULT_PG_ADMIN_URL;
}

/** BENCH_PG_DATABASE_PREFIX keeps the databases of two checkouts on one server apart. */
export function pgDatabaseName(scale: ScaleName): string {
  return `${process.env.BENCH_PG_DATABASE_PREFIX || "sti_bench"}_${scale}`;
}

/** The same server as the admin URL, another database. */
export function pgUrlFor(database: string): string {
  const u = new URL(pgAdminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export function sqliteFile(scale: ScaleName): string {
  return path.join(BENCH_TMP, `${scale}.db`);
}

/** The DATABASE_URL-style address of a scenario's database. */
export function databaseUrlFor(provider: Provider, scale: ScaleName): string {
  return provider === "sqlite" ? `file:${sqliteFile(scale)}` : pgUrlFor(pgDatabaseName(scale));
}
