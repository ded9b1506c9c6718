/**
 * `npm run bench` — dashboard performance at province and national scale, on SQLite and
 * PostgreSQL. A benchmark, not a test: it prints and records numbers, it asserts nothing.
 *
 * For each scale (province, then national): builds (or reuses) the synthetic tenant in
 * each database (synthetic.ts), then for each provider × view (bench/config.ts VIEWS) runs
 * scenario.ts in a child process: the app path (lib/data/dashboard.ts, period loader +
 * metrics engine) and the bare SQL lower bound (bare-sql.ts), warm-up + N timed runs each.
 * Prints a table and writes .tmp/bench/results.json.
 *
 *   npx tsx bench/run.ts [--scale province|national|all] [--db sqlite|postgresql|all]
 *                        [--runs N] [--rebuild] [--build-only] [--profile] [--bare-style auto|native|window|maxjoin|seek]
 *
 * --build-only builds (or checks) the databases and stops. --profile adds, per scenario, a second child that breaks the app path down (the
 * roll-up query through the app's reader, through Prisma and through a fresh raw-driver statement, the engine) and CPU-profiles it.
 */
import { execFileSync, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  BENCH_TMP,
  PROVIDERS,
  RATIO_TARGET,
  RESULTS_FILE,
  SCALES,
  SCALE_DEFS,
  VIEWS,
  benchPeriod,
  pgAdminUrl,
  type Provider,
  type ScaleName,
  type View,
} from "./config";
import { CITY_GOAL_MS, type CityResult } from "./city";
import type { ScenarioResult } from "./scenario";
import { ensureTenant, forgetGenerated, postgresReachable, type BuildReport } from "./synthetic";

interface Options {
  scales: ScaleName[];
  providers: Provider[];
  runs: number;
  rebuild: boolean;
  profile: boolean;
  buildOnly: boolean;
  bareStyle: string;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const k = argv.indexOf(`--${name}`);
    if (k >= 0) return argv[k + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const scale = value("scale") ?? "all";
  const db = value("db") ?? "all";
  if (scale !== "all" && !SCALES.includes(scale as ScaleName)) throw new Error(`--scale must be province, national or all, got ${scale}`);
  if (db !== "all" && !PROVIDERS.includes(db as Provider)) throw new Error(`--db must be sqlite, postgresql or all, got ${db}`);
  const runs = Number(value("runs") ?? 10);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer`);
  return {
    scales: scale === "all" ? SCALES : [scale as ScaleName],
    providers: db === "all" ? PROVIDERS : [db as Provider],
    runs,
    rebuild: argv.includes("--rebuild"),
    profile: argv.includes("--profile"),
    buildOnly: argv.includes("--build-only"),
    bareStyle: value("bare-style") ?? "auto",
  };
}

const log = (msg: string): void => {
  process.stdout.write(`${msg}\n`);
};
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** As a production server runs, with a secret of its own (lib/config.ts refuses none) and no test clock. */
const CHILD_ENV: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" as const, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-bench-only-secret", STI_NOW: undefined };
/** The national overview's goal, in ms. */
const NATIONAL_GOAL_MS = 1000;

function runScenario(provider: Provider, scale: ScaleName, view: View, opts: Options, mode: "timed" | "profile"): Promise<ScenarioResult> {
  const script = path.join(import.meta.dirname, "scenario.ts");
  const args = [provider, scale, view, "--runs", String(opts.runs), "--mode", mode, "--bare-style", opts.bareStyle];
  return new Promise((resolve, reject) => {
    const child = fork(script, args, {
      execArgv: ["--expose-gc", "--max-old-space-size=8192", "--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: CHILD_ENV,
    });
    let settled = false;
    child.on("message", (msg: { type: string; result?: ScenarioResult; message?: string }) => {
      settled = true;
      if (msg.type === "result" && msg.result) resolve(msg.result);
      else reject(new Error(msg.message ?? "scenario failed"));
    });
    child.on("exit", (code) => {
      if (!settled) reject(new Error(`scenario ${provider}/${scale}/${view} exited with code ${code}`));
    });
  });
}

interface Row {
  build: BuildReport;
  result: ScenarioResult;
  profile?: ScenarioResult;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

function printTable(rows: Row[]): void {
  const header = ["provider", "scale", "view", "rows in DB", "app ms", "bare ms", "ratio", "target", "meets", "peak RSS MiB", "heap MiB", "bare form", "same ranking"];
  const widths = [10, 9, 9, 11, 9, 9, 7, 7, 6, 13, 9, 10, 13];
  const right = [false, false, false, true, true, true, true, true, false, true, true, false, false];
  const line = (cells: string[]) => cells.map((c, k) => pad(c, widths[k], right[k])).join(" ");
  log("");
  log(line(header));
  log(widths.map((w) => "-".repeat(w)).join(" "));
  for (const { build, result } of rows) {
    const target = RATIO_TARGET[result.scale];
    log(
      line([
        result.provider,
        result.scale,
        result.view,
        build.rows.total.toLocaleString("en"),
        result.app.medianMs.toFixed(1),
        result.bare.medianMs.toFixed(1),
        result.ratio.toFixed(2),
        `≤${target}`,
        result.ratio <= target ? "yes" : "NO",
        result.memory.peakRssMiB.toFixed(0),
        result.memory.peakHeapUsedMiB.toFixed(0),
        result.bare.style,
        result.verification.ok ? "yes" : "WARNING",
      ]),
    );
  }
  log("");
  log("app = median of lib/data/dashboard.ts getOverview / getRanking (loader + engine + plain output);");
  log("bare = median of the single bare SQL query through the raw driver (the lower bound); ratio = app / bare;");
  log("rows in DB = regions + indicators + targets + fills of the tenant; peak RSS = the scenario process's maxRSS.");
}

/** The absolute goals: the national overview's data ≤ 1 s; a city tenant's (怀化市 on SQLite, bench/city.ts) ≤ 50 ms. */
function reportGoals(rows: Row[], opts: Options): void {
  log("");
  for (const { result } of rows.filter((r) => r.result.scale === "national" && r.result.view === "overview")) {
    const ms = result.app.medianMs;
    log(`goal: national overview data ≤ ${NATIONAL_GOAL_MS} ms — ${result.provider} ${ms.toFixed(0)} ms: ${ms <= NATIONAL_GOAL_MS ? "yes" : "NO"}`);
  }
  if (!opts.providers.includes("sqlite")) return;
  const script = path.join(import.meta.dirname, "city.ts");
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", script, "--runs", String(opts.runs)], { env: CHILD_ENV, encoding: "utf8" });
  const city = JSON.parse(out.trim().split("\n").at(-1)!) as CityResult;
  const verdict = city.medianMs <= CITY_GOAL_MS ? "yes" : "NO";
  log(`goal: a city tenant's overview data ≤ ${CITY_GOAL_MS} ms — ${city.tenant} (SQLite, ${city.period.year}-${city.period.month}) ${city.medianMs.toFixed(1)} ms, first call ${city.firstMs.toFixed(0)} ms: ${verdict}`);
}

function printProfile(rows: Row[]): void {
  for (const { profile } of rows) {
    if (!profile?.profile) continue;
    const p = profile.profile;
    log("");
    log(`profile ${profile.provider}/${profile.scale}/${profile.view}: app ${p.appMs.toFixed(1)} ms = load ${p.loadMs.toFixed(1)} ms + engine ${p.engineMs.toFixed(1)} ms + rest`);
    log(
      `  roll-up query: ${p.queryRows.toLocaleString("en")} rows — the app's reader ${p.readerQueryMs.toFixed(1)} ms, through Prisma ${p.prismaQueryMs.toFixed(1)} ms, a fresh raw-driver statement ${p.rawQueryMs.toFixed(1)} ms`,
    );
    log(`  CPU (3 app calls, ${p.cpu.totalMs.toFixed(0)} ms sampled):`);
    for (const c of p.cpu.categories.filter((c) => c.share >= 0.01)) {
      log(`    ${pad(c.category, 44)} ${pad(c.ms.toFixed(0), 7, true)} ms ${pad((c.share * 100).toFixed(1), 5, true)} %`);
    }
    log(`  top functions: ${p.cpu.topFunctions.slice(0, 8).map((f) => `${f.fn} ${f.ms.toFixed(0)}`).join(" · ")}`);
  }
}

function saveResults(rows: Row[], builds: BuildReport[], opts: Options, skipped: string[]): void {
  fs.mkdirSync(BENCH_TMP, { recursive: true });
  let previous: { scenarios?: (ScenarioResult & { key: string })[]; builds?: (BuildReport & { key: string })[] } = {};
  try {
    previous = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8"));
  } catch {
    // first run
  }
  const now = new Date().toISOString();
  const keyed = rows.map(({ build, result, profile }) => ({
    key: `${result.provider}/${result.scale}/${result.view}`,
    at: now,
    rowsInDb: build.rows,
    ratioTarget: RATIO_TARGET[result.scale],
    meetsTarget: result.ratio <= RATIO_TARGET[result.scale],
    ...result,
    profile: profile?.profile,
  }));
  // a reused database keeps the timings of the build that made it
  type Keyed = BuildReport & { key: string; at: string; lastBuild?: { at: string; buildMs: number; migrateMs: number; generateMs: number; loadMs: number } };
  const oldBuilds = new Map(((previous.builds ?? []) as Keyed[]).map((b) => [b.key, b]));
  const buildsKeyed: Keyed[] = builds.map((b) => {
    const key = `${b.provider}/${b.scale}`;
    const lastBuild = b.reused
      ? oldBuilds.get(key)?.lastBuild
      : { at: now, buildMs: b.buildMs, migrateMs: b.migrateMs, generateMs: b.generateMs, loadMs: b.loadMs };
    return { key, at: now, ...b, lastBuild };
  });
  const merge = <T extends { key: string }>(old: T[] | undefined, fresh: T[]): T[] => {
    const map = new Map((old ?? []).map((x) => [x.key, x]));
    for (const x of fresh) map.set(x.key, x);
    return [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
  };
  const out = {
    updatedAt: now,
    machine: { cpus: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() },
    options: { runs: opts.runs, bareStyle: opts.bareStyle },
    skipped,
    builds: merge(previous.builds as Keyed[] | undefined, buildsKeyed),
    scenarios: merge(previous.scenarios, keyed as never),
  };
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(out, null, 2)}\n`);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  log(`STI Monitor bench — scales: ${opts.scales.join(", ")}; databases: ${opts.providers.join(", ")}; ${opts.runs} timed runs per path`);
  let providers = opts.providers;
  const skipped: string[] = [];
  if (providers.includes("postgresql")) {
    const problem = await postgresReachable();
    if (problem) {
      const safeUrl = pgAdminUrl().replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
      log(`PostgreSQL skipped: the server at ${safeUrl} is unreachable (${problem}). Set BENCH_POSTGRES_URL to an admin connection.`);
      skipped.push(`postgresql: ${problem}`);
      providers = providers.filter((p) => p !== "postgresql");
    }
  }

  const rows: Row[] = [];
  const builds: BuildReport[] = [];
  for (const scale of opts.scales) {
    const def = SCALE_DEFS[scale];
    const period = benchPeriod(def);
    log("");
    log(
      `== ${scale} scale: ${def.level1 + def.level2 + def.leaves + 1} regions, ${def.years.length * 12} months (${def.years[0]}–${def.years[def.years.length - 1]}); period ${period.year}-${String(period.month).padStart(2, "0")}`,
    );
    const buildOf = new Map<Provider, BuildReport>();
    for (const provider of providers) {
      log(`building ${provider}/${scale}…`);
      const build = await ensureTenant(provider, scale, { rebuild: opts.rebuild, progress: log });
      buildOf.set(provider, build);
      builds.push(build);
      log(
        build.reused
          ? `  reused ${build.url} (${build.rows.total.toLocaleString("en")} rows, ${build.rows.fills.toLocaleString("en")} fills)`
          : `  built in ${secs(build.buildMs)} (migrate ${secs(build.migrateMs)}, generate ${secs(build.generateMs)}, load ${secs(build.loadMs)}): ` +
              `${build.rows.total.toLocaleString("en")} rows, ${build.rows.fills.toLocaleString("en")} fills`,
      );
    }
    forgetGenerated();
    for (const provider of opts.buildOnly ? [] : providers) {
      for (const view of VIEWS) {
        const t0 = performance.now();
        const result = await runScenario(provider, scale, view, opts, "timed");
        const row: Row = { build: buildOf.get(provider)!, result };
        log(
          `  ${provider}/${scale}/${view}: app ${result.app.medianMs.toFixed(1)} ms, bare ${result.bare.medianMs.toFixed(1)} ms (${result.bare.style}), ` +
            `ratio ${result.ratio.toFixed(2)}, peak RSS ${result.memory.peakRssMiB.toFixed(0)} MiB [${secs(performance.now() - t0)}]`,
        );
        if (!result.verification.ok) log(`  WARNING: the bare SQL ranking differs from the app's: ${result.verification.message}`);
        if (opts.profile) {
          row.profile = await runScenario(provider, scale, view, opts, "profile");
          log(`    profiled [${secs(performance.now() - t0)} in all]`);
        }
        rows.push(row);
        saveResults(rows, builds, opts, skipped);
      }
    }
  }
  if (rows.length > 0) {
    printTable(rows);
    printProfile(rows);
  }
  if (!opts.buildOnly) reportGoals(rows, opts);
  saveResults(rows, builds, opts, skipped);
  log("");
  log(`results: ${path.relative(process.cwd(), RESULTS_FILE)} — total ${secs(performance.now() - started)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
