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
import { mayBeSubtreeBound, subtreeScope } from "@/lib/permissions";
import { isTenantRole, type SessionUser, type TenantRole } from "./types";

const userWithMembership = {
  membership: {
    select: {
      role: true,
      tenant: { select: { id: true, slug: true, name: true, active: true } },
      region: { select: { id: true, code: true, name: true, parentId: true } },
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
  const subtree = m ? await memberSubtree(db, m.tenant.id, m.role, m.region) : null;
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
      ...(subtree ? { subtree } : {}),
      mustChangePassword: row.mustChangePassword,
    },
  };
}

/**
 * The subtree of an administrator or leader bound below the root, from the tenant's tree read
 * once (id and parent of every region); tenant-wide members and reporters read nothing more.
 */
async function memberSubtree(db: Db, tenantId: string, role: string, region: { id: string; parentId: string | null }): Promise<ReadonlySet<string> | null> {
  const r = isTenantRole(role) ? (role as TenantRole) : null;
  if (!mayBeSubtreeBound(r, region.parentId)) return null;
  const tree = await db.region.findMany({ where: { tenantId }, select: { id: true, parentId: true } });
  return subtreeScope(r, region.id, tree);
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
