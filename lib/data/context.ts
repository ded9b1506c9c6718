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
}

export interface Period {
  year: number;
  /** 1…12 */
  month: number;
}
