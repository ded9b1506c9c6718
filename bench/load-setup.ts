/**
 * The load benchmark's preparation (bench/load.ts): the production build, a fresh seeded
 * database per provider with one bench county and reporter per simulated reporter, and a
 * production server on it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "../lib/auth/password";
import { createDb, type Db } from "../lib/db/client";
import { chinaMonth } from "../lib/reporting/locks";
import { ROOT, pgAdminUrl, pgUrlFor, type Provider } from "./config";

export const LOAD_TMP = path.join(ROOT, ".tmp", "bench-load");
/** The tenant the bench counties are added to (a demo tenant of the seed). */
export const TENANT = "xiangxi";
export const PASSWORD = "bench-load-1234";
const SECRET = "bench-load-only-secret-bench-load-only-secret";

const log = (msg: string): void => void process.stdout.write(`${msg}\n`);

/** The newest modification time under the paths the build reads. */
function newestSource(): number {
  let newest = 0;
  const visit = (p: string): void => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "messages", "i18n", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json"]) visit(path.join(ROOT, p));
  return newest;
}

/** `next build` when there is no build or a source file is newer than it. */
export function ensureBuild(): void {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  const built = fs.statSync(id, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > newestSource()) {
    log("production build: up to date (.next)");
    return;
  }
  log(built === 0 ? "production build: none yet, running next build" : "production build: sources changed since, running next build");
  const res = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (res.status !== 0) throw new Error("next build failed");
}

function run(cmd: string, args: string[], env: Record<string, string>): void {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

/** A fresh database of the provider: migrated and seeded with the demo tenants. */
export async function freshDatabase(provider: Provider): Promise<string> {
  fs.mkdirSync(LOAD_TMP, { recursive: true });
  let url: string;
  if (provider === "sqlite") {
    const file = path.join(LOAD_TMP, "load.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    url = `file:${file}`;
  } else {
    const name = `${process.env.BENCH_PG_DATABASE_PREFIX || "sti_bench"}_load`;
    const admin = new pg.Client({ connectionString: pgAdminUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    url = pgUrlFor(name);
  }
  run("npx", ["tsx", "scripts/db-migrate.ts"], { DATABASE_URL: url });
  run("npx", ["tsx", "scripts/seed.ts"], { DATABASE_URL: url });
  return url;
}

export interface BenchReporter {
  account: string;
  regionId: string;
}

export interface BenchTenant {
  tenantId: string;
  reporters: BenchReporter[];
  /** the indicators a save writes, in order */
  indicatorIds: string[];
  /** their precisions (decimal places a value may have) */
  precisions: number[];
  period: { year: number; month: number };
  leader: string;
}

/**
 * N bench counties under the tenant's root, each with its own reporter: every reporter
 * writes cells no one else writes, so a lost update cannot hide behind a legitimate
 * conflict. The period is the current month (open for entry from its first day); the
 * counties have no figures yet, so every first save creates its cells.
 */
export async function addReporters(db: Db, count: number, figures: number): Promise<BenchTenant> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: TENANT } });
  const tenantId = tenant.id;
  const root = await db.region.findFirstOrThrow({ where: { tenantId, parentId: null } });
  const passwordHash = await hashPassword(PASSWORD);
  const reporters: BenchReporter[] = [];
  for (let i = 1; i <= count; i++) {
    const code = `BL${String(i).padStart(4, "0")}`;
    const region = await db.region.create({ data: { tenantId, code, name: `压测县${i}`, level: "COUNTY", parentId: root.id, sortOrder: 1000 + i } });
    const account = `bench-load-${i}`;
    const user = await db.user.create({ data: { account, name: `压测填报员${i}`, passwordHash, mustChangePassword: false, tenantId } });
    await db.membership.create({ data: { tenantId, userId: user.id, role: "REPORTER", regionId: region.id } });
    reporters.push({ account, regionId: region.id });
  }
  const indicators = await db.indicator.findMany({ where: { tenantId, active: true, kind: { not: "RATIO" } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  if (indicators.length < figures) throw new Error(`the tenant has ${indicators.length} fillable indicators, fewer than ${figures}`);
  const leader = await db.user.findFirstOrThrow({ where: { tenantId, membership: { role: "LEADER" } } });
  await db.user.update({ where: { id: leader.id }, data: { passwordHash } });
  return { tenantId, reporters, indicatorIds: indicators.slice(0, figures).map((i) => i.id), precisions: indicators.slice(0, figures).map((i) => i.precision), period: chinaMonth(new Date()), leader: leader.account };
}

export interface Server {
  base: string;
  stop: () => Promise<void>;
}

/** `next start` on the database, in a process group of its own; resolves once it answers. */
export async function startServer(url: string, port: number, logFile: string): Promise<Server> {
  const base = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", out, out],
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: SECRET, STI_NOW: "", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}); see ${logFile}`);
    const ok = await fetch(`${base}/signin`).then((r) => r.status < 500, () => false);
    if (ok) return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(`the server did not answer at ${base} within 120 s; see ${logFile}`);
}

/** The id of a server action in the build (what the browser sends as Next-Action). */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`no server action ${exportedName} of ${file} in the build`);
  return hit[0];
}

export function openDb(url: string): Db {
  return createDb(url);
}

/** A command-line option's value: `--name value` or `--name=value`. */
export function optionValue(argv: readonly string[], name: string): string | undefined {
  const k = argv.indexOf(`--${name}`);
  return k >= 0 ? argv[k + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
