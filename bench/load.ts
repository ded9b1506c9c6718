/**
 * `npm run bench:load` — month-end under load. For each database (SQLite always;
 * PostgreSQL when BENCH_POSTGRES_URL names a server, in a database of its own) it starts a
 * production server on a fresh seeded database, signs in N reporters — each bound to a
 * bench county of its own — and a leader, then runs N reporters saving their month (R
 * rounds of F figures each, through the entry page's server action over HTTP as the
 * browser sends it) while N leaders open the overview. It prints p50/p95/max, errors,
 * saves/s and pages/s, then checks the database for lost updates: every cell holds the
 * last value its reporter saved, and its version and audit rows count every save. Exits
 * non-zero on a lost update. A benchmark, not a test: the times depend on the machine.
 *
 *   npx tsx bench/load.ts [--reporters 50] [--rounds 10] [--figures 8] [--leaders N]
 *                         [--db sqlite|postgresql|all] [--port 3300]
 *
 * One save alone (the server time of a single 8-figure save): --reporters 1 --leaders 0 --rounds 30.
 */
import os from "node:os";
import path from "node:path";
import { Decimal, toStored } from "../lib/decimal";
import { PROVIDERS, type Provider } from "./config";
import { openOverview, quantile, save, signIn, signInAll, type Sample } from "./http";
import { LOAD_TMP, actionId, addReporters, optionValue, ensureBuild, freshDatabase, openDb, startServer, type BenchTenant } from "./load-setup";

interface Options {
  reporters: number;
  rounds: number;
  figures: number;
  leaders: number;
  providers: Provider[];
  port: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => optionValue(argv, name);
  const int = (name: string, fallback: number, min: number): number => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return n;
  };
  const reporters = int("reporters", 50, 1);
  const db = value("db") ?? "all";
  if (db !== "all" && !PROVIDERS.includes(db as Provider)) throw new Error(`--db must be sqlite, postgresql or all, got ${db}`);
  const wanted = db === "all" ? PROVIDERS : [db as Provider];
  const providers = wanted.filter((p) => p === "sqlite" || process.env.BENCH_POSTGRES_URL);
  if (db === "postgresql" && providers.length === 0) throw new Error("--db postgresql needs BENCH_POSTGRES_URL (a server the bench may create a database on)");
  return { reporters, rounds: int("rounds", 10, 1), figures: int("figures", 8, 1), leaders: int("leaders", reporters, 0), providers, port: int("port", 3300, 1) };
}

const log = (msg: string): void => void process.stdout.write(`${msg}\n`);

/** What each reporter last saved successfully, per cell, and how many saves of it succeeded. */
type Ledger = Map<string, { value: string; saves: number }>;

/** A value of the round at the indicator's precision: distinct per reporter, cell and round. */
const valueOf = (reporter: number, cell: number, round: number, precision: number): string => new Decimal(1000 + reporter * 100 + cell * 10 + round).toFixed(precision);

async function reporterLoop(base: string, id: string, cookie: string, k: number, bench: BenchTenant, rounds: number, ledger: Ledger): Promise<Sample[]> {
  const samples: Sample[] = [];
  const version = new Map<string, number>(bench.indicatorIds.map((i) => [i, 0]));
  const regionId = bench.reporters[k]!.regionId;
  for (let round = 1; round <= rounds; round++) {
    const cells = bench.indicatorIds.map((indicatorId, c) => ({ indicatorId, value: valueOf(k, c, round, bench.precisions[c]!), note: "压测", version: version.get(indicatorId)!, confirmed: true }));
    const sample = await save(base, id, cookie, { regionId, ...bench.period, cells });
    samples.push(sample);
    if (sample.error) continue;
    for (const cell of cells) {
      version.set(cell.indicatorId, version.get(cell.indicatorId)! + 1);
      const key = `${regionId}|${cell.indicatorId}`;
      ledger.set(key, { value: cell.value, saves: (ledger.get(key)?.saves ?? 0) + 1 });
    }
  }
  return samples;
}

/** Lost updates: cells whose stored value, version or audit rows disagree with the saves that succeeded. */
async function lostUpdates(url: string, bench: BenchTenant, ledger: Ledger): Promise<string[]> {
  const db = openDb(url);
  try {
    const fills = await db.fill.findMany({ where: { tenantId: bench.tenantId, regionId: { in: bench.reporters.map((r) => r.regionId) }, ...bench.period } });
    const audits = await db.fillAudit.groupBy({ by: ["fillId"], where: { tenantId: bench.tenantId, fillId: { in: fills.map((f) => f.id) } }, _count: { _all: true } });
    const auditsOf = new Map(audits.map((a) => [a.fillId, a._count._all]));
    const problems: string[] = [];
    const stored = new Map(fills.map((f) => [`${f.regionId}|${f.indicatorId}`, f]));
    for (const [key, want] of ledger) {
      const f = stored.get(key);
      if (!f) problems.push(`${key}: saved ${want.saves}×, not stored`);
      else if (f.value !== toStored(new Decimal(want.value))) problems.push(`${key}: last saved ${want.value}, stored another value`);
      else if (f.version !== want.saves) problems.push(`${key}: ${want.saves} saves, version ${f.version}`);
      else if (auditsOf.get(f.id) !== want.saves) problems.push(`${key}: ${want.saves} saves, ${auditsOf.get(f.id) ?? 0} audit rows`);
    }
    for (const key of stored.keys()) if (!ledger.has(key)) problems.push(`${key}: stored, never saved successfully`);
    return problems;
  } finally {
    await db.$disconnect();
  }
}

function summary(label: string, samples: Sample[], seconds: number): string {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const errors = samples.filter((s) => s.error);
  const f = (x: number) => (Number.isNaN(x) ? "—" : `${x.toFixed(0)} ms`);
  const first = errors[0]?.error ? ` (first: ${errors[0].error.slice(0, 120)})` : "";
  return `${label}: ${samples.length} in ${seconds.toFixed(1)} s = ${(samples.length / seconds).toFixed(1)}/s · p50 ${f(quantile(ms, 0.5))} · p95 ${f(quantile(ms, 0.95))} · max ${f(ms.at(-1) ?? NaN)} · errors ${errors.length}${first}`;
}

async function runProvider(provider: Provider, o: Options, port: number): Promise<boolean> {
  log(`\n== ${provider}: ${o.reporters} reporters × ${o.rounds} rounds × ${o.figures} figures, ${o.leaders} leaders on the overview`);
  const url = await freshDatabase(provider);
  const setupDb = openDb(url);
  const bench = await addReporters(setupDb, o.reporters, o.figures).finally(() => setupDb.$disconnect());
  const server = await startServer(url, port, path.join(LOAD_TMP, `server-${provider}.log`));
  try {
    const id = actionId("lib/actions/save-fills.ts", "saveFills");
    const cookies = await signInAll(server.base, bench.reporters.map((r) => r.account));
    const leaderCookie = o.leaders > 0 ? await signIn(server.base, bench.leader) : "";
    // one untimed save and page first: the server's first requests compile and connect
    await openOverview(server.base, leaderCookie || cookies[0]!);
    const ledger: Ledger = new Map();
    const started = performance.now();
    const leaderWork = Array.from({ length: o.leaders }, async () => {
      const samples: Sample[] = [];
      for (let r = 0; r < o.rounds; r++) samples.push(await openOverview(server.base, leaderCookie));
      return samples;
    });
    const saveWork = cookies.map((cookie, k) => reporterLoop(server.base, id, cookie, k, bench, o.rounds, ledger));
    const saves = (await Promise.all(saveWork)).flat();
    const saveSeconds = (performance.now() - started) / 1000;
    const pages = (await Promise.all(leaderWork)).flat();
    const pageSeconds = (performance.now() - started) / 1000;
    log(summary("saves", saves, saveSeconds));
    if (o.leaders > 0) log(summary("overview pages", pages, pageSeconds));
    const lost = await lostUpdates(url, bench, ledger);
    log(`lost updates: ${lost.length} (checked ${ledger.size} cells)${lost.length ? `\n  ${lost.slice(0, 10).join("\n  ")}` : ""}`);
    log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
    return lost.length === 0;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (!o.providers.includes("postgresql")) log("PostgreSQL: skipped (set BENCH_POSTGRES_URL to a server the bench may create a database on)");
  ensureBuild();
  log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
  let clean = true;
  for (const [k, provider] of o.providers.entries()) clean = (await runProvider(provider, o, o.port + k)) && clean;
  if (!clean) {
    log("\nLOST UPDATES: the database does not hold what was saved");
    process.exit(1);
  }
}

await main();
