/**
 * One benchmark scenario (provider × scale × view) in its own process, so the peak
 * memory it reports is its own. Started by run.ts; prints one JSON line (or sends it
 * over IPC when forked).
 *
 *   node --expose-gc --import tsx bench/scenario.ts <sqlite|postgresql> <province|national> <overview|ranking>
 *        [--runs N] [--mode timed|profile] [--bare-style auto|native|window|maxjoin|seek]
 *
 * timed:   pick the fastest formulation of the bare query (auto), verify once (app vs bare
 *          SQL: same order and completions, ties aside), warm both paths up with 5 more
 *          untimed calls each, then N interleaved pairs (app, bare, app, bare, … so both see the same machine
 *          load) of the app path (lib/data/dashboard.ts getOverview / getRanking: period
 *          loader + engine + plain output) and the bare SQL through the raw driver;
 *          medians (wall clock and this process's CPU), peak RSS, sampled heap peak.
 * profile: where the app path's time goes: the roll-up query through the app's reader
 *          (lib/db/reader.ts), through Prisma ($queryRawUnsafe, for comparison) and through a
 *          fresh raw-driver connection, the engine, and a CPU profile of three app calls
 *          summarised by category (cpu-profile.ts).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, readRaw, type Db } from "../lib/db/client";
import type { TenantContext } from "../lib/data/context";
import { getOverview, getRanking } from "../lib/data/dashboard";
import { loadRollupPeriod, rollupQuery, type RollupOptions } from "../lib/data/rollup-loader";
import { rollupSql } from "../lib/data/rollup-sql";
import { getTenantConfig } from "../lib/data/tenant-config";
import { computePeriod, ranksAt } from "../lib/metrics";
import { profileCpu, type CpuSummary } from "./cpu-profile";
import { LATEST_STYLES, openBareRunner, type BareParams, type BareRow, type BareRunner, type LatestStyle } from "./bare-sql";
import {
  AS_OF,
  RANKING_INDICATOR,
  SCALE_DEFS,
  VIEWS,
  benchPeriod,
  databaseUrlFor,
  isRankingView,
  type Provider,
  type ScaleName,
  type View,
} from "./config";

export interface ScenarioResult {
  provider: Provider;
  scale: ScaleName;
  view: View;
  mode: "timed" | "profile";
  period: { year: number; month: number };
  runs: number;
  /** wall-clock ms; cpuMedianMs = this process's CPU time (user + system) per call — excludes the PostgreSQL server's work */
  app: { medianMs: number; minMs: number; maxMs: number; samplesMs: number[]; cpuMedianMs: number };
  bare: { medianMs: number; minMs: number; maxMs: number; samplesMs: number[]; cpuMedianMs: number; style: LatestStyle; styleTrials: Record<string, number>; rows: number };
  ratio: number;
  memory: { baselineRssMiB: number; peakRssMiB: number; peakHeapUsedMiB: number };
  verification: { ok: boolean; compared: number; message: string };
  profile?: ProfileResult;
}

export interface ProfileResult {
  /** the roll-up loader, whole (query + turning rows into the engine's input) */
  loadMs: number;
  /** the roll-up query alone through the app's reader (readRaw: prepared statement kept) */
  readerQueryMs: number;
  /** the same statement through Prisma ($queryRawUnsafe: prepared anew on every call) */
  prismaQueryMs: number;
  /** the same statement through the raw driver */
  rawQueryMs: number;
  /** rows the query returns */
  queryRows: number;
  /** computePeriod (and, for the ranking, ranksAt for last month) on the loaded input */
  engineMs: number;
  /** the whole app call */
  appMs: number;
  /** CPU profile of 3 app calls: self time per category */
  cpu: CpuSummary;
}

function parseArgs(argv: string[]) {
  const positional = argv.filter((a, k) => !a.startsWith("--") && !argv[k - 1]?.startsWith("--"));
  const flag = (name: string): string | undefined => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const [provider, scale, view] = positional as [Provider, ScaleName, View];
  if (!["sqlite", "postgresql"].includes(provider) || !SCALE_DEFS[scale] || !VIEWS.includes(view)) {
    throw new Error(`usage: scenario.ts <sqlite|postgresql> <province|national> <${VIEWS.join("|")}> [--runs N] [--mode timed|profile]`);
  }
  return {
    provider,
    scale,
    view,
    runs: Math.max(1, Number(flag("runs") ?? 10)),
    mode: (flag("mode") ?? "timed") as "timed" | "profile",
    bareStyle: (flag("bare-style") ?? "auto") as LatestStyle | "auto",
  };
}

const MiB = 1024 * 1024;
/** Timed rounds of every form of the bare query before the fastest is picked. */
const BARE_STYLE_ROUNDS = 5;
/** Untimed calls of each path before the timed runs (after the verifying one). */
const WARM_UP_CALLS = 5;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Peak heapUsed, sampled on a timer and after every run. */
class HeapSampler {
  peak = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    this.timer = setInterval(() => this.sample(), 5);
    this.timer.unref();
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

type AppResult = Awaited<ReturnType<typeof getOverview>> | Awaited<ReturnType<typeof getRanking>>;

function appCall(db: Db, ctx: TenantContext, view: View, period: { year: number; month: number }, parentId: string): Promise<AppResult> {
  if (view === "overview") return getOverview(db, ctx, period, { asOf: AS_OF });
  if (view === "child-overview") return getOverview(db, ctx, period, { asOf: AS_OF, parentId });
  return getRanking(db, ctx, RANKING_INDICATOR, period, view === "depth-ranking" ? { depth: 2 } : {});
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Does the bare SQL give the app's ranking (order and completion; ties aside)? */
function verify(view: View, app: AppResult, bare: BareRow[]): ScenarioResult["verification"] {
  const problems: string[] = [];
  if (isRankingView(view)) {
    const entries = (app as Awaited<ReturnType<typeof getRanking>>).entries.filter((e) => e.rank !== null);
    if (entries.length !== bare.length) problems.push(`${entries.length} ranked by the app, ${bare.length} by the bare SQL`);
    const n = Math.min(entries.length, bare.length);
    for (let k = 0; k < n; k++) {
      const a = entries[k];
      const b = bare[k];
      const completion = Number(a.completion);
      if (a.region.id !== b.regionId) {
        // ties aside: the same completion in both lists at this position
        const tie = a.rank === b.rank && close(completion, b.completion);
        if (!tie) problems.push(`position ${k + 1}: app ${a.region.code} (${a.completion}), bare ${b.regionId} (${b.completion})`);
      } else if (!close(completion, b.completion) || a.rank !== b.rank) {
        problems.push(`${a.region.code}: app ${a.completion} rank ${a.rank}, bare ${b.completion} rank ${b.rank}`);
      }
    }
    return { ok: problems.length === 0, compared: n, message: problems.slice(0, 5).join("; ") || "same order and completions" };
  }
  const cells = (app as Awaited<ReturnType<typeof getOverview>>).cells.filter((c) => c.completion !== null);
  const bareByKey = new Map(bare.map((r) => [`${r.regionId}|${r.indicatorId}`, r]));
  for (const c of cells) {
    const b = bareByKey.get(`${c.regionId}|${c.indicatorId}`);
    if (!b) problems.push(`no bare row for ${c.regionId} × ${c.indicatorId}`);
    else if (!close(Number(c.completion), b.completion)) problems.push(`${c.regionId} × ${c.indicatorId}: app ${c.completion}, bare ${b.completion}`);
    else if (c.rank !== null && c.rank !== b.rank) problems.push(`${c.regionId} × ${c.indicatorId}: app rank ${c.rank}, bare ${b.rank}`);
  }
  if (cells.length !== bare.length) problems.push(`${cells.length} county cells with a completion in the app, ${bare.length} bare rows`);
  return { ok: problems.length === 0, compared: cells.length, message: problems.slice(0, 5).join("; ") || "same completions and ranks" };
}

async function timeIt<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Picks the fastest formulation of the bare query for this database (the lower bound). */
async function pickBareStyle(
  provider: Provider,
  url: string,
  view: View,
  params: BareParams,
  requested: LatestStyle | "auto",
): Promise<{ runner: BareRunner; style: LatestStyle; trials: Record<string, number> }> {
  const styles: LatestStyle[] = requested === "auto" ? LATEST_STYLES : [requested];
  const trials: Record<string, number> = {};
  // every form warmed up, then timed in interleaved rounds (the median of each): one slow
  // moment of the machine does not pick a form
  const runners = new Map<LatestStyle, BareRunner>();
  const times = new Map<LatestStyle, number[]>();
  for (const style of styles) {
    const runner = await openBareRunner(provider, url, style);
    await runner.run(view, params);
    runners.set(style, runner);
    times.set(style, []);
  }
  for (let round = 0; round < (styles.length > 1 ? BARE_STYLE_ROUNDS : 0); round++) {
    for (const style of styles) times.get(style)!.push((await timeIt(() => runners.get(style)!.run(view, params))).ms);
  }
  let best: { style: LatestStyle; ms: number } | null = null;
  for (const style of styles) {
    await runners.get(style)!.close();
    trials[style] = times.get(style)!.length ? median(times.get(style)!) : 0;
    if (!best || trials[style] < best.ms) best = { style, ms: trials[style] };
  }
  const style = best!.style;
  return { runner: await openBareRunner(provider, url, style), style, trials };
}

// ------------------------------------------------------------------ profile (phases)

/** A statement through the raw driver (better-sqlite3 / pg), timed after one warm-up. */
async function rawQuery(provider: Provider, url: string, sql: string, values: unknown[]): Promise<number> {
  if (provider === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const stmt = db.prepare(sql);
      stmt.all(...values);
      return (await timeIt(async () => stmt.all(...values))).ms;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url, options: "-c jit=off" });
  await client.connect();
  try {
    await client.query(sql, values);
    return (await timeIt(() => client.query(sql, values))).ms;
  } finally {
    await client.end();
  }
}

async function profile(
  provider: Provider,
  url: string,
  db: Db,
  ctx: TenantContext,
  view: View,
  period: { year: number; month: number },
  parentId: string,
): Promise<ProfileResult> {
  const options: RollupOptions =
    isRankingView(view)
      ? { indicatorCodes: [RANKING_INDICATOR], previousMonth: true, asOf: AS_OF, ...(view === "depth-ranking" ? { depth: 2 } : {}) }
      : { completeness: true, asOf: AS_OF, ...(view === "child-overview" ? { parentId } : {}) };
  const reps = 3;
  const phase = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
    const times: number[] = [];
    let value!: T;
    for (let k = 0; k < reps; k++) {
      gc();
      const t = await timeIt(async () => fn());
      times.push(t.ms);
      value = t.value;
    }
    return { ms: median(times), value };
  };
  const app = await phase(() => appCall(db, ctx, view, period, parentId));
  const loaded = await phase(() => loadRollupPeriod(db, ctx, period, options));
  if (!loaded.value) throw new Error("the roll-up loader does not apply to this tenant");
  const { sql, values } = rollupSql(provider, rollupQuery(await getTenantConfig(db, ctx.tenantId), period, options).spec);
  const readerQuery = await phase(() => readRaw(db, sql, values));
  const prismaQuery = await phase(() => db.$queryRawUnsafe<unknown[]>(sql, ...values));
  const rawQueryMs = await rawQuery(provider, url, sql, values);
  const input = loaded.value.input;
  const engine = await phase(() => {
    const result = computePeriod(input);
    if (isRankingView(view) && period.month > 1) ranksAt(input, result.rankings[0]!.indicatorId, period.month - 1, result);
    return result;
  });
  gc();
  const cpu = await profileCpu(async () => {
    for (let k = 0; k < reps; k++) await appCall(db, ctx, view, period, parentId);
  });
  return {
    loadMs: loaded.ms,
    readerQueryMs: readerQuery.ms,
    prismaQueryMs: prismaQuery.ms,
    rawQueryMs,
    queryRows: prismaQuery.value.length,
    engineMs: engine.ms,
    appMs: app.ms,
    cpu,
  };
}

// ------------------------------------------------------------------ main

async function main(): Promise<ScenarioResult> {
  const args = parseArgs(process.argv.slice(2));
  const { provider, scale, view, runs, mode } = args;
  const def = SCALE_DEFS[scale];
  const url = databaseUrlFor(provider, scale);
  const period = benchPeriod(def);
  const tenantId = `t-${def.slug}`;
  const ctx: TenantContext = { tenantId, userId: null, role: "ADMIN", regionId: null };
  const db = createDb(url);
  await db.$connect();
  // child-overview: the root's first child in display order (a city of the province, a province of the nation)
  const child = await db.region.findFirstOrThrow({ where: { tenantId, active: true, parent: { parentId: null } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const parentId = child.id;
  const params: BareParams = { tenantId, year: period.year, month: period.month, indicatorCode: RANKING_INDICATOR, parentId };
  const picked = await pickBareStyle(provider, url, view, params, args.bareStyle);
  const bare = picked.runner;
  gc();
  const baselineRss = process.memoryUsage().rss;
  const heap = new HeapSampler();

  // verification (untimed) is the first warm-up call of both paths
  const appOnce = await appCall(db, ctx, view, period, parentId);
  heap.sample();
  const bareOnce = await bare.run(view, params);
  const verification = verify(view, appOnce, bareOnce);
  // a few more untimed calls of both paths: a server answers these requests all day, so
  // the figures are of warm code (the JIT's optimised tiers), not of the first calls
  for (let k = 0; k < WARM_UP_CALLS; k++) {
    await appCall(db, ctx, view, period, parentId);
    await bare.run(view, params);
  }

  let profileResult: ProfileResult | undefined;
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  const appCpu: number[] = [];
  const bareCpu: number[] = [];
  const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
  if (mode === "profile") {
    profileResult = await profile(provider, url, db, ctx, view, period, parentId);
  } else {
    // interleaved (app, bare, app, …) so both paths see the same machine load
    for (let k = 0; k < runs; k++) {
      gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await appCall(db, ctx, view, period, parentId);
      appTimes.push(performance.now() - t0);
      appCpu.push(cpuMs(process.cpuUsage(c0)));
      heap.sample();
      if (!result) throw new Error("no result");
      gc();
      const c1 = process.cpuUsage();
      const t1 = performance.now();
      const rows = await bare.run(view, params);
      bareTimes.push(performance.now() - t1);
      bareCpu.push(cpuMs(process.cpuUsage(c1)));
      if (rows.length === 0) throw new Error("the bare query returned no rows");
    }
  }
  heap.stop();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  await bare.close();
  await db.$disconnect();

  const stats = (xs: number[]) => ({
    medianMs: xs.length ? median(xs) : 0,
    minMs: xs.length ? Math.min(...xs) : 0,
    maxMs: xs.length ? Math.max(...xs) : 0,
    samplesMs: xs.map((x) => Math.round(x * 100) / 100),
  });
  const app = { ...stats(appTimes), cpuMedianMs: appCpu.length ? median(appCpu) : 0 };
  const bareStats = { ...stats(bareTimes), cpuMedianMs: bareCpu.length ? median(bareCpu) : 0 };
  return {
    provider,
    scale,
    view,
    mode,
    period,
    runs: appTimes.length,
    app,
    bare: { ...bareStats, style: picked.style, styleTrials: picked.trials, rows: bareOnce.length },
    ratio: bareStats.medianMs > 0 ? app.medianMs / bareStats.medianMs : 0,
    memory: {
      baselineRssMiB: baselineRss / MiB,
      peakRssMiB: peakRss / MiB,
      peakHeapUsedMiB: heap.peak / MiB,
    },
    verification,
    profile: profileResult,
  };
}

main()
  .then((result) => {
    if (process.send) process.send({ type: "result", result }, () => process.exit(0));
    else {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    }
  })
  .catch((error) => {
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    if (process.send) process.send({ type: "error", message }, () => process.exit(1));
    else {
      console.error(message);
      process.exit(1);
    }
  });

