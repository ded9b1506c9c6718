/**
 * Sessions end on the server: after a sign-out (that session), a password change and a
 * deactivation (every session of the user) the cookie of before is refused by the session check every page, route and action goes
 * through (lib/auth/session.ts), even though the signed token itself is still unexpired.
 * The token is made by the real next-auth callbacks; only reading it from the cookie is
 * stubbed. A database failure during sign-in reaches the page only as the product's own code.
 * Runs on SQLite and PostgreSQL.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
let cookieSession: Session | null = null;
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => cookieSession }));
// a database failure inside the credentials check, on demand
const failure = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock("../../lib/auth/authorize", async (original) => {
  const real = await original<typeof import("../../lib/auth/authorize")>();
  return { ...real, authorizeCredentials: (...args: Parameters<typeof real.authorizeCredentials>) => (failure.error ? Promise.reject(failure.error) : real.authorizeCredentials(...args)) };
});

import type { Db } from "../../lib/db/client";
import { authorizeCredentials } from "../../lib/auth/authorize";
import { authOptions } from "../../lib/auth/options";
import { hashPassword } from "../../lib/auth/password";
import { getSessionUser } from "../../lib/auth/session";
import { changePassword } from "../../lib/actions/change-password";
import { testDb, testProvider } from "../support/db";

const PASSWORD = "first-password-1";

/** Signs in through the credentials check and next-auth's callbacks: the token and the session it yields. */
async function signIn(db: Db, account: string, password = PASSWORD): Promise<{ token: JWT; session: Session }> {
  const user = await authorizeCredentials(db, { account, password }, "198.51.100.20");
  if (!user) throw new Error(`sign-in refused: ${account}`);
  const token = (await authOptions.callbacks!.jwt!({ token: {}, user: { id: user.userId, ...user }, account: null, trigger: "signIn" } as never)) as JWT;
  const session = (await authOptions.callbacks!.session!({ session: { expires: new Date(Date.now() + 3_600_000).toISOString() }, token } as never)) as Session;
  return { token, session };
}

async function signOut(token: JWT, session: Session): Promise<void> {
  await authOptions.events!.signOut!({ token, session } as never);
}

/** What a request carrying the given sign-in's cookie gets: the user, or null (signed out). */
async function requestWith(session: Session) {
  cookieSession = session;
  return getSessionUser();
}

describe(`sessions end on the server (${testProvider()})`, () => {
  let db: Db;
  let hash: string;
  const createAccount = (account: string) => db.user.create({ data: { account, name: account, passwordHash: hash, isPlatformAdmin: true, mustChangePassword: false } });

  beforeAll(async () => {
    db = testDb();
    hash = await hashPassword(PASSWORD);
  });
  beforeEach(() => {
    cookieSession = null;
  });

  it("a signed-out cookie no longer opens anything; the user's other sessions go on; a fresh sign-in works", async () => {
    await createAccount("revoke-signout");
    const laptop = await signIn(db, "revoke-signout");
    const phone = await signIn(db, "revoke-signout");
    expect((await requestWith(laptop.session))?.account).toBe("revoke-signout");
    expect((await requestWith(phone.session))?.account).toBe("revoke-signout");

    await signOut(laptop.token, laptop.session);
    expect(await requestWith(laptop.session)).toBeNull();
    expect((await requestWith(phone.session))?.account).toBe("revoke-signout");

    const again = await signIn(db, "revoke-signout");
    expect((await requestWith(again.session))?.account).toBe("revoke-signout");
  });

  it("a password change ends the sessions of before it", async () => {
    await createAccount("revoke-change");
    const before = await signIn(db, "revoke-change");
    const other = await signIn(db, "revoke-change");
    cookieSession = before.session;
    const form = new FormData();
    form.set("currentPassword", PASSWORD);
    form.set("newPassword", "second-password-2");
    form.set("confirmPassword", "second-password-2");
    expect((await changePassword(null, form)).ok).toBe(true);
    expect(await requestWith(other.session)).toBeNull();
    expect(await requestWith(before.session)).toBeNull();
    expect((await requestWith((await signIn(db, "revoke-change", "second-password-2")).session))?.account).toBe("revoke-change");
  });

  it("a session version bumped by a reset or a deactivation stays bumped after re-activation", async () => {
    const user = await createAccount("revoke-deactivate");
    const before = await signIn(db, "revoke-deactivate");
    // the version set-user-active and reset-password bump (their actions: access.test.ts)
    await db.user.update({ where: { id: user.id }, data: { active: false, sessionVersion: { increment: 1 } } });
    expect(await requestWith(before.session)).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    expect(await requestWith(before.session)).toBeNull();
  });

  it("a session issued without a session version or id is refused", async () => {
    await createAccount("revoke-legacy");
    const { session } = await signIn(db, "revoke-legacy");
    const { sessionVersion: _version, ...withoutVersion } = session;
    const { sid: _sid, ...withoutId } = session;
    expect(await requestWith(withoutVersion)).toBeNull();
    expect(await requestWith(withoutId)).toBeNull();
    expect((await requestWith(session))?.account).toBe("revoke-legacy");
  });

  it("a database failure during sign-in reaches the sign-in page as the product's own code, not its text", async () => {
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    failure.error = new Error("Invalid `prisma.signInAttempt.upsert()` invocation: Unique constraint failed on the fields: (`key`)");
    try {
      const error = await provider.options.authorize({ account: "anyone", password: "x" }, { headers: {} }).catch((e: unknown) => e);
      expect((error as Error).message).toBe("UNAVAILABLE");
    } finally {
      failure.error = null;
    }
  });
});
