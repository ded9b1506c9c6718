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
import { UNKNOWN_ADDRESS, consumeAttempt } from "./throttle";
import { THROTTLED_PREFIX } from "./throttle-message";
import { loadUser } from "./user";
import { hasControlCharacters } from "@/lib/schemas/text";

/** Thrown (and passed by next-auth to the form as its error code) when a sign-in is throttled. */
export class ThrottledError extends Error {
  constructor(readonly seconds: number) {
    super(`${THROTTLED_PREFIX}${seconds}`);
    this.name = "ThrottledError";
  }
}

const credentialsSchema = z.object({
  account: z.string().trim().min(1).max(64).refine((v) => !hasControlCharacters(v)),
  password: z.string().min(1).max(256),
});

/** A signed-in user and the session version their session is issued under. */
export type SignedIn = SessionUser & { sessionVersion: number };

let dummyHash: Promise<string> | undefined;
/** A hash nobody knows the password of, verified when the account does not exist, so
 * that unknown accounts and wrong passwords take about the same time. */
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${randomUUID()}`);
  return dummyHash;
}

/**
 * Throws ThrottledError when the account or the address has used up its attempts: the
 * attempt is counted before the password is verified, so a burst gets no further than the
 * limit; a success gives back only its own attempt.
 */
export async function authorizeCredentials(db: Db, input: unknown, address = UNKNOWN_ADDRESS): Promise<SignedIn | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { account, password } = parsed.data;

  const attempt = await consumeAttempt(db, account, address);
  if (attempt.waitSeconds > 0) throw new ThrottledError(attempt.waitSeconds);

  const loaded = await loadUser(db, { account });
  if (!loaded) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(loaded.passwordHash, password))) return null;

  await attempt.succeeded();
  await db.user.update({ where: { id: loaded.user.userId }, data: { lastSignInAt: new Date() } });
  return { ...loaded.user, sessionVersion: loaded.sessionVersion };
}
