/**
 * The gate of the export route handlers: the signed-in member of the URL's tenant with
 * the permission, else 404 (nothing is learnt about other tenants or regions).
 */
import { getSessionUser } from "../auth/session";
import { isTenantMember, type TenantMember } from "../auth/types";
import { can, type Action, type Resource } from "../permissions";

export async function exportMember(slug: string, action: Action, resource?: (user: TenantMember) => Promise<Resource | null>): Promise<TenantMember | Response> {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!isTenantMember(user) || user.tenantSlug !== slug) return new Response("Not found", { status: 404 });
  const r = resource ? await resource(user) : { tenantId: user.tenantId };
  if (!r || !can(user, action, r)) return new Response("Not found", { status: 404 });
  return user;
}
