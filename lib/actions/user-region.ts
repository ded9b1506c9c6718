/**
 * Shared by the user actions (not a server action): the region a membership gets —
 * the tenant's root for admins and leaders, a county of the caller's tenant for reporters.
 */
import type { Db } from "@/lib/db/client";
import { ActionError } from "./client";

type T = (key: "invalid" | "regionRequired" | "regionInvalid") => string;

export async function resolveMembershipRegion(db: Db, tenantId: string, role: "ADMIN" | "LEADER" | "REPORTER", regionId: string, t: T): Promise<string> {
  if (role !== "REPORTER") {
    const root = await db.region.findFirst({ where: { tenantId, parentId: null }, orderBy: { sortOrder: "asc" } });
    if (!root) throw new ActionError(t("invalid"));
    return root.id;
  }
  if (!regionId) throw new ActionError(t("invalid"), { regionId: [t("regionRequired")] });
  const region = await db.region.findFirst({ where: { tenantId, id: regionId, active: true } });
  if (!region || region.parentId === null) throw new ActionError(t("invalid"), { regionId: [t("regionInvalid")] });
  return region.id;
}
