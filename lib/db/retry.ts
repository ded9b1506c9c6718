/**
 * Transient database failures and the one retry of them. A transaction that failed for a
 * reason that says nothing about its content — no connection free in time, a write
 * conflict, a serialization failure or deadlock, a busy SQLite file, a dropped
 * connection — is rolled back by the database and run again whole, a bounded number of
 * times with jittered back-off, before anyone sees an error (lib/db/client.ts wraps every
 * interactive `$transaction` with `withRetry`). Optimistic versions make a rerun safe
 * even when a dropped connection hid a commit: the rerun then finds the version moved and
 * reports a conflict instead of writing twice.
 */

/** Prisma's codes for a failure of the moment (docs: prisma error reference). */
const TRANSIENT_PRISMA = new Set([
  "P1001", // database not reachable (a restart)
  "P1008", // operation timed out — SQLITE_BUSY through the better-sqlite3 adapter
  "P1017", // server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "P2028", // transaction API: could not start in time (pool wait), or expired
  "P2034", // write conflict or deadlock, "please retry your transaction"
  "P2037", // too many database connections
]);

/** PostgreSQL SQLSTATEs: serialization failure, deadlock, shutdown, connection failures. */
const TRANSIENT_SQLSTATE = /^(40001|40P01|57P01|57P02|57P03|08\w{3})$/;

/** Driver messages that carry no code (node-postgres pool and socket, better-sqlite3). */
const TRANSIENT_MESSAGE = /SQLITE_BUSY|database is locked|Connection terminated|timeout exceeded when trying to connect|ECONNRESET|Unable to start a transaction in the given time/i;

function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== "object" || error === null || depth > 4) return [];
  const e = error as { code?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown; originalCode?: unknown };
  const own = [e.code, e.originalCode].filter((c): c is string => typeof c === "string");
  return [...own, ...codesOf(e.meta?.driverAdapterError, depth + 1), ...codesOf(e.cause, depth + 1)];
}

function messagesOf(error: unknown, depth = 0): string {
  if (typeof error !== "object" || error === null || depth > 4) return "";
  const e = error as { message?: unknown; cause?: unknown };
  return `${typeof e.message === "string" ? e.message : ""}\n${messagesOf(e.cause, depth + 1)}`;
}

/** Whether a failure is of the moment, so the same work may succeed when run again. */
export function isTransient(error: unknown): boolean {
  const codes = codesOf(error);
  if (codes.some((c) => TRANSIENT_PRISMA.has(c) || TRANSIENT_SQLSTATE.test(c))) return true;
  return TRANSIENT_MESSAGE.test(messagesOf(error));
}

export interface RetryPolicy {
  /** runs in all, the first included */
  attempts: number;
  /** the back-off before run k+1 is a random share of base × 2^k ms */
  baseDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 25 };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work`, and again while it fails transiently, at most `policy.attempts` times. */
export async function withRetry<T>(work: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      // full jitter: the runs that collided do not collide again in step
      await pause(Math.random() * policy.baseDelayMs * 2 ** attempt);
    }
  }
}
