/** The permission matrix of domain.md §1, exercised for every role. */
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { navFor } from "../../components/nav";
import { homePath } from "../../lib/auth/home";
import { isTenantMember } from "../../lib/auth/types";
import { ACTIONS, MATRIX, PermissionError, assertCan, boundRegion, can, fillWriteMode, scopeOf, type Action } from "../../lib/permissions";

const base = { userId: "u", account: "a", name: "n", mustChangePassword: false, isPlatformAdmin: false };
const member = (role: "ADMIN" | "LEADER" | "REPORTER", regionId: string): SessionUser => ({
  ...base, tenantId: "T1", tenantSlug: "xiangxi", tenantName: "湘西", role, regionId, regionCode: "433125", regionName: "保靖县",
});
const admin = member("ADMIN", "ROOT");
const leader = member("LEADER", "ROOT");
const reporter = member("REPORTER", "BAOJING");
const platform: SessionUser = { ...base, isPlatformAdmin: true, tenantId: null, tenantSlug: null, tenantName: null, role: null, regionId: null, regionCode: null, regionName: null };

const own = { tenantId: "T1", regionId: "BAOJING" };
const neighbour = { tenantId: "T1", regionId: "LUXI" };
const foreign = { tenantId: "T2", regionId: "BAOJING" };

describe("permissions", () => {
  it("holds every action in the matrix", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  it("refuses every action on another tenant's resource, whatever the role", () => {
    for (const user of [admin, leader, reporter])
      for (const action of ACTIONS) expect(can(user, action, foreign), `${user.role} ${action}`).toBe(false);
  });

  it("gives platform admins only platform actions and no tenant data", () => {
    expect(can(platform, "tenant.manage")).toBe(true);
    for (const action of ACTIONS.filter((a) => a !== "tenant.manage")) expect(can(platform, action, own), action).toBe(false);
  });

  it("lets a reporter write and read only their own region's figures", () => {
    expect(can(reporter, "fill.write", own)).toBe(true);
    expect(can(reporter, "fill.write", neighbour)).toBe(false);
    expect(can(reporter, "fill.read", neighbour)).toBe(false);
    expect(can(reporter, "region.read", neighbour)).toBe(false);
    expect(can(reporter, "fill.write", { tenantId: "T1" })).toBe(false); // whose region? refused
    expect(can(reporter, "ranking.read", own)).toBe(true);
    expect(can(reporter, "bulletin.read", own)).toBe(true);
    for (const a of ["overview.read", "fill.review", "target.write", "user.manage", "note.write", "bulletin.draft.read"] as Action[])
      expect(can(reporter, a, own), a).toBe(false);
  });

  it("lets a leader read everything of the tenant and write notes, but no figures", () => {
    for (const a of ["overview.read", "ranking.read", "region.read", "fill.read", "target.read", "note.write", "bulletin.draft.read"] as Action[])
      expect(can(leader, a, neighbour), a).toBe(true);
    for (const a of ["fill.write", "fill.review", "target.write", "period.lock", "user.manage", "bulletin.manage"] as Action[])
      expect(can(leader, a, neighbour), a).toBe(false);
  });

  it("lets an admin manage the tenant and review, and enter a county's figures only on its behalf", () => {
    for (const a of ["fill.review", "period.lock", "target.write", "catalogue.manage", "region.manage", "settings.manage", "user.manage", "bulletin.manage"] as Action[])
      expect(can(admin, a, neighbour), a).toBe(true);
    expect(can(admin, "fill.write", neighbour)).toBe(false);
    expect(fillWriteMode(admin, neighbour)).toBe("onBehalf");
    expect(fillWriteMode(reporter, own)).toBe("own");
    expect(fillWriteMode(reporter, neighbour)).toBeNull();
    expect(fillWriteMode(leader, own)).toBeNull();
    expect(can(admin, "tenant.manage")).toBe(false);
  });

  it("reports scopes and throws a PermissionError naming the action", () => {
    expect(scopeOf(reporter, "fill.write")).toBe("region");
    expect(scopeOf(leader, "fill.write")).toBeNull();
    expect(() => assertCan(leader, "fill.write", own)).toThrow(PermissionError);
    expect(() => assertCan(leader, "fill.write", own)).toThrow("fill.write");
  });

  it("binds a reporter's lists to their own region and leaves others tenant-wide", () => {
    expect(boundRegion(reporter, "region.read")).toBe("BAOJING");
    expect(boundRegion(reporter, "target.read")).toBe("BAOJING");
    expect(boundRegion(admin, "region.read")).toBeNull();
    expect(boundRegion(leader, "target.read")).toBeNull();
    expect(boundRegion({ role: "REPORTER", regionId: "BAOJING" }, "overview.read")).toBeNull();
  });

  it("derives each role's menu from the matrix, home page first", () => {
    const menu = (user: SessionUser) => (isTenantMember(user) ? navFor(user).map((i) => i.label) : []);
    expect(menu(admin)).toEqual(["overview", "rankings", "regions", "entry", "review", "completeness", "targets", "bulletins", "admin"]);
    expect(menu(leader)).toEqual(["overview", "rankings", "regions", "completeness", "targets", "bulletins"]);
    expect(menu(reporter)).toEqual(["entry", "myRankings", "targets", "bulletins"]);
    expect(homePath(reporter)).toBe("/xiangxi/entry");
    expect(homePath(leader)).toBe("/xiangxi/overview");
  });
});
