/**
 * Credentials check for next-auth: account name (账号) + password. Returns the
 * SessionUser, or null for any failure — the caller shows one generic message and
 * never reveals whether the account or the password was wrong. Server only.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import type { SessionUser } from "./types";
import {
  ACCOUNT_LIMIT,
  ADDRESS_LIMIT,
  accountKey,
  addressKey,
  clearFailures,
  recordFailure,
  throttledFor,
} from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";
import { loadUser } from "./user";

/** Thrown (and passed by next-auth to the form as its error code) when a sign-in is throttled. */
export class ThrottledError extends Error {
  constructor(readonly seconds: number) {
    super(`${THROTTLED_PREFIX}${seconds}`);
    this.name = "ThrottledError";
  }
}

const credentialsSchema = z.object({
  account: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

let dummyHash: Promise<string> | undefined;
/** A hash nobody knows the password of, verified when the account does not exist, so
 * that unknown accounts and wrong passwords take about the same time. */
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${randomUUID()}`);
  return dummyHash;
}

/**
 * Throws ThrottledError while the account or the address is locked (checked before the
 * password is verified); every failure counts against both.
 */
export async function authorizeCredentials(db: Db, input: unknown, address = "unknown"): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { account, password } = parsed.data;

  // an unknown address (no proxy header) is not counted: one shared "unknown" key would let
  // anyone lock everybody out; the per-account limit still applies
  const limits = [{ key: accountKey(account), limit: ACCOUNT_LIMIT }];
  if (address !== "unknown") limits.push({ key: addressKey(address), limit: ADDRESS_LIMIT });
  const keys = limits.map((l) => l.key);
  const wait = await throttledFor(db, keys);
  if (wait > 0) throw new ThrottledError(wait);
  const fail = async (): Promise<null> => {
    await recordFailure(db, limits);
    return null;
  };

  const loaded = await loadUser(db, { account });
  if (!loaded) {
    await verifyPassword(await timingDummyHash(), password);
    return fail();
  }
  if (!(await verifyPassword(loaded.passwordHash, password))) return fail();

  await clearFailures(db, keys[0]!);
  await db.user.update({ where: { id: loaded.user.userId }, data: { lastSignInAt: new Date() } });
  return loaded.user;
}
