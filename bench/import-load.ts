/**
 * `npm run bench:import` — a big month import while other users work. For each database
 * (SQLite always; PostgreSQL when BENCH_POSTGRES_URL names a server) it starts a production
 * server on a fresh seeded database (bench/load-setup.ts), adds enough bench counties to
 * 怀化市 for an N-row month file (every fillable indicator of each county, the current
 * month), and has 怀化市's administrator check and then commit the file — .xlsx first
 * (every cell new), then .csv (every cell changed) — through the entry page's import action
 * over HTTP as the browser sends it. Meanwhile two other users of 湘西州 keep working: the
 * leader reloads the overview, a reporter saves a figure, one request after the other. It
 * prints the check and commit times and the other users' waits (p95, max) during each, and
 * exits non-zero when a goal fails: check ≤ 10 s and commit ≤ 10 s each, every other
 * request ≤ 0.5 s. A benchmark, not a test: the times depend on the machine.
 *
 *   npx tsx bench/import-load.ts [--rows 10000] [--runs 1] [--db sqlite|postgresql|all] [--port 3310]
 */
import os from "node:os";
import path from "node:path";
import { hashPassword } from "../lib/auth/password";
import type { Db } from "../lib/db/client";
import { writeSheet } from "../lib/xlsx";
import { PROVIDERS, type Provider } from "./config";
import { postForm, quantile, save, signIn, openOverview, type Sample } from "./http";
import { LOAD_TMP, PASSWORD, actionId, addReporters, optionValue, ensureBuild, freshDatabase, openDb, startServer, type BenchTenant } from "./load-setup";

const GOAL = { checkMs: 10_000, commitMs: 10_000, waitMs: 500 };
const IMPORT_TENANT = "huaihua";
const HEADER = ["区域代码", "指标代码", "年", "月", "数值", "备注"];

interface Options {
  rows: number;
  runs: number;
  providers: Provider[];
  port: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => optionValue(argv, name);
  const int = (name: string, fallback: number): number => {
    const n = Number(value(name) ?? fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
    return n;
  };
  const db = value("db") ?? "all";
  if (db !== "all" && !PROVIDERS.includes(db as Provider)) throw new Error(`--db must be sqlite, postgresql or all, got ${db}`);
  const providers = (db === "all" ? PROVIDERS : [db as Provider]).filter((p) => p === "sqlite" || process.env.BENCH_POSTGRES_URL);
  if (db === "postgresql" && providers.length === 0) throw new Error("--db postgresql needs BENCH_POSTGRES_URL (a server the bench may create a database on)");
  return { rows: int("rows", 10_000), runs: int("runs", 1), providers, port: int("port", 3310) };
}

const log = (msg: string): void => void process.stdout.write(`${msg}\n`);

interface ImportSetup {
  admin: string;
  /** region code × indicator code, in file order */
  cells: [string, string][];
  period: { year: number; month: number };
}

/** Bench counties under 怀化市's root, as many as an N-row file of every fillable indicator needs. */
async function addImportCounties(db: Db, rows: number, period: { year: number; month: number }): Promise<ImportSetup> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: IMPORT_TENANT } });
  const tenantId = tenant.id;
  const root = await db.region.findFirstOrThrow({ where: { tenantId, parentId: null } });
  const indicators = await db.indicator.findMany({ where: { tenantId, active: true, kind: { not: "RATIO" } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const count = Math.ceil(rows / indicators.length);
  const codes = Array.from({ length: count }, (_, i) => `BI${String(i + 1).padStart(4, "0")}`);
  await db.region.createMany({ data: codes.map((code, i) => ({ tenantId, code, name: `导入压测县${i + 1}`, level: "COUNTY" as const, parentId: root.id, sortOrder: 2000 + i })) });
  const admin = await db.user.findFirstOrThrow({ where: { tenantId, membership: { role: "ADMIN" } } });
  await db.user.update({ where: { id: admin.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const cells = codes.flatMap((code) => indicators.map((i) => [code, i.code] as [string, string])).slice(0, rows);
  return { admin: admin.account, cells, period };
}

/** The month file: a value per cell that differs from one version of the file to the next. */
async function monthFile(setup: ImportSetup, format: "xlsx" | "csv", version: number): Promise<File> {
  const { year, month } = setup.period;
  const rows = setup.cells.map(([region, indicator], k) => [region, indicator, year, month, 100 + ((k * 7 + version * 13) % 900), "压测导入"]);
  if (format === "xlsx") return new File([await writeSheet("填报模板", HEADER, rows)], `month-${version}.xlsx`);
  const text = "\uFEFF" + [HEADER, ...rows].map((r) => r.join(",")).join("\r\n") + "\r\n";
  return new File([text], `month-${version}.csv`, { type: "text/csv" });
}

type Phase = "alone" | "check" | "commit";
type Tagged = Sample & { phase: Phase; kind: "overview" | "save" };

/** The two other users: the leader's overview and a reporter's one-figure save, each in a loop, until stopped. */
function otherUsers(base: string, saveId: string, leader: string, reporter: string, bench: BenchTenant) {
  const samples: Tagged[] = [];
  let phase: Phase = "alone";
  let running = true;
  let version = 0;
  let round = 0;
  const leaderLoop = async () => {
    while (running) {
      const at = phase;
      samples.push({ ...(await openOverview(base, leader)), phase: at, kind: "overview" });
    }
  };
  const reporterLoop = async () => {
    while (running) {
      const at = phase;
      round++;
      const cell = { indicatorId: bench.indicatorIds[0]!, value: (1000 + round).toFixed(bench.precisions[0]!), note: "压测", version, confirmed: true };
      const sample = await save(base, saveId, reporter, { regionId: bench.reporters[0]!.regionId, ...bench.period, cells: [cell] });
      if (!sample.error) version++;
      samples.push({ ...sample, phase: at, kind: "save" });
    }
  };
  const loops = Promise.all([leaderLoop(), reporterLoop()]);
  return {
    samples,
    setPhase: (p: Phase) => void (phase = p),
    stop: async () => {
      running = false;
      await loops;
    },
  };
}

function waits(samples: Tagged[]): { p95: number; max: number; n: number; errors: number; worst: string } {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const worst = samples.reduce<Tagged | null>((w, s) => (!w || s.ms > w.ms ? s : w), null);
  return { p95: quantile(ms, 0.95), max: ms.at(-1) ?? NaN, n: ms.length, errors: samples.filter((s) => s.error).length, worst: worst?.kind ?? "—" };
}

const f = (ms: number) => (Number.isNaN(ms) ? "—" : `${ms.toFixed(0)} ms`);

interface Outcome {
  line: string;
  ok: boolean;
}

/** One file checked, then committed, while the other users work; its line of figures. */
async function importOnce(base: string, importId: string, admin: string, file: File, rows: number, others: ReturnType<typeof otherUsers>): Promise<Outcome> {
  const from = others.samples.length;
  others.setPhase("check");
  const check = await postForm(base, `/${IMPORT_TENANT}/entry`, importId, admin, { file, mode: "dryRun" });
  others.setPhase("commit");
  const commit = await postForm(base, `/${IMPORT_TENANT}/entry`, importId, admin, { file, mode: "commit" });
  others.setPhase("alone");
  const during = others.samples.slice(from).filter((s) => s.phase !== "alone");
  const c = waits(during.filter((s) => s.phase === "check"));
  const w = waits(during.filter((s) => s.phase === "commit"));
  const written = (commit.result as { data?: { written?: number } } | null)?.data?.written;
  const problems = [check.error && `check: ${check.error}`, commit.error && `commit: ${commit.error}`, written !== rows && `written ${written ?? "—"} of ${rows}`].filter(Boolean);
  const ok = problems.length === 0 && check.ms <= GOAL.checkMs && commit.ms <= GOAL.commitMs && Math.max(c.max, w.max) <= GOAL.waitMs && c.errors + w.errors === 0;
  const line = `${file.name.padEnd(14)} check ${f(check.ms)} · commit ${f(commit.ms)} · others during the check: ${c.n} requests, p95 ${f(c.p95)}, max ${f(c.max)} (${c.worst}) · during the commit: ${w.n}, p95 ${f(w.p95)}, max ${f(w.max)} (${w.worst})${c.errors + w.errors ? ` · ${c.errors + w.errors} errors` : ""}${problems.length ? ` · ${problems.join("; ")}` : ""}`;
  return { line, ok };
}

async function runProvider(provider: Provider, o: Options, port: number): Promise<boolean> {
  log(`\n== ${provider}: ${o.rows.toLocaleString("en")}-row month file, .xlsx then .csv, ${o.runs} run(s)`);
  const url = await freshDatabase(provider);
  const setupDb = openDb(url);
  const [bench, setup] = await (async () => {
    const b = await addReporters(setupDb, 1, 1);
    return [b, await addImportCounties(setupDb, o.rows, b.period)] as const;
  })().finally(() => setupDb.$disconnect());
  const server = await startServer(url, port, path.join(LOAD_TMP, `import-server-${provider}.log`));
  let ok = true;
  try {
    const importId = actionId("lib/actions/import-fills.ts", "importFills");
    const saveId = actionId("lib/actions/save-fills.ts", "saveFills");
    const [admin, leader, reporter] = [await signIn(server.base, setup.admin), await signIn(server.base, bench.leader), await signIn(server.base, bench.reporters[0]!.account)];
    // the server's first requests compile and connect: a small import and each request once, untimed
    const small = await monthFile({ ...setup, cells: setup.cells.slice(0, 10) }, "csv", 0);
    await postForm(server.base, `/${IMPORT_TENANT}/entry`, importId, admin, { file: small, mode: "dryRun" });
    const others = otherUsers(server.base, saveId, leader, reporter, bench);
    // the same requests with no import running, for comparison: at least 5 s and 6 requests after the first two
    const started = performance.now();
    while (performance.now() - started < 5_000 || others.samples.length < 8) await new Promise((resolve) => setTimeout(resolve, 200));
    const alone = waits(others.samples.slice(2));
    log(`others alone: ${alone.n} requests, p95 ${f(alone.p95)}, max ${f(alone.max)}`);
    for (let run = 1; run <= o.runs; run++) {
      for (const [k, format] of (["xlsx", "csv"] as const).entries()) {
        const outcome = await importOnce(server.base, importId, admin, await monthFile(setup, format, run * 2 + k), o.rows, others);
        log(outcome.line);
        ok = outcome.ok && ok;
      }
    }
    await others.stop();
    log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
  } finally {
    await server.stop();
  }
  return ok;
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  if (!o.providers.includes("postgresql")) log("PostgreSQL: skipped (set BENCH_POSTGRES_URL to a server the bench may create a database on)");
  ensureBuild();
  log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
  log(`goals: check ≤ ${GOAL.checkMs / 1000} s, commit ≤ ${GOAL.commitMs / 1000} s, every other request during an import ≤ ${GOAL.waitMs} ms`);
  let ok = true;
  for (const [k, provider] of o.providers.entries()) ok = (await runProvider(provider, o, o.port + k)) && ok;
  if (!ok) {
    log("\nGOAL NOT MET (see the lines above)");
    process.exit(1);
  }
}

await main();
