/** Subtree scope (decision 025): an administrator or leader bound below the tenant's root. */
import { describe, expect, it } from "vitest";
import type { TenantMember } from "../../lib/auth/types";
import { navFor } from "../../components/nav";
import { planUserImport, userExportRows } from "../../lib/admin/users-import";
import { ACTIONS, MATRIX, can, fillWriteMode, isSubtreeBound, scopeOf, subtreeOf, subtreeScope } from "../../lib/permissions";

// 湖南省 → 湘西州 (保靖县, 泸溪县), 怀化市 (鹤城区); 吉首 below 保靖 stands for a fourth level
const TREE = [
  { id: "HUNAN", parentId: null },
  { id: "XIANGXI", parentId: "HUNAN" },
  { id: "BAOJING", parentId: "XIANGXI" },
  { id: "LUXI", parentId: "XIANGXI" },
  { id: "DEEP", parentId: "BAOJING" },
  { id: "HUAIHUA", parentId: "HUNAN" },
  { id: "HECHENG", parentId: "HUAIHUA" },
];

const base = { userId: "u", account: "a", name: "n", mustChangePassword: false, isPlatformAdmin: false, tenantId: "T1", tenantSlug: "hunan", tenantName: "湖南", regionCode: "433100", regionName: "湘西州" };
const member = (role: "ADMIN" | "LEADER" | "REPORTER", regionId: string): TenantMember => ({ ...base, role, regionId, subtree: subtreeScope(role, regionId, TREE) });
const at = (regionId: string) => ({ tenantId: "T1", regionId });

describe("subtree scope", () => {
  it("binds admins and leaders below the root to their region and every region below it, and nobody else", () => {
    expect([...(subtreeScope("LEADER", "XIANGXI", TREE) ?? [])].sort()).toEqual(["BAOJING", "DEEP", "LUXI", "XIANGXI"]);
    expect(subtreeScope("ADMIN", "HUAIHUA", TREE)).toEqual(new Set(["HUAIHUA", "HECHENG"]));
    expect(subtreeScope("ADMIN", "HUNAN", TREE)).toBeNull();
    expect(subtreeScope("LEADER", "HUNAN", TREE)).toBeNull();
    expect(subtreeScope("REPORTER", "BAOJING", TREE)).toBeNull();
    expect(subtreeScope("LEADER", "UNKNOWN", TREE)).toBeNull();
    expect(isSubtreeBound(member("LEADER", "XIANGXI"))).toBe(true);
    expect(isSubtreeBound(member("LEADER", "HUNAN"))).toBe(false);
  });

  it("lets a city leader read their own city and what lies below it, never a sibling city or the province", () => {
    const leader = member("LEADER", "XIANGXI");
    for (const action of ["overview.read", "region.read", "fill.read", "target.read", "note.write"] as const) {
      expect(scopeOf(leader, action), action).toBe("subtree");
      for (const inside of ["XIANGXI", "BAOJING", "LUXI", "DEEP"]) expect(can(leader, action, at(inside)), `${action} ${inside}`).toBe(true);
      for (const outside of ["HUNAN", "HUAIHUA", "HECHENG"]) expect(can(leader, action, at(outside)), `${action} ${outside}`).toBe(false);
      // a resource without a region is not taken as theirs
      expect(can(leader, action, { tenantId: "T1" }), action).toBe(false);
    }
    expect(can(leader, "fill.write", at("BAOJING"))).toBe(false);
  });

  it("lets a city admin review, enter on behalf, set targets and manage users inside the city only", () => {
    const admin = member("ADMIN", "XIANGXI");
    for (const action of ["fill.review", "fill.writeOnBehalf", "target.write", "user.manage"] as const) {
      expect(can(admin, action, at("LUXI")), action).toBe(true);
      expect(can(admin, action, at("HECHENG")), action).toBe(false);
    }
    expect(fillWriteMode(admin, at("LUXI"))).toBe("onBehalf");
    expect(fillWriteMode(admin, at("HECHENG"))).toBeNull();
    expect(subtreeOf(admin, "target.read")).toEqual(admin.subtree);
  });

  it("keeps the tenant's own settings, catalogue, regions, tokens, locks, audit log and bulletins with tenant-wide admins", () => {
    const admin = member("ADMIN", "XIANGXI");
    const whole = member("ADMIN", "HUNAN");
    for (const action of ["catalogue.manage", "region.manage", "settings.manage", "apiToken.manage", "period.lock", "audit.read", "bulletin.read", "bulletin.manage"] as const) {
      expect(can(admin, action), action).toBe(false);
      expect(can(whole, action), action).toBe(true);
    }
    expect(navFor(admin).map((i) => i.key)).toEqual(["overview", "rankings", "regions", "entry", "review", "completeness", "targets", "admin"]);
  });

  it("leaves tenant-wide members and reporters exactly as the matrix grants them", () => {
    const whole = member("LEADER", "HUNAN");
    const reporter = member("REPORTER", "BAOJING");
    for (const action of ACTIONS) {
      expect(scopeOf(whole, action), action).toBe(MATRIX[action].LEADER ?? null);
      expect(scopeOf(reporter, action), action).toBe(MATRIX[action].REPORTER ?? null);
    }
    expect(can(reporter, "ranking.read", at("HECHENG"))).toBe(true);
  });
});

describe("the users sheet's region for leaders and admins", () => {
  const ref = {
    accounts: new Map<string, string | null>(),
    tenantId: "T1",
    regions: new Map([
      ["430000", { id: "HUNAN", name: "湖南省", isRoot: true, active: true }],
      ["433100", { id: "XIANGXI", name: "湘西州", isRoot: false, active: true }],
      ["431200", { id: "HUAIHUA", name: "怀化市", isRoot: false, active: false }],
    ]),
  };
  const sheet = (rows: string[][]) => [["账号", "姓名", "角色", "区域代码"], ...rows].map((cells, k) => ({ row: k + 1, cells }));

  it("binds a leader to the region given, keeps a blank one tenant-wide and refuses an unknown or inactive region", () => {
    const ok = planUserImport(sheet([["a", "甲", "领导", "433100"], ["b", "乙", "管理员", ""]]), ref);
    expect(ok.issues).toEqual([]);
    expect(ok.planned.map((p) => p.regionId)).toEqual(["XIANGXI", "HUNAN"]);
    const bad = planUserImport(sheet([["c", "丙", "领导", "999999"], ["d", "丁", "领导", "431200"]]), ref);
    expect(bad.issues.map((i) => i.reason)).toEqual(["regionInvalid", "regionInvalid"]);
    expect(userExportRows([{ account: "a", name: "甲", role: "LEADER", regionCode: "433100" }])).toEqual([["a", "甲", "领导", "433100"]]);
  });
});
