/**
 * A mock of lib/auth/session.ts for integration tests of server actions and route handlers:
 *
 *   vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
 *   setSessionUser(await sessionUserFor(db, "xiangxi-admin"));
 *
 * requireUser/requirePlatformAdmin throw the same kind of errors as
 * Next's redirect()/notFound() (with a `digest`), which `isNavigationRefusal` recognises.
 */
import type { Db } from "../../lib/db/client";
import { loadUser } from "../../lib/auth/user";
import type { SessionUser } from "../../lib/auth/types";

let current: SessionUser | null = null;

export function setSessionUser(user: SessionUser | null): void {
  current = user;
}

/** The SessionUser of a seeded account, as the real session would load it. */
export async function sessionUserFor(db: Db, account: string): Promise<SessionUser> {
  const loaded = await loadUser(db, { account });
  if (!loaded) throw new Error(`no such active account: ${account}`);
  return loaded.user;
}

export class NavigationRefusal extends Error {
  constructor(readonly digest: string) {
    super(digest);
  }
}

export function isNavigationRefusal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}

const notFound = (): never => {
  throw new NavigationRefusal("NEXT_HTTP_ERROR_FALLBACK;404");
};
const redirect = (to: string): never => {
  throw new NavigationRefusal(`NEXT_REDIRECT;replace;${to};307;`);
};

export const sessionModule = {
  getSessionUser: async (): Promise<SessionUser | null> => current,
  requireUser: async (options: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionUser> => {
    if (!current) return redirect("/signin");
    if (current.mustChangePassword && !options.allowPendingPasswordChange) return redirect("/account/password");
    return current;
  },
  requirePlatformAdmin: async (): Promise<SessionUser> => {
    const user = await sessionModule.requireUser();
    if (!user.isPlatformAdmin) return notFound();
    return user;
  },
};
