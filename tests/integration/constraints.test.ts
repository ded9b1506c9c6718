/** What the database itself refuses, on both providers. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toStored } from "../../lib/decimal";
import { testDb, testProvider } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

async function makeTenant(slug: string) {
  const tenant = await db.tenant.create({ data: { slug, name: slug, settings: { create: {} } } });
  const tenantId = tenant.id;
  const root = await db.region.create({ data: { tenantId, code: "430000", name: "root", level: "PREFECTURE" } });
  const county = await db.region.create({ data: { tenantId, code: "430001", name: "county", level: "COUNTY", parentId: root.id } });
  const indicator = await db.indicator.create({ data: { tenantId, code: "RD_EXP", name: "研发", unit: "亿元", kind: "CUMULATIVE" } });
  return { tenantId, root, county, indicator };
}

describe(`database constraints (${testProvider()})`, () => {
  let a: Awaited<ReturnType<typeof makeTenant>>;
  let b: Awaited<ReturnType<typeof makeTenant>>;
  beforeAll(async () => {
    a = await makeTenant("tenant-a");
    b = await makeTenant("tenant-b");
  });

  it("rejects a second fill for the same (tenant, region, indicator, year, month)", async () => {
    const key = { tenantId: a.tenantId, regionId: a.county.id, indicatorId: a.indicator.id, year: 2026, month: 6 };
    await db.fill.create({ data: { ...key, value: toStored("1.25") } });
    await expect(db.fill.create({ data: { ...key, value: toStored("1.30") } })).rejects.toMatchObject({ code: "P2002" });
    // the same cell in another month, or in another tenant with the same codes, is fine
    await db.fill.create({ data: { ...key, month: 7, value: toStored("1.40") } });
    await db.fill.create({ data: { tenantId: b.tenantId, regionId: b.county.id, indicatorId: b.indicator.id, year: 2026, month: 6, value: 1n } });
    expect(await db.fill.count({ where: { tenantId: a.tenantId } })).toBe(2);
  });

  it("rejects a duplicate region code or indicator code inside a tenant, not across tenants", async () => {
    await expect(
      db.region.create({ data: { tenantId: a.tenantId, code: "430001", name: "again", level: "COUNTY", parentId: a.root.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(
      db.indicator.create({ data: { tenantId: a.tenantId, code: "RD_EXP", name: "x", unit: "x", kind: "STOCK" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("rejects any row that points into another tenant", async () => {
    // a fill of tenant A naming tenant B's region
    await expect(
      db.fill.create({ data: { tenantId: a.tenantId, regionId: b.county.id, indicatorId: a.indicator.id, year: 2026, month: 8, value: 1n } }),
    ).rejects.toMatchObject({ code: "P2003" });
    // a region of tenant A under tenant B's root
    await expect(
      db.region.create({ data: { tenantId: a.tenantId, code: "430009", name: "x", level: "COUNTY", parentId: b.root.id } }),
    ).rejects.toMatchObject({ code: "P2003" });
    // a target of tenant B for tenant A's indicator
    await expect(
      db.target.create({ data: { tenantId: b.tenantId, regionId: b.county.id, indicatorId: a.indicator.id, year: 2026, value: 1n } }),
    ).rejects.toMatchObject({ code: "P2003" });
  });

  it("gives a user at most one membership, in the user's own tenant", async () => {
    const user = await db.user.create({ data: { account: "member-a", name: "A", passwordHash: "x", tenantId: a.tenantId } });
    await db.membership.create({ data: { tenantId: a.tenantId, userId: user.id, role: "REPORTER", regionId: a.county.id } });
    await expect(
      db.membership.create({ data: { tenantId: b.tenantId, userId: user.id, role: "ADMIN", regionId: b.root.id } }),
    ).rejects.toMatchObject({ code: "P2003" });
    await expect(
      db.membership.create({ data: { tenantId: a.tenantId, userId: user.id, role: "ADMIN", regionId: a.root.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores measures exactly, to the sixth decimal and beyond 2^53", async () => {
    const big = toStored("500000000000.123456");
    const tiny = toStored("0.000001");
    const t = await db.target.create({ data: { tenantId: a.tenantId, regionId: a.county.id, indicatorId: a.indicator.id, year: 2030, value: big } });
    const u = await db.target.create({ data: { tenantId: a.tenantId, regionId: a.root.id, indicatorId: a.indicator.id, year: 2030, value: tiny } });
    const back = await db.target.findMany({ where: { tenantId: a.tenantId, year: 2030 }, orderBy: { value: "asc" } });
    expect(back.map((r) => r.value)).toEqual([u.value, t.value]);
    const sum = await db.target.aggregate({ where: { tenantId: a.tenantId, year: 2030 }, _sum: { value: true } });
    expect(sum._sum.value).toBe(500000000000123457n);
  });
});
