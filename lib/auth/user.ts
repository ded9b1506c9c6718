/**
 * Loads a user with their membership from the database and turns them into a
 * SessionUser — or null when they may not be signed in (inactive user, inactive
 * tenant, no membership and not a platform admin). Server only.
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
  passwordChangedAt: Date | null;
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
    passwordChangedAt: row.passwordChangedAt,
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
