/** The tenant navigation shown to each role (DESIGN.md §1, §8). Presentation only —
 * every page checks access on the server. */
import type { TenantRole } from "@/lib/auth/types";

export type NavKey = "overview" | "rankings" | "regions" | "entry" | "review" | "completeness" | "targets" | "bulletins" | "admin";
export type NavLabel = NavKey | "myRankings";

export const NAV_BY_ROLE: Record<TenantRole, readonly NavKey[]> = {
  REPORTER: ["entry", "rankings", "targets", "bulletins"],
  LEADER: ["overview", "rankings", "regions", "completeness", "targets", "bulletins"],
  ADMIN: ["overview", "rankings", "regions", "entry", "review", "completeness", "targets", "bulletins", "admin"],
};

/** Reporters see the rankings as "my rankings" (where their own region stands). */
export function navLabel(key: NavKey, role: TenantRole): NavLabel {
  return key === "rankings" && role === "REPORTER" ? "myRankings" : key;
}
