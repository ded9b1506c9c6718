/** The TenantContext of a signed-in member (built from the session only). */
import type { TenantMember } from "../auth/types";
import type { TenantContext } from "../data/context";

export function contextOf(user: TenantMember): TenantContext {
  return { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
}
