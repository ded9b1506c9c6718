/**
 * Shared mocks for calling server actions and route handlers in integration tests: the
 * session returns `signedIn.user`, translators return the key. Register with
 * `vi.mock("@/lib/auth/session", () => sessionMock)` etc. in the test file.
 */
import type { Db } from "../../lib/db/client";
import { loadUser } from "../../lib/auth/user";
import type { SessionUser } from "../../lib/auth/types";

export const signedIn: { user: SessionUser | null } = { user: null };

export async function signInAs(db: Db, account: string): Promise<SessionUser> {
  const loaded = await loadUser(db, { account });
  if (!loaded) throw new Error(`no account ${account}`);
  signedIn.user = loaded.user;
  return loaded.user;
}

export const keyTranslator = async () => (key: string) => key;
