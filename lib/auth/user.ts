/**
 * Loads a user with their membership from the database and turns them into a
 * SessionUser — or null when they may not be signed in (inactive user, inactive
 * tenant, no membership and not a platform admin). Server only.
 *
 * A session holds while the user's `sessionVersion` is still the one it was signed in under
 * (a password change or reset and a deactivation bump it: every session of the user ends)
 * and its own id (`sid`) has not been revoked by signing out (that session only). Both are
 * checked with the query that loads the user, in parallel with it.
 */
import type { Db } from "@/lib/db/client";
import { isTenantRole, type SessionUser } from "./types";

const userWithMembership = {
  membership: {
    select: {
      role: true,
      tenant: { select: { id: true, slug: true, name: true, active: true } },
      region: { select: { id: true, code: true, name: true } },
    },
  },
} as const;

export interface LoadedUser {
  user: SessionUser;
  passwordHash: string;
  sessionVersion: number;
}

type Where = { id: string } | { account: string };

export async function loadUser(db: Db, where: Where): Promise<LoadedUser | null> {
  const row = await db.user.findUnique({ where, include: userWithMembership });
  if (!row || !row.active) return null;
  const m = row.membership;
  if (m) {
    if (!m.tenant.active || !isTenantRole(m.role)) return null;
  } else if (!row.isPlatformAdmin) {
    return null; // belongs nowhere: nothing to sign in to
  }
  return {
    passwordHash: row.passwordHash,
    sessionVersion: row.sessionVersion,
    user: {
      userId: row.id,
      account: row.account,
      name: row.name,
      isPlatformAdmin: row.isPlatformAdmin,
      tenantId: m ? m.tenant.id : null,
      tenantSlug: m ? m.tenant.slug : null,
      tenantName: m ? m.tenant.name : null,
      role: m && isTenantRole(m.role) ? m.role : null,
      regionId: m ? m.region.id : null,
      regionCode: m ? m.region.code : null,
      regionName: m ? m.region.name : null,
      mustChangePassword: row.mustChangePassword,
    },
  };
}

export interface SessionClaims {
  userId: string;
  sessionVersion: number | undefined;
  sid: string | undefined;
}

/** Ends one session (sign-out): its id is refused until the session would have expired. */
export async function revokeSession(db: Db, session: { sid: string; userId: string; expiresAt: Date }): Promise<void> {
  await db.revokedSession.upsert({ where: { sid: session.sid }, create: session, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}

/** The user of a session, or null when it no longer holds (see the module). */
export async function loadSessionUser(db: Db, claims: SessionClaims): Promise<SessionUser | null> {
  const { userId, sessionVersion, sid } = claims;
  if (sessionVersion === undefined || !sid) return null;
  const [loaded, revoked] = await Promise.all([loadUser(db, { id: userId }), db.revokedSession.findUnique({ where: { sid }, select: { sid: true } })]);
  if (!loaded || revoked || sessionVersion !== loaded.sessionVersion) return null;
  return loaded.user;
}
