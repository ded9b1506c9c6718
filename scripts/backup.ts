/**
 * Backup and restore of the database named by DATABASE_URL.
 *
 *   npm run backup                       → backups/sti-<provider>-<UTC stamp>.(db|dump)
 *   npm run backup -- <file>
 *   npm run restore -- <file> --yes      (replaces every table of the database)
 *
 * SQLite: SQLite's online backup API (better-sqlite3 `.backup()`), page by page, safe while
 * the server writes; restore copies the backup back the same way. PostgreSQL: pg_dump in
 * its custom format and pg_restore --clean in one transaction; Debian's postgresql-client
 * is installed with apt where the tools are missing. Stop the app servers before a
 * restore: their caches and open connections belong to the database of before.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { databaseUrl, parseDatabaseUrl, type DatabaseTarget } from "../lib/db/url";

type Postgres = Extract<DatabaseTarget, { provider: "postgresql" }>;

function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "pipe"], encoding: "utf8", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}):\n${result.stderr ?? ""}`);
}

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** pg_dump and pg_restore, installed from Debian's postgresql-client when missing. */
function ensurePostgresTools(): void {
  if (has("pg_dump") && has("pg_restore")) return;
  const apt = (args: string[]) => (process.getuid?.() === 0 ? run("apt-get", args, { stdio: "inherit" }) : run("sudo", ["apt-get", ...args], { stdio: "inherit" }));
  console.error("pg_dump/pg_restore missing: installing postgresql-client with apt");
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "postgresql-client"]);
}

/** The connection of the libpq tools, passed in their environment (no password on a command line). */
function libpqEnv(t: Postgres): NodeJS.ProcessEnv {
  return { ...process.env, PGHOST: t.host, PGPORT: String(t.port), PGUSER: t.user, PGDATABASE: t.database, ...(t.password ? { PGPASSWORD: t.password } : {}) };
}

export async function backupDatabase(url: string, file: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.provider === "sqlite") {
    const source = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return;
  }
  ensurePostgresTools();
  const schema = target.schema ? [`--schema=${target.schema}`] : [];
  run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", ...schema, `--file=${file}`], { env: libpqEnv(target) });
}

export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`no such backup: ${file}`);
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const backup = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(target.file);
    } finally {
      backup.close();
    }
    return;
  }
  ensurePostgresTools();
  const args = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", `--dbname=${target.database}`, file];
  run("pg_restore", args, { env: libpqEnv(target) });
}

function defaultFile(url: string): string {
  const provider = parseDatabaseUrl(url).provider;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  return path.join("backups", `sti-${provider}-${stamp}.${provider === "sqlite" ? "db" : "dump"}`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const url = databaseUrl();
  const file = rest.find((a) => !a.startsWith("--"));
  if (command === "backup") {
    const out = file ?? defaultFile(url);
    await backupDatabase(url, out);
    console.log(`backup written: ${out}`);
  } else if (command === "restore") {
    if (!file || !rest.includes("--yes")) throw new Error("usage: npm run restore -- <file> --yes   (replaces every table of the database of DATABASE_URL)");
    await restoreDatabase(url, file);
    console.log(`restored from ${file}; start the app servers again`);
  } else {
    throw new Error("usage: tsx scripts/backup.ts backup [file] | restore <file> --yes");
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
