/**
 * Sign-in throttling, per account and per client address, kept in the database
 * (SignInAttempt) so that every server process sees the same counters.
 *
 * Policy: within a window of WINDOW_MS, ACCOUNT_LIMIT failures for one account (or
 * ADDRESS_LIMIT failures from one address) lock that key for LOCK_MS. A locked key is
 * refused before the password is even verified. A successful sign-in clears the
 * account's counter (not the address's). Server only. See docs/decisions/005.
 */
import type { Db } from "@/lib/db/client";

const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 20;

export function accountKey(account: string): string {
  return `account:${account.trim().toLowerCase()}`;
}
export function addressKey(address: string): string {
  return `ip:${address}`;
}

/** Seconds the caller must still wait (> 0) when any of the keys is locked, else 0. */
export async function throttledFor(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.signInAttempt.findMany({ where: { key: { in: keys } } });
  let wait = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) {
      wait = Math.max(wait, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Counts one failure against each key; locks a key that reaches its limit. */
export async function recordFailure(db: Db, keys: { key: string; limit: number }[], now = new Date()): Promise<void> {
  for (const { key, limit } of keys) {
    const row = await db.signInAttempt.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS || (row.lockedUntil !== null && row.lockedUntil <= now);
    if (fresh) {
      const failures = 1;
      const lockedUntil = failures >= limit ? new Date(now.getTime() + LOCK_MS) : null;
      await db.signInAttempt.upsert({
        where: { key },
        create: { key, failures, windowStart: now, lockedUntil },
        update: { failures, windowStart: now, lockedUntil },
      });
    } else {
      // atomic increment so that concurrent failures from several processes all count
      const updated = await db.signInAttempt.update({ where: { key }, data: { failures: { increment: 1 } } });
      if (updated.failures >= limit && !updated.lockedUntil) {
        await db.signInAttempt.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + LOCK_MS) } });
      }
    }
  }
}

/** A successful sign-in forgets the account's failures. */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key } });
}

/**
 * The client address of a sign-in request. Trust assumption: the app runs behind one
 * reverse proxy that sets X-Real-IP / X-Forwarded-For (the first entry is the client).
 * Without a proxy these headers are client-controlled, so an attacker could rotate them
 * to dodge the per-address limit — the per-account limit still holds.
 */
export function clientAddress(headers: Record<string, unknown> | undefined | null): string {
  const h = (name: string): string | null => {
    const v = headers?.[name];
    return typeof v === "string" && v.trim() ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : null;
  };
  const real = h("x-real-ip");
  if (real) return real.trim().slice(0, 64);
  const forwarded = h("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0]!.trim().slice(0, 64);
  return "unknown";
}
