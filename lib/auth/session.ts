/**
 * Session helpers for server components, route handlers and server actions.
 *
 * The JWT names the user; every request re-reads the user, their membership and
 * tenant from the database (once per request, React cache), so a deactivated user,
 * a deactivated tenant, a changed role, a password change or the session's sign-out take
 * effect at once (lib/auth/user.ts, `loadSessionUser`).
 * The session's tenant is the only tenant used for data; a tenant slug in the URL is
 * only ever checked against it.
 */
import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { PASSWORD_PATH, SIGN_IN_PATH } from "./home";
import { authOptions } from "./options";
import type { SessionUser } from "./types";
import { loadSessionUser } from "./user";

/** The signed-in user, or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user;
  if (!claims) return null;
  return loadSessionUser(db, { userId: claims.userId, sessionVersion: session.sessionVersion, sid: session.sid });
});

/**
 * The signed-in user; redirects to /signin when there is none, and to the password page
 * while the account must still choose its own password (every tenant page and /platform
 * go through here, so the forced change cannot be skipped) — unless the caller is that
 * page itself.
 */
export async function requireUser(options: { allowPendingPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(SIGN_IN_PATH);
  if (user.mustChangePassword && !options.allowPendingPasswordChange) redirect(PASSWORD_PATH);
  return user;
}

/** The signed-in platform admin; anyone else gets the not-found page. */
export async function requirePlatformAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.isPlatformAdmin) notFound();
  return user;
}
