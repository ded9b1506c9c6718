/**
 * Subtree scope (decision 025) in the demo province 湖南省: a leader and an administrator of
 * 湘西州 see and manage 湘西州 and its counties only. Asking for 怀化市's county 鹤城区
 * (431202) by page, server action, export route or the data the read API serves is refused
 * as not found, and nothing is written.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { approveFills } from "../../lib/actions/approve-fills";
import { createApiToken } from "../../lib/actions/create-api-token";
import { createUser } from "../../lib/actions/create-user";
import { saveFills } from "../../lib/actions/save-fills";
import { setTarget } from "../../lib/actions/set-target";
import { updateUser } from "../../lib/actions/update-user";
import { regionNamed, requireTenantPage } from "../../lib/auth/guard";
import type { TenantMember } from "../../lib/auth/types";
import { NotFoundError } from "../../lib/data/dashboard";
import type { Db } from "../../lib/db/client";
import { seedDemo } from "../../prisma/seed";
import { GET as regionExport } from "../../app/[tenant]/regions/[code]/export/route";
import { GET as overviewExport } from "../../app/[tenant]/overview/export/route";
import { pageScope } from "../../app/[tenant]/scope";
import { testDb, testProvider } from "../support/db";
import { isNavigationRefusal, sessionUserFor, setSessionUser } from "../support/session-mock";

let db: Db;
let tenantId: string;
const ids: Record<string, string> = {};
let cityLeader: TenantMember;
let cityAdmin: TenantMember;
let rdExp: string;

/** Counts of every table an action could write, with the latest change of the figures. */
async function digest(): Promise<string> {
  const [users, members, targets, fills, fillAudits, audit, tokens, latest] = await Promise.all([
    db.user.count(), db.membership.findMany({ orderBy: { userId: "asc" } }), db.target.findMany({ where: { tenantId }, orderBy: [{ regionId: "asc" }, { indicatorId: "asc" }, { year: "asc" }] }),
    db.fill.count(), db.fillAudit.count(), db.auditEntry.count(), db.apiToken.count(), db.fill.aggregate({ _max: { updatedAt: true } }),
  ]);
  return JSON.stringify({ users, members, targets, fills, fillAudits, audit, tokens, latest }, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

async function member(account: string, role: "ADMIN" | "LEADER", regionCode: string): Promise<TenantMember> {
  const user = await db.user.create({ data: { account, name: account, tenantId, passwordHash: "x", mustChangePassword: false } });
  await db.membership.create({ data: { tenantId, userId: user.id, role, regionId: ids[regionCode]! } });
  return (await sessionUserFor(db, account)) as TenantMember;
}

const refused = async (run: () => Promise<unknown>) => {
  try {
    await run();
    return false;
  } catch (error) {
    return isNavigationRefusal(error) || error instanceof NotFoundError;
  }
};

beforeAll(async () => {
  db = testDb();
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "hunan" } })).id;
  for (const r of await db.region.findMany({ where: { tenantId } })) ids[r.code] = r.id;
  rdExp = (await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } })).id;
  cityLeader = await member("hunan-xx-leader", "LEADER", "433100");
  cityAdmin = await member("hunan-xx-admin", "ADMIN", "433100");
}, 300_000);

describe(`subtree scope (${testProvider()})`, () => {
  it("opens a city leader's dashboards on their own city, its counties ranked, breadcrumbs from the city", async () => {
    setSessionUser(cityLeader);
    const { data } = await requireTenantPage({ tenant: "hunan" }, "overview.read");
    const scope = await pageScope(data, { invalid: [] });
    expect(scope.path.map((p) => p.code)).toEqual(["433100"]);
    expect(scope.parentId).toBe(ids["433100"]);
    const june = { year: 2026, month: 6 };
    const overview = await data.overview(june);
    const codes = [overview.city, ...overview.counties].map((r) => r.code);
    expect(codes).toContain("433125");
    expect(codes).not.toContain("431202");
    expect(codes).not.toContain("431200");
    const composite = await data.compositeRanking(june);
    expect(composite.entries.map((e) => e.region.code)).not.toContain("431202");
    expect((await data.rankingsView("RD_EXP", june)).ranking.entries.map((e) => e.region.code)).toContain("433125");
  });

  it("shows a sibling city's county, the sibling city and the province to a city leader as not found", async () => {
    setSessionUser(cityLeader);
    expect(await refused(() => requireTenantPage({ tenant: "hunan" }, "region.read", regionNamed("431202")))).toBe(true);
    expect(await refused(() => requireTenantPage({ tenant: "hunan" }, "region.read", regionNamed("430000")))).toBe(true);
    const own = await requireTenantPage({ tenant: "hunan" }, "region.read", regionNamed("433125"));
    expect(own.resource?.id).toBe(ids["433125"]);
    const { data } = own;
    for (const region of ["431200", "430000", "431202"]) expect(await refused(() => pageScope(data, { invalid: [], region }))).toBe(true);
    expect(await refused(() => data.regionDetail("431202", { year: 2026, month: 6 }))).toBe(true);
    expect(await refused(() => data.overview({ year: 2026, month: 6 }, ids["431200"]))).toBe(true);
    expect(await data.entrySheet(ids["431202"]!, { year: 2026, month: 6 }, new Date())).toBeNull();
  });

  it("answers a city leader's export of a sibling city's county with 404, and their own city's with the file", async () => {
    setSessionUser(cityLeader);
    const url = (code: string) => new Request(`http://localhost/hunan/regions/${code}/export?year=2026&month=6`);
    expect((await regionExport(url("431202"), { params: Promise.resolve({ tenant: "hunan", code: "431202" }) })).status).toBe(404);
    expect((await regionExport(url("433125"), { params: Promise.resolve({ tenant: "hunan", code: "433125" }) })).status).toBe(200);
    expect((await overviewExport(new Request("http://localhost/hunan/overview/export?year=2026&month=6"), { params: Promise.resolve({ tenant: "hunan" }) })).status).toBe(200);
  });

  it("refuses a city admin's writes beside their city — on behalf, approval, targets, users, tokens — and writes nothing", async () => {
    setSessionUser(cityAdmin);
    const before = await digest();
    const submitted = await db.fill.findFirstOrThrow({ where: { tenantId, regionId: { in: [ids["431202"]!, ids["431221"]!, ids["431222"]!, ids["431223"]!] }, status: "SUBMITTED" } });
    const results = [
      await saveFills(null, { regionId: ids["431202"], year: 2026, month: 11, cells: [{ indicatorId: rdExp, value: "1", note: "x", version: 0, confirmed: true }], reason: "电话报送" }),
      await approveFills(null, { fillIds: [submitted.id] }),
      await setTarget(null, { regionId: ids["431202"], indicatorId: rdExp, year: 2026, value: "9" }),
      await createUser(null, { account: "hunan-hh-leader", name: "x", role: "LEADER", regionId: ids["431200"] }),
      await createUser(null, { account: "hunan-province-leader", name: "x", role: "LEADER", regionId: ids["430000"] }),
      await createUser(null, { account: "hunan-hh-reporter", name: "x", role: "REPORTER", regionId: ids["431202"] }),
      await updateUser(null, { userId: (await db.user.findUniqueOrThrow({ where: { account: "hunan-leader" } })).id, name: "x", role: "LEADER", regionId: ids["433100"] }),
      await createApiToken(null, { name: "probe" }),
    ];
    expect(results.map((r) => r.ok)).toEqual(results.map(() => false));
    expect(await digest()).toBe(before);
  });

  it("lets a city admin set their counties' targets and create a leader of their own city, never above it", async () => {
    setSessionUser(cityAdmin);
    expect(await setTarget(null, { regionId: ids["433125"], indicatorId: rdExp, year: 2026, value: "9" })).toMatchObject({ ok: true });
    const created = await createUser(null, { account: "hunan-xx-leader2", name: "县级领导", role: "LEADER" });
    expect(created.ok).toBe(true);
    const m = await db.membership.findFirstOrThrow({ where: { tenantId, user: { account: "hunan-xx-leader2" } } });
    expect(m.regionId).toBe(ids["433100"]);
    const { data } = await requireTenantPage({ tenant: "hunan" }, "user.manage");
    const listed = (await data.users()).map((u) => u.account);
    expect(listed).toContain("hunan-433125");
    expect(listed).not.toContain("hunan-431202");
    expect(listed).not.toContain("hunan-admin");
    const grid = await data.targetGrid(2026);
    expect(grid.regions[0]).toMatchObject({ code: "433100", isRoot: true });
    expect(grid.regions.map((r) => r.code)).not.toContain("431202");
  });

  it("keeps the province's administrator tenant-wide: any region, a city-scoped leader created by choice", async () => {
    const admin = (await sessionUserFor(db, "hunan-admin")) as TenantMember;
    expect(admin.subtree).toBeUndefined();
    setSessionUser(admin);
    const { data } = await requireTenantPage({ tenant: "hunan" }, "region.read", regionNamed("431202"));
    expect((await pageScope(data, { invalid: [] })).parentId).toBeUndefined();
    const created = await createUser(null, { account: "hunan-hh-leader", name: "怀化领导", role: "LEADER", regionId: ids["431200"] });
    expect(created.ok).toBe(true);
    const leader = (await sessionUserFor(db, "hunan-hh-leader")) as TenantMember;
    expect(leader.subtree?.has(ids["431202"]!)).toBe(true);
    expect(leader.subtree?.has(ids["433125"]!)).toBe(false);
  });
});
