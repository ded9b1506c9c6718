/**
 * The one gate of every tenant page and tenant route handler (after the Epic Stack's
 * requireUserWithPermission): the signed-in user, past the forced password change, a member
 * of the URL's tenant, allowed the action — and the tenant's data, built from the session
 * only (the URL slug is only checked against it). Anyone else learns nothing about other
 * tenants or regions: pages get the not-found page, route handlers a 404.
 */
import { notFound } from "next/navigation";
import type { TenantContext } from "../data/context";
import { TenantData } from "../data/tenant";
import { can, type Action, type Resource } from "../permissions";
import { hasControlCharacters } from "../schemas/text";
import { admitPageRender } from "../server/render-gate";
import { requestArrival } from "../server/shared-read";
import { getSessionUser, requireUser } from "./session";
import { isTenantMember, type SessionUser, type TenantMember } from "./types";

export interface TenantAccess {
  user: TenantMember;
  ctx: TenantContext;
  data: TenantData;
}

/** What the caller needs: one action, any of several (an array), or membership only (null). */
export type Need = Action | readonly Action[] | null;

/**
 * Names the resource the action is asked about (e.g. the region of a county page); null
 * when there is no such resource in the tenant.
 */
export type ResourceOf<R> = (access: TenantAccess) => Promise<(Resource & R) | null>;

type Params = Promise<{ tenant: string }> | { tenant: string };

function access(user: TenantMember): TenantAccess {
  const ctx: TenantContext = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId, ...(user.subtree ? { subtree: user.subtree } : {}) };
  return { user, ctx, data: new TenantData(ctx) };
}

/** Without a resource, "may they do it at all" (a region-scoped grant counts). */
function allowed(user: TenantMember, need: Need, resource?: Resource): boolean {
  if (need === null) return true;
  const actions: readonly Action[] = typeof need === "string" ? [need] : need;
  return actions.some((a) => can(user, a, resource));
}

/** Membership of the slug's tenant, the permission and the resource, or null when refused. */
async function check<R>(user: SessionUser, slug: string, need: Need, resourceOf?: ResourceOf<R>): Promise<(TenantAccess & { resource: (Resource & R) | null }) | null> {
  if (!isTenantMember(user) || user.tenantSlug !== slug) return null;
  const a = access(user);
  const resource = resourceOf ? await resourceOf(a) : null;
  if (resourceOf && !resource) return null;
  if (!allowed(user, need, resource ?? undefined)) return null;
  return { ...a, resource };
}

/** The resource of a county page or export: the tenant's region with this code. */
export function regionNamed(code: string): ResourceOf<{ id: string; name: string }> {
  return async ({ ctx, data }) => {
    // a code with a control character names no region (and must not reach the database)
    if (hasControlCharacters(code)) return null;
    const region = await data.regionByCode(code);
    return region && { ...region, tenantId: ctx.tenantId, regionId: region.id };
  };
}

/** The gate of a tenant page: redirects to /signin or the password page, else not-found unless allowed. */
export async function requireTenantPage<R = never>(params: Params, need: Need, resourceOf?: ResourceOf<R>): Promise<TenantAccess & { resource: (Resource & R) | null }> {
  requestArrival();
  const { tenant } = await params;
  const user = await requireUser();
  const ok = await check(user, tenant, need, resourceOf);
  if (!ok) notFound();
  await admitPageRender();
  return ok;
}

/**
 * The gate of a tenant route handler (downloads): 401 without a session, 403 while the
 * password must still be changed, 404 unless allowed — else the access.
 */
export async function requireTenantRoute<R = never>(params: Params, need: Need, resourceOf?: ResourceOf<R>): Promise<(TenantAccess & { resource: (Resource & R) | null }) | Response> {
  const { tenant } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (user.mustChangePassword) return new Response("Password change required", { status: 403 });
  return (await check(user, tenant, need, resourceOf)) ?? new Response("Not found", { status: 404 });
}
