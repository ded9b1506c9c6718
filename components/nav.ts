/** The tenant navigation (domain.md §1, §8), derived from the permission matrix: an item is
 * shown to whoever may open its page. Presentation only — every page checks access on the server. */
import { homePath } from "@/lib/auth/home";
import type { TenantMember } from "@/lib/auth/types";
import { boundRegion, canAny, scopeOf, type Action } from "@/lib/permissions";

export type NavKey = "overview" | "rankings" | "regions" | "entry" | "review" | "completeness" | "targets" | "bulletins" | "admin";
export type NavLabel = NavKey | "myRankings";

export type AdminSection = "users" | "indicators" | "regions" | "map" | "settings" | "audit" | "tokens";

/** The administration sections and the permission each needs. */
export const ADMIN_SECTIONS: readonly { key: AdminSection; action: Action }[] = [
  { key: "users", action: "user.manage" },
  { key: "indicators", action: "catalogue.manage" },
  { key: "regions", action: "region.manage" },
  { key: "map", action: "region.manage" },
  { key: "settings", action: "settings.manage" },
  { key: "audit", action: "audit.read" },
  { key: "tokens", action: "apiToken.manage" },
];

interface NavSpec {
  key: NavKey;
  /** any one of these opens the item */
  needs: readonly Action[];
  /** the item lists the whole tenant (or a subtree-bound member's subtree): a region-scoped grant is not enough */
  tenantWide?: boolean;
}

/** Every item in menu order. */
const NAV: readonly NavSpec[] = [
  { key: "overview", needs: ["overview.read"] },
  { key: "rankings", needs: ["ranking.read"] },
  { key: "regions", needs: ["region.read"], tenantWide: true },
  { key: "entry", needs: ["fill.write", "fill.review"] },
  { key: "review", needs: ["fill.review"] },
  { key: "completeness", needs: ["overview.read"] },
  { key: "targets", needs: ["target.read"] },
  { key: "bulletins", needs: ["bulletin.read"] },
  { key: "admin", needs: ADMIN_SECTIONS.map((s) => s.action) },
];

function shown(user: TenantMember, item: NavSpec): boolean {
  if (item.tenantWide) return item.needs.some((a) => scopeOf(user, a) === "tenant" || scopeOf(user, a) === "subtree");
  return canAny(user, item.needs);
}

/** The items `user` may open, their home page first, with the label key of each. */
export function navFor(user: TenantMember): { key: NavKey; href: string; label: NavLabel }[] {
  const home = homePath(user);
  const items = NAV.filter((item) => shown(user, item)).map((item) => ({ key: item.key, href: `/${user.tenantSlug}/${item.key}`, label: labelOf(user, item.key) }));
  return [...items.filter((i) => i.href === home), ...items.filter((i) => i.href !== home)];
}

/** Members who rank only from their own region's side see the rankings as "my rankings". */
function labelOf(user: TenantMember, key: NavKey): NavLabel {
  return key === "rankings" && boundRegion(user, "region.read") !== null ? "myRankings" : key;
}

