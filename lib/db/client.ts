/**
 * The single Prisma client of the app. The provider is chosen at runtime from
 * DATABASE_URL (file: → SQLite through better-sqlite3, postgres:// → PostgreSQL through
 * node-postgres); both generated clients have identical model types, so the rest of
 * the code sees one `Db` type. See docs/decisions/001-sqlite-and-postgresql.md.
 *
 * Only lib/data (the tenant-scoped data-access layer), the seed, scripts and tests
 * import this module.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client";
import { postgresReader, sqliteReader, type RawResult, type Reader } from "./reader";
import { withRetry } from "./retry";
import { databaseUrl, parseDatabaseUrl } from "./url";

export type Db = SqliteClient;
export type Provider = "sqlite" | "postgresql";

const providers = new WeakMap<Db, Provider>();
const readers = new WeakMap<Db, Reader>();

/** Which database a client talks to (for the few raw SQL statements that differ). */
export function providerOf(db: Db): Provider {
  const provider = providers.get(db);
  if (!provider) throw new Error("not a client made by createDb");
  return provider;
}

/**
 * A read-only statement through the client's driver, prepared once (lib/db/reader.ts,
 * decision 007) — for the dashboards' roll-up query; never inside a transaction.
 */
export function readRaw(db: Db, sql: string, values: readonly unknown[]): Promise<RawResult> {
  const reader = readers.get(db);
  if (!reader) throw new Error("not a client made by createDb");
  return reader.query(sql, values);
}

/**
 * The client closes its raw reader with itself, and runs every interactive transaction
 * through withRetry (lib/db/retry.ts): a transient failure reruns the whole transaction.
 */
function register(client: Db, provider: Provider, reader: Reader): Db {
  providers.set(client, provider);
  readers.set(client, reader);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await reader.close();
    await disconnect();
  };
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.$transaction = ((arg: unknown, options?: unknown) =>
    // a batch (an array of queries) is run once: its promises cannot be run again
    typeof arg === "function" ? withRetry(() => transaction(arg, options)) : transaction(arg, options)) as Db["$transaction"];
  return client;
}

/** Busy timeout: the seed, the server and tests may touch the SQLite file at once. */
const SQLITE_TIMEOUT_MS = 10_000;

/**
 * Interactive transactions: the wait for a connection (PostgreSQL pool) and the longest
 * run. Month-end bursts queue many short saves, so the wait is longer than Prisma's 2 s;
 * what still times out is retried (withRetry) before the user sees an error.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };
/** PostgreSQL connections per process: readers and saves of a month-end burst share them. */
const POOL_SIZE = 20;

/**
 * Write-ahead logging: readers (the dashboards' raw reader, other requests) go on while a
 * save commits, instead of waiting for the file's rollback-journal lock. The mode is
 * stored in the file, so setting it once per process is enough.
 */
function enableWal(file: string): void {
  if (!fs.existsSync(file)) return;
  const connection = new Database(file, { timeout: SQLITE_TIMEOUT_MS });
  try {
    connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

export function createDb(url: string = databaseUrl()): Db {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    enableWal(target.file);
    const adapter = new PrismaBetterSQLite3({ url: target.file, timeout: SQLITE_TIMEOUT_MS });
    const client = new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    return register(client, "sqlite", sqliteReader(target.file, SQLITE_TIMEOUT_MS));
  }
  const { host, port, user, password, database, schema } = target;
  // JIT compilation pays off for long reports, not for the dashboards' short roll-ups,
  // whose planning it would multiply (decision 006); a schema in the URL is searched first.
  const options = ["-c jit=off", ...(schema ? [`-c search_path=${schema}`] : [])].join(" ");
  // one pool for Prisma and the raw reader; the reader's close ends it
  const pool = new pg.Pool({ host, port, user, password, database, max: POOL_SIZE, options });
  // an idle connection the server closed (restart, dropped database) leaves the pool by
  // itself; without a listener its error would end the process
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { schema });
  // Same models, same query API: the PostgreSQL client is used through the shared type.
  const client = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
  return register(client, "postgresql", postgresReader(pool));
}

const globalForDb = globalThis as unknown as { stiDb?: Db };

/** The process-wide client (reused across hot reloads in development). */
export const db: Db = globalForDb.stiDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.stiDb = db;
