/**
 * The one permission model (domain.md §1). Every page, server action and route handler
 * asks this module; no other code decides who may do what.
 *
 * A permission is an action on an entity with a scope:
 *   - "tenant":   anything in the member's own tenant;
 *   - "subtree":  the member's region and every region below it — what a "tenant" grant of an
 *                 administrator or leader becomes when their membership region is not the
 *                 tenant's root (a city's bureau inside a province tenant, decision 025);
 *   - "region":   only the member's own region (and the regions below it);
 *   - "platform": installation-wide (platform administrators only).
 * The tenant always comes from the session; a resource of another tenant is refused
 * whatever the role (see docs/decisions/002-tenancy.md).
 */
import type { SessionUser, TenantRole } from "./auth/types";

export const ACTIONS = [
  // dashboards
  "overview.read", // the city overview, heat map, laggards, completeness board
  "ranking.read", // rankings per indicator and the composite ranking
  "region.read", // a county page: figures, trends, outlook
  // reporting
  "fill.read",
  "fill.write", // enter, save as draft, submit
  "fill.writeOnBehalf", // enter or correct a region's figures for it, with a reason (audited as on its behalf)
  "fill.review", // approve, return with a reason
  "period.lock", // lock and re-open periods, decide unlock requests
  "unlock.request",
  // administration
  "target.read",
  "target.write",
  "catalogue.manage", // indicators
  "region.manage",
  "settings.manage",
  "user.manage",
  "audit.read",
  "apiToken.manage",
  // supervision notes and bulletins
  "note.write", // 督办: attach a note
  "note.reply",
  "bulletin.read", // published bulletins
  "bulletin.draft.read",
  "bulletin.manage", // generate, edit, publish
  // platform
  "tenant.manage", // create tenants and their first admin
] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = "tenant" | "subtree" | "region" | "platform";
type Grant = Partial<Record<TenantRole | "PLATFORM_ADMIN", Scope>>;

/** The matrix: action × role → scope. Absent means "not allowed". */
export const MATRIX: Record<Action, Grant> = {
  "overview.read": { ADMIN: "tenant", LEADER: "tenant" },
  "ranking.read": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "tenant" },
  "region.read": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "region" },
  "fill.read": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "region" },
  "fill.write": { REPORTER: "region" },
  "fill.writeOnBehalf": { ADMIN: "tenant" },
  "fill.review": { ADMIN: "tenant" },
  "period.lock": { ADMIN: "tenant" },
  "unlock.request": { REPORTER: "region" },
  "target.read": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "region" },
  "target.write": { ADMIN: "tenant" },
  "catalogue.manage": { ADMIN: "tenant" },
  "region.manage": { ADMIN: "tenant" },
  "settings.manage": { ADMIN: "tenant" },
  "user.manage": { ADMIN: "tenant" },
  "audit.read": { ADMIN: "tenant" },
  "apiToken.manage": { ADMIN: "tenant" },
  "note.write": { ADMIN: "tenant", LEADER: "tenant" },
  "note.reply": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "region" },
  "bulletin.read": { ADMIN: "tenant", LEADER: "tenant", REPORTER: "tenant" },
  "bulletin.draft.read": { ADMIN: "tenant", LEADER: "tenant" },
  "bulletin.manage": { ADMIN: "tenant" },
  "tenant.manage": { PLATFORM_ADMIN: "platform" },
};

/**
 * What concerns the tenant as a whole — its catalogue, region tree, settings, map, API tokens,
 * month locks, audit log and bulletins: a subtree-bound member never has these (decision 025).
 */
const WHOLE_TENANT: ReadonlySet<Action> = new Set<Action>([
  "catalogue.manage",
  "region.manage",
  "settings.manage",
  "apiToken.manage",
  "period.lock",
  "audit.read",
  // a bulletin covers the whole tenant's figures (the province's cities): not one subtree's
  "bulletin.read",
  "bulletin.draft.read",
  "bulletin.manage",
]);

/** The roles whose "tenant" grants narrow to a subtree when bound below the root. */
const SUBTREE_ROLES: ReadonlySet<TenantRole> = new Set<TenantRole>(["ADMIN", "LEADER"]);

/**
 * The regions a member's "tenant" grants reach when they are bound below the root: their
 * region and every region below it, from the tenant's tree as (id, parentId) pairs. Null when
 * the member is tenant-wide (membership at the root) or a reporter (bound to one region by
 * the matrix itself). The one decision of who is subtree-bound (decision 025).
 */
export function subtreeScope(role: TenantRole | null, regionId: string | null, tree: readonly { id: string; parentId: string | null }[]): ReadonlySet<string> | null {
  if (!role || !regionId || !SUBTREE_ROLES.has(role)) return null;
  const own = tree.find((r) => r.id === regionId);
  if (!own || own.parentId === null) return null;
  const children = new Map<string, string[]>();
  for (const r of tree) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const ids = new Set<string>();
  for (const stack = [regionId]; stack.length > 0; ) {
    const id = stack.pop()!;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** Whether a member needs the tree read for subtreeScope: an administrator or leader below the root. */
export function mayBeSubtreeBound(role: TenantRole | null, regionParentId: string | null): boolean {
  return !!role && SUBTREE_ROLES.has(role) && regionParentId !== null;
}

/** What a permission is asked about: a tenant's resource, optionally one region's. */
export interface Resource {
  tenantId: string;
  /** the region the resource belongs to (a fill's, a note's, a county page's) */
  regionId?: string | null;
}

/** Tells whether `regionId` lies in the member's region scope (their region or below). */
export type RegionScopeCheck = (scopeRegionId: string, regionId: string) => boolean;

/** Reporters are bound to one county-level region with no children: the scope is that region. */
const sameRegion: RegionScopeCheck = (scope, region) => scope === region;

/** Whom a scope is asked about: a session user or a tenant context (role and region). */
export interface Grantee {
  role: TenantRole | null;
  isPlatformAdmin?: boolean;
  regionId: string | null;
  /** the regions of a subtree-bound member (subtreeScope); null or absent when tenant-wide */
  subtree?: ReadonlySet<string> | null;
}

/** Is `user` bound to a subtree (an administrator or leader below the root)? */
export function isSubtreeBound(user: Grantee): boolean {
  return !!user.subtree && !!user.role && SUBTREE_ROLES.has(user.role);
}

/**
 * The subtree `user`'s permission for `action` reaches, or null when it reaches the whole
 * tenant (or is not region-bound that way). Lists narrow to it.
 */
export function subtreeOf(user: Grantee, action: Action): ReadonlySet<string> | null {
  return scopeOf(user, action) === "subtree" ? user.subtree! : null;
}

/** The scope `user` has for `action`, or null when the action is not theirs at all. */
export function scopeOf(user: Grantee, action: Action): Scope | null {
  const grant = MATRIX[action];
  if (user.isPlatformAdmin && grant.PLATFORM_ADMIN) return grant.PLATFORM_ADMIN;
  if (!user.role) return null;
  const scope = grant[user.role] ?? null;
  if (scope === "tenant" && isSubtreeBound(user)) return WHOLE_TENANT.has(action) ? null : "subtree";
  return scope;
}

/**
 * The one region `user` may do `action` in when their permission is region-scoped (a
 * reporter's county); null when it reaches the whole tenant (or is not theirs at all).
 * Lists and menus use it to narrow what they show to that region.
 */
export function boundRegion(user: Grantee, action: Action): string | null {
  return scopeOf(user, action) === "region" ? user.regionId : null;
}

/** May `user` do at least one of `actions` (at all, without a resource)? */
export function canAny(user: SessionUser, actions: readonly Action[]): boolean {
  return actions.some((a) => can(user, a));
}

/**
 * May `user` do `action` on `resource`? Without a resource: may they do it at all
 * (e.g. to show a page or a button)? A region-scoped permission on a resource without
 * a region is refused — the caller must say whose it is.
 */
export function can(user: SessionUser, action: Action, resource?: Resource, inScope: RegionScopeCheck = sameRegion): boolean {
  const scope = scopeOf(user, action);
  if (scope === null) return false;
  if (scope === "platform") return true;
  if (!resource) return true;
  if (!user.tenantId || resource.tenantId !== user.tenantId) return false;
  if (scope === "tenant") return true;
  // a subtree-scoped permission on a resource without a region: the caller must say whose it is
  if (scope === "subtree") return !!resource.regionId && user.subtree!.has(resource.regionId);
  return !!user.regionId && !!resource.regionId && inScope(user.regionId, resource.regionId);
}

/**
 * How `user` may write a region's monthly figures: as its own reporter ("own"), for it as
 * an administrator ("onBehalf": a reason is required and the change is audited as made on
 * the region's behalf) or not at all. The lock rules still decide which cells are open.
 */
export function fillWriteMode(user: SessionUser, resource: Resource): "own" | "onBehalf" | null {
  if (can(user, "fill.write", resource)) return "own";
  if (can(user, "fill.writeOnBehalf", resource)) return "onBehalf";
  return null;
}

export class PermissionError extends Error {
  constructor(readonly action: Action) {
    super(`not allowed: ${action}`);
    this.name = "PermissionError";
  }
}

/** Throws PermissionError unless `can(user, action, resource)`. */
export function assertCan(user: SessionUser, action: Action, resource?: Resource, inScope?: RegionScopeCheck): void {
  if (!can(user, action, resource, inScope)) throw new PermissionError(action);
}
