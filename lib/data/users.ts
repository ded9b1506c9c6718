/**
 * Users, regions for the user form, and tenants (platform) — the data-access layer of
 * access administration. Every tenant query is scoped by the TenantContext (from the
 * session). Server only.
 */
import type { Db } from "@/lib/db/client";
import { db as processDb } from "@/lib/db/client";
import type { TenantContext } from "./context";

export interface UserRow {
  id: string;
  account: string;
  name: string;
  active: boolean;
  mustChangePassword: boolean;
  role: "ADMIN" | "LEADER" | "REPORTER" | null;
  regionId: string | null;
  regionName: string | null;
  /** the membership's region is the tenant's root (an admin or leader there is tenant-wide) */
  regionIsRoot: boolean;
  lastSignInAt: string | null;
}

export async function listUsers(ctx: TenantContext, db: Db = processDb): Promise<UserRow[]> {
  const rows = await db.user.findMany({
    // an administrator bound to a subtree lists the users inside it only
    where: { tenantId: ctx.tenantId, ...(ctx.subtree ? { membership: { regionId: { in: [...ctx.subtree] } } } : {}) },
    orderBy: [{ account: "asc" }],
    include: { membership: { select: { role: true, regionId: true, region: { select: { name: true, parentId: true } } } } },
  });
  return rows.map((r) => ({
    id: r.id,
    account: r.account,
    name: r.name,
    active: r.active,
    mustChangePassword: r.mustChangePassword,
    role: r.membership?.role ?? null,
    regionId: r.membership?.regionId ?? null,
    regionName: r.membership?.region.name ?? null,
    regionIsRoot: r.membership?.region.parentId === null,
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
  }));
}

export interface RegionOption {
  id: string;
  code: string;
  name: string;
  isRoot: boolean;
}

/** Active regions of the caller's tenant, root first. */
export async function listRegionOptions(ctx: TenantContext, db: Db = processDb): Promise<RegionOption[]> {
  const rows = await db.region.findMany({
    where: { tenantId: ctx.tenantId, active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true, parentId: true },
  });
  const subtree = ctx.subtree;
  return rows
    .filter((r) => !subtree || subtree.has(r.id))
    .map((r) => ({ id: r.id, code: r.code, name: r.name, isRoot: r.parentId === null }))
    .sort((a, b) => Number(b.isRoot) - Number(a.isRoot));
}

/** Tenants of the installation (platform admin page). */
export async function listTenants(db: Db = processDb) {
  return db.tenant.findMany({
    orderBy: [{ createdAt: "asc" }, { slug: "asc" }],
    select: { slug: true, name: true, active: true, createdAt: true },
  });
}
