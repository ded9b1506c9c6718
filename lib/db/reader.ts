/**
 * The read path of the dashboards' roll-up query (decision 007): the statement goes to
 * the driver underneath Prisma — better-sqlite3 or node-postgres — with its prepared form
 * kept, instead of through `$queryRawUnsafe`, which prepares the statement anew on every
 * call (SQLite: ~1 ms for the roll-up) and converts every row twice.
 *
 * - SQLite: a second, read-only connection to the same file, opened on first use, with
 *   64-bit integers returned exactly (BigInt) and a small cache of prepared statements.
 *   It sees every committed write of the Prisma connection (same file, same process).
 * - PostgreSQL: the pool the Prisma adapter uses (one pool per client); statements are
 *   prepared once per connection under a name derived from their text.
 *
 * Only for reads outside transactions. Rows come back as arrays in column order (a third
 * of the garbage of keyed objects for the roll-up's 30 columns), with integers as the
 * driver gives them (bigint on SQLite, string for BIGINT on PostgreSQL): callers convert.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type pg from "pg";

export interface RawResult {
  columns: string[];
  rows: unknown[][];
}

export interface Reader {
  query(sql: string, values: readonly unknown[]): Promise<RawResult>;
  close(): Promise<void>;
}

/**
 * The read connection's page cache. SQLite's default (2 MiB) holds less than a dashboard's
 * two statements touch at national scale: the roll-up and the month's reports then evict
 * each other's pages on every load (measured: the national ranking's two reads 41 ms in
 * turn against 24 ms apart; with 64 MiB, 23 ms). Allocated only as pages are read.
 */
export const SQLITE_READER_CACHE_KIB = 65536;

/** Prepared statements kept per connection (the roll-up has a handful of shapes per tenant). */
const STATEMENT_CACHE_SIZE = 64;

export function sqliteReader(file: string, timeoutMs: number): Reader {
  let connection: Database.Database | null = null;
  const statements = new Map<string, { statement: Database.Statement; columns: string[] }>();
  const open = (): Database.Database => {
    if (!connection) {
      connection = new Database(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
      connection.defaultSafeIntegers(true);
      connection.pragma(`cache_size = -${SQLITE_READER_CACHE_KIB}`);
    }
    return connection;
  };
  const prepared = (sql: string) => {
    let entry = statements.get(sql);
    if (entry) {
      // most recently used last
      statements.delete(sql);
    } else {
      const statement = open().prepare(sql).raw(true);
      entry = { statement, columns: statement.columns().map((c) => c.name) };
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, entry);
    return entry;
  };
  return {
    async query(sql, values) {
      const { statement, columns } = prepared(sql);
      return { columns, rows: statement.all(...values) as unknown[][] };
    },
    async close() {
      statements.clear();
      connection?.close();
      connection = null;
    },
  };
}

/** A statement's name on the server: stable for its text, short, never shared by two texts. */
function statementName(sql: string): string {
  return `sti_${createHash("sha256").update(sql).digest("base64url").slice(0, 32)}`;
}

export function postgresReader(pool: pg.Pool): Reader {
  const names = new Map<string, string>();
  return {
    async query(sql, values) {
      let name = names.get(sql);
      if (!name) {
        name = statementName(sql);
        if (names.size >= STATEMENT_CACHE_SIZE) names.delete(names.keys().next().value!);
        names.set(sql, name);
      }
      const result = await pool.query<unknown[]>({ name, text: sql, values: values as unknown[], rowMode: "array" });
      return { columns: result.fields.map((f) => f.name), rows: result.rows };
    },
    async close() {
      await pool.end();
    },
  };
}
