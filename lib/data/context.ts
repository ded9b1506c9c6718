/**
 * The tenant context every data-access function takes. It is built from the signed-in
 * session only (lib/auth/session.ts) — never from a form, URL or request body — so every
 * query below is scoped to the caller's own tenant. See docs/decisions/002-tenancy.md.
 */
export type TenantRole = "ADMIN" | "LEADER" | "REPORTER";

export interface TenantContext {
  tenantId: string;
  userId: string | null;
  role: TenantRole;
  /** The member's region scope: the root region for admins and leaders, a county for reporters. */
  regionId: string | null;
  /**
   * The subtree of an administrator or leader bound below the root (their region and every
   * region below it; lib/permissions.ts decides): lists and dashboards narrow to it. Null or
   * absent: the whole tenant (reporters are narrowed by their own region).
   */
  subtree?: ReadonlySet<string> | null;
}

export interface Period {
  year: number;
  /** 1…12 */
  month: number;
}
