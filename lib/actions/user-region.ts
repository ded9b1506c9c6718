/**
 * Shared by the user actions (not a server action): the region a membership gets — for
 * admins and leaders the region chosen (their scope: that region and below), by default the
 * tenant's root (tenant-wide) or, for an administrator bound to a subtree, their own region;
 * a county of the caller's tenant for reporters. The new scope must lie inside the caller's
 * own (lib/permissions.ts): nobody creates a user above or beside their region.
 */
import type { Db } from "@/lib/db/client";
import type { TenantMember } from "@/lib/auth/types";
import { can } from "@/lib/permissions";
import { ActionError } from "./client";

type T = (key: "invalid" | "regionRequired" | "regionInvalid") => string;

export async function resolveMembershipRegion(db: Db, actor: TenantMember, role: "ADMIN" | "LEADER" | "REPORTER", regionId: string, t: T): Promise<string> {
  const { tenantId } = actor;
  const inScope = (id: string) => can(actor, "user.manage", { tenantId, regionId: id });
  if (role !== "REPORTER" && !regionId) {
    if (actor.subtree) return actor.regionId;
    const root = await db.region.findFirst({ where: { tenantId, parentId: null }, orderBy: { sortOrder: "asc" } });
    if (!root) throw new ActionError(t("invalid"));
    return root.id;
  }
  if (!regionId) throw new ActionError(t("invalid"), { regionId: [t("regionRequired")] });
  const region = await db.region.findFirst({ where: { tenantId, id: regionId, active: true } });
  if (!region || (role === "REPORTER" && region.parentId === null) || !inScope(region.id)) throw new ActionError(t("invalid"), { regionId: [t("regionInvalid")] });
  return region.id;
}
