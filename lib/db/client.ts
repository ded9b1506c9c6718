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
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../generated/postgresql/client";
import { databaseUrl, parseDatabaseUrl } from "./url";

export type Db = SqliteClient;

export function createDb(url: string = databaseUrl()): Db {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    // busy timeout: the seed, the server and tests may touch the file at once
    return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.file, timeout: 10_000 }) });
  }
  const { host, port, user, password, database, schema } = target;
  const adapter = new PrismaPg({ host, port, user, password, database, max: 10 }, { schema });
  // Same models, same query API: the PostgreSQL client is used through the shared type.
  return new PostgresClient({ adapter }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { stiDb?: Db };

/** The process-wide client (reused across hot reloads in development). */
export const db: Db = globalForDb.stiDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.stiDb = db;
