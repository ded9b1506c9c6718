/**
 * The signed-in user as the app sees it. Safe to import from client components
 * (types and constants only).
 */
export const TENANT_ROLES = ["ADMIN", "LEADER", "REPORTER"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === "string" && (TENANT_ROLES as readonly string[]).includes(value);
}

export interface SessionUser {
  userId: string;
  account: string;
  name: string;
  isPlatformAdmin: boolean;
  /** null for a platform admin without a membership */
  tenantId: string | null;
  tenantSlug: string | null;
  tenantName: string | null;
  role: TenantRole | null;
  /** the region scope: the root region for admins and leaders, a county for reporters */
  regionId: string | null;
  regionCode: string | null;
  regionName: string | null;
  /**
   * An administrator's or leader's scope when their region is not the tenant's root: that
   * region and every region below it (lib/permissions.ts subtreeScope); null or absent when
   * tenant-wide.
   */
  subtree?: ReadonlySet<string> | null;
  mustChangePassword: boolean;
}

/** A user who is a member of a tenant (every tenant field is set). */
export interface TenantMember extends SessionUser {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: TenantRole;
  regionId: string;
  regionCode: string;
  regionName: string;
}

export function isTenantMember(user: SessionUser): user is TenantMember {
  return (
    user.tenantId !== null &&
    user.tenantSlug !== null &&
    user.tenantName !== null &&
    user.role !== null &&
    user.regionId !== null &&
    user.regionCode !== null &&
    user.regionName !== null
  );
}
