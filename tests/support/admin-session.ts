/**
 * Helpers for calling server actions in integration tests: a SessionUser built from a
 * seeded account, and a key-returning translator. Use with, in the test file:
 *
 *   const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
 *   vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
 *   vi.mock("next-intl/server", () => keyTranslations());
 *   vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
 */
import type { SessionUser } from "../../lib/auth/types";
import { loadUser } from "../../lib/auth/user";
import type { Db } from "../../lib/db/client";

export async function sessionFor(db: Db, account: string): Promise<SessionUser> {
  const loaded = await loadUser(db, { account });
  if (!loaded) throw new Error(`no such account: ${account}`);
  return { ...loaded.user, mustChangePassword: false };
}

/** next-intl/server replacement: t(key, values) → "Ns.key" (values appended as JSON). */
export function keyTranslations() {
  return {
    getTranslations: async (ns?: string) => (key: string, values?: Record<string, unknown>) =>
      `${ns ? `${ns}.` : ""}${key}${values && Object.keys(values).length ? ` ${JSON.stringify(values)}` : ""}`,
    getLocale: async () => "zh-CN",
  };
}
