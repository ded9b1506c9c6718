/**
 * Test helpers for the reporting actions: a switchable signed-in user (tests mock
 * "@/lib/auth/session" to read `current`) and a next-intl translator that returns the key
 * followed by its values, so assertions can see both.
 */
import type { SessionUser } from "../../lib/auth/types";
import { loadUser } from "../../lib/auth/user";
import type { Db } from "../../lib/db/client";

export const current: { user: SessionUser | null } = { user: null };

export async function signInAs(db: Db, account: string): Promise<SessionUser> {
  const row = await db.user.findUniqueOrThrow({ where: { account } });
  const loaded = await loadUser(db, { id: row.id });
  if (!loaded) throw new Error(`cannot load ${account}`);
  current.user = loaded.user;
  return loaded.user;
}

export function keyTranslator(namespace?: string) {
  return (key: string, values?: Record<string, unknown>) =>
    `${namespace ? `${namespace}.` : ""}${key}${values && Object.keys(values).length ? ` ${JSON.stringify(values)}` : ""}`;
}
