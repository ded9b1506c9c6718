/**
 * Sign-in throttling, per account and per client address, kept in the database
 * (SignInAttempt, through rate-limiter-flexible's Prisma store) so that every server
 * process shares the same counters.
 *
 * Policy: every attempt consumes one point of its account (ACCOUNT_LIMIT per WINDOW_S)
 * and of its address (ADDRESS_LIMIT per WINDOW_S) BEFORE the password is verified. The
 * store increments in one statement, so however many attempts arrive at once, at most
 * the limit of them get through to verification; the rest are refused and the key is
 * blocked for BLOCK_S. A success gives back its own point only — it never resets the
 * counter for the guesses beside it. Server only. See docs/decisions/015.
 */
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/client";

const WINDOW_S = 15 * 60;
export const BLOCK_S = 15 * 60;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

/** The address of a request whose client is not known (no socket address handed over). */
export const UNKNOWN_ADDRESS = "unknown";

interface Limiters {
  account: RateLimiterPrisma;
  address: RateLimiterPrisma;
}

const perDb = new WeakMap<Db, Limiters>();

function limiter(db: Db, keyPrefix: string, points: number): RateLimiterPrisma {
  // the Prisma client property of the SignInAttempt model (key, points, expire)
  return new RateLimiterPrisma({ storeClient: db, tableName: "signInAttempt", keyPrefix, points, duration: WINDOW_S, blockDuration: BLOCK_S });
}

function limitersOf(db: Db): Limiters {
  let limiters = perDb.get(db);
  if (!limiters) {
    limiters = { account: limiter(db, "account", ACCOUNT_LIMIT), address: limiter(db, "ip", ADDRESS_LIMIT) };
    perDb.set(db, limiters);
  }
  return limiters;
}

function accountKey(account: string): string {
  return account.trim().toLowerCase();
}

/** One sign-in attempt's claim on the counters: what it consumed, to give back on success. */
export interface Attempt {
  /** seconds to wait when refused, else 0 (nothing may be verified then) */
  waitSeconds: number;
  /** gives back this attempt's own points (a successful sign-in) */
  succeeded(): Promise<void>;
}

function isRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/**
 * Consumes one point of the account and (when known) of the address. Refused when either
 * is over its limit; a store failure propagates (the caller answers "unavailable").
 */
export async function consumeAttempt(db: Db, account: string, address: string): Promise<Attempt> {
  const limiters = limitersOf(db);
  const claims: { limiter: RateLimiterPrisma; key: string }[] = [{ limiter: limiters.account, key: accountKey(account) }];
  // without a known address there is no per-address bucket: one shared "unknown" key would
  // let anyone lock everybody out; the per-account limit still holds
  if (address !== UNKNOWN_ADDRESS) claims.push({ limiter: limiters.address, key: address });
  const results = await Promise.allSettled(claims.map((c) => c.limiter.consume(c.key)));
  let waitMs = 0;
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    if (!isRefusal(r.reason)) throw r.reason;
    waitMs = Math.max(waitMs, r.reason.msBeforeNext);
  }
  const refused = results.some((r) => r.status === "rejected");
  return {
    waitSeconds: refused ? Math.max(1, Math.ceil(waitMs / 1000)) : 0,
    async succeeded() {
      await Promise.all(claims.map((c) => c.limiter.reward(c.key, 1)));
    },
  };
}
