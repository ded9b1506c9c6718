/**
 * One benchmark scenario (provider × scale × view) in its own process, so the peak
 * memory it reports is its own. Started by run.ts; prints one JSON line (or sends it
 * over IPC when forked).
 *
 *   node --expose-gc --import tsx bench/scenario.ts <sqlite|postgresql> <province|national> <overview|ranking>
 *        [--runs N] [--mode timed|profile] [--bare-style auto|native|window|maxjoin|seek]
 *
 * timed:   pick the fastest formulation of the bare query (auto), verify once (app vs bare
 *          SQL: same order and completions, ties aside — this call is also the warm-up),
 *          then N interleaved pairs (app, bare, app, bare, … so both see the same machine
 *          load) of the app path (lib/data/dashboard.ts getOverview / getRanking: period
 *          loader + engine + plain output) and the bare SQL through the raw driver;
 *          medians (wall clock and this process's CPU), peak RSS, sampled heap peak.
 * profile: where the app path's time goes: the loader's queries through Prisma vs the
 *          same rows through the raw driver, Decimal conversion, the engine, and a CPU
 *          profile of three app calls summarised by category (cpu-profile.ts).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "../lib/db/client";
import { fromStored } from "../lib/decimal";
import type { TenantContext } from "../lib/data/context";
import { getOverview, getRanking } from "../lib/data/dashboard";
import { loadPeriod } from "../lib/data/period-loader";
import { computePeriod } from "../lib/metrics";
import { profileCpu, type CpuSummary } from "./cpu-profile";
import { LATEST_STYLES, openBareRunner, type BareParams, type BareRow, type BareRunner, type LatestStyle } from "./bare-sql";
import {
  AS_OF,
  RANKING_INDICATOR,
  SCALE_DEFS,
  benchPeriod,
  databaseUrlFor,
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
  /** the lead's loadPeriod, whole */
  loadPeriodMs: number;
  /** the loader's fills query alone through Prisma (findMany, same where/select) */
  prismaFillsMs: number;
  /** the same rows through the raw driver (plain objects, bigint as number/string) */
  rawFillsMs: number;
  /** converting the raw rows' values to Decimal (fromStored) */
  decimalMs: number;
  fillRows: number;
  /** computePeriod once on the loaded input */
  engineMs: number;
  /** computePeriod calls per request (getRanking also computes last month for the rank change) */
  engineCalls: number;
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
  if (!["sqlite", "postgresql"].includes(provider) || !SCALE_DEFS[scale] || !["overview", "ranking"].includes(view)) {
    throw new Error("usage: scenario.ts <sqlite|postgresql> <province|national> <overview|ranking> [--runs N] [--mode timed|profile]");
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

function appCall(db: Db, ctx: TenantContext, view: View, period: { year: number; month: number }): Promise<AppResult> {
  return view === "overview" ? getOverview(db, ctx, period, { asOf: AS_OF }) : getRanking(db, ctx, RANKING_INDICATOR, period);
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Does the bare SQL give the app's ranking (order and completion; ties aside)? */
function verify(view: View, app: AppResult, bare: BareRow[]): ScenarioResult["verification"] {
  const problems: string[] = [];
  if (view === "ranking") {
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
  let best: { style: LatestStyle; ms: number } | null = null;
  for (const style of styles) {
    const runner = await openBareRunner(provider, url, style);
    await runner.run(view, params);
    const times: number[] = [];
    for (let k = 0; k < (styles.length > 1 ? 2 : 0); k++) times.push((await timeIt(() => runner.run(view, params))).ms);
    await runner.close();
    trials[style] = times.length ? Math.min(...times) : 0;
    if (!best || trials[style] < best.ms) best = { style, ms: trials[style] };
  }
  const style = best!.style;
  return { runner: await openBareRunner(provider, url, style), style, trials };
}

// ------------------------------------------------------------------ profile (phases)

/** The loader's fills query (lib/data/period-loader.ts) through the raw driver. */
async function rawFills(provider: Provider, url: string, tenantId: string, year: number, month: number, indicatorIds: string[] | null) {
  const ids = indicatorIds ?? [];
  const byIndicator = (p: (k: number) => string) => (ids.length ? ` AND "indicatorId" IN (${ids.map((_, k) => p(6 + k)).join(", ")})` : "");
  const sql = (p: (k: number) => string) =>
    `SELECT "regionId", "indicatorId", year, month, value, status, "submittedAt" FROM "Fill"
     WHERE "tenantId" = ${p(1)} AND ((year = ${p(2)} AND month <= ${p(3)}) OR year = ${p(4)} OR (year = ${p(5)} AND month = 12))${byIndicator(p)}`;
  // parameters in the order they appear (SQLite's `?` are positional)
  const params = [tenantId, year, month, year - 1, year - 2, ...ids];
  if (provider === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const stmt = db.prepare(sql(() => "?"));
      stmt.all(...params);
      const { ms, value } = await timeIt(async () => stmt.all(...params) as { value: number }[]);
      return { ms, rows: value };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const text = sql((k) => `$${k}`);
    await client.query(text, params);
    const { ms, value } = await timeIt(async () => (await client.query(text, params)).rows as { value: string }[]);
    return { ms, rows: value };
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
): Promise<ProfileResult> {
  const options = view === "ranking" ? { indicatorCodes: [RANKING_INDICATOR], asOf: AS_OF } : { asOf: AS_OF };
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
  const app = await phase(() => appCall(db, ctx, view, period));
  const loaded = await phase(() => loadPeriod(db, ctx, period, options));
  const indicatorIds = view === "ranking" ? loaded.value.indicators.map((i) => i.id) : null;
  const where = {
    tenantId: ctx.tenantId,
    ...(indicatorIds ? { indicatorId: { in: indicatorIds } } : {}),
    OR: [{ year: period.year, month: { lte: period.month } }, { year: period.year - 1 }, { year: period.year - 2, month: 12 }],
  };
  const prismaFills = await phase(() =>
    db.fill.findMany({ where, select: { regionId: true, indicatorId: true, year: true, month: true, value: true, status: true, submittedAt: true } }),
  );
  const raw = await rawFills(provider, url, ctx.tenantId, period.year, period.month, indicatorIds);
  const decimal = await phase(() => raw.rows.map((r) => fromStored(typeof r.value === "string" ? BigInt(r.value) : r.value)));
  const engine = await phase(() => computePeriod(loaded.value.input));
  gc();
  const cpu = await profileCpu(async () => {
    for (let k = 0; k < reps; k++) await appCall(db, ctx, view, period);
  });
  return {
    loadPeriodMs: loaded.ms,
    prismaFillsMs: prismaFills.ms,
    rawFillsMs: raw.ms,
    decimalMs: decimal.ms,
    fillRows: prismaFills.value.length,
    engineMs: engine.ms,
    engineCalls: view === "ranking" && period.month > 1 ? 2 : 1,
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
  const params: BareParams = { tenantId, year: period.year, month: period.month, indicatorCode: RANKING_INDICATOR };

  const db = createDb(url);
  await db.$connect();
  const picked = await pickBareStyle(provider, url, view, params, args.bareStyle);
  const bare = picked.runner;
  gc();
  const baselineRss = process.memoryUsage().rss;
  const heap = new HeapSampler();

  // verification (untimed) doubles as the warm-up of both paths
  const appOnce = await appCall(db, ctx, view, period);
  heap.sample();
  const bareOnce = await bare.run(view, params);
  const verification = verify(view, appOnce, bareOnce);

  let profileResult: ProfileResult | undefined;
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  const appCpu: number[] = [];
  const bareCpu: number[] = [];
  const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
  if (mode === "profile") {
    profileResult = await profile(provider, url, db, ctx, view, period);
  } else {
    // interleaved (app, bare, app, bare, …) so both paths see the same machine load
    for (let k = 0; k < runs; k++) {
      gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await appCall(db, ctx, view, period);
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

