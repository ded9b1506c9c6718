/**
 * Loads a user with their membership from the database and turns them into a
 * SessionUser — or null when they may not be signed in (inactive user, inactive
 * tenant, no membership and not a platform admin). Server only.
 *
 * Sessions are revoked by bumping the user's `sessionVersion` (sign-out, a password change
 * or reset, deactivation): a session carries the version it was signed in under and holds
 * only while that is still the user's — checked with the same query that loads the user.
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

/** Ends every session of the user (each device they are signed in on). */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** The user of a session signed in under `sessionVersion`, or null when it no longer holds. */
export async function loadSessionUser(db: Db, userId: string, sessionVersion: number | undefined): Promise<SessionUser | null> {
  const loaded = await loadUser(db, { id: userId });
  if (!loaded || sessionVersion !== loaded.sessionVersion) return null;
  return loaded.user;
}
