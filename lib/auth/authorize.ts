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
import { loadUser } from "./user";

export const credentialsSchema = z.object({
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

export async function authorizeCredentials(db: Db, input: unknown): Promise<SessionUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { account, password } = parsed.data;

  const loaded = await loadUser(db, { account });
  if (!loaded) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(loaded.passwordHash, password))) return null;

  await db.user.update({ where: { id: loaded.user.userId }, data: { lastSignInAt: new Date() } });
  return loaded.user;
}
