/** The demo seed (domain.md §7–§8) loads on both databases and is deterministic. */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { fromStored } from "../../lib/decimal";
import { DEMO_CURRENT_YEAR, DEMO_LAST_MONTH, DEMO_PASSWORD, demoAccounts, seedDemo, type SeedSummary } from "../../prisma/seed";
import { testDb, testProvider } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

async function fillDigest(): Promise<string> {
  const rows = await db.fill.findMany({
    select: { tenant: { select: { slug: true } }, region: { select: { code: true } }, indicator: { select: { code: true } }, year: true, month: true, value: true, status: true },
  });
  const lines = rows.map((r) => `${r.tenant.slug}|${r.region.code}|${r.indicator.code}|${r.year}|${r.month}|${r.value}|${r.status}`).sort();
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

describe(`demo seed (${testProvider()})`, () => {
  let summary: SeedSummary;
  beforeAll(async () => {
    summary = await seedDemo(db);
  }, 120_000);

  it("creates the two city tenants with the regions and codes of domain.md §8", async () => {
    const tenants = await db.tenant.findMany({ include: { regions: { orderBy: { sortOrder: "asc" } } }, orderBy: { slug: "asc" } });
    expect(tenants.map((t) => t.slug)).toEqual(["huaihua", "hunan", "xiangxi"]);
    const xiangxi = tenants.find((t) => t.slug === "xiangxi")!;
    expect(xiangxi.regions.map((r) => `${r.code} ${r.name}`)).toEqual([
      "433100 湘西土家族苗族自治州", "433101 吉首市", "433122 泸溪县", "433123 凤凰县", "433124 花垣县",
      "433125 保靖县", "433126 古丈县", "433127 永顺县", "433130 龙山县", "433199 湘西高新区",
    ]);
    const huaihua = tenants.find((t) => t.slug === "huaihua")!;
    expect(huaihua.regions.map((r) => r.code)).toEqual([
      "431200", "431202", "431221", "431222", "431223", "431224", "431225", "431226", "431227", "431228", "431229", "431230", "431271", "431281",
    ]);
    expect(huaihua.regions.filter((r) => r.name.startsWith("洪江")).map((r) => r.name)).toEqual(["洪江区", "洪江市"]);
  });

  it("creates the province with both cities' counties below them, the same figures, and a target of its own", async () => {
    const regions = await db.region.findMany({ where: { tenant: { slug: "hunan" } }, include: { parent: true } });
    const parentOf = (code: string) => regions.find((r) => r.code === code)?.parent?.code ?? null;
    expect([parentOf("430000"), parentOf("433100"), parentOf("431200")]).toEqual([null, "430000", "430000"]);
    expect(regions.filter((r) => r.parent?.code === "433100").map((r) => r.code).sort()).toEqual(
      ["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130", "433199"],
    );
    expect(regions.filter((r) => r.parent?.code === "431200")).toHaveLength(13);
    const figure = (slug: string) =>
      db.fill.findFirstOrThrow({ where: { tenant: { slug }, year: DEMO_CURRENT_YEAR, month: 6, region: { code: "431222" }, indicator: { code: "RD_EXP" } } });
    expect((await figure("hunan")).value).toBe((await figure("huaihua")).value);
    const targetOf = (code: string) =>
      db.target.findFirst({ where: { tenant: { slug: "hunan" }, year: DEMO_CURRENT_YEAR, region: { code }, indicator: { code: "RD_EXP" } } });
    // the province and 湘西州 hold targets of their own; 怀化市 is measured by its counties'
    expect(await targetOf("430000")).not.toBeNull();
    expect(await targetOf("433100")).not.toBeNull();
    expect(await targetOf("431200")).toBeNull();
  });

  it("creates every demo account with the demo password and the right role and region", async () => {
    const users = await db.user.findMany({ include: { membership: { include: { region: true } } } });
    expect(users.map((u) => u.account).sort()).toEqual(demoAccounts().map((a) => a.account).sort());
    for (const expected of demoAccounts()) {
      const user = users.find((u) => u.account === expected.account)!;
      expect(user.membership?.role ?? null).toBe(expected.role ?? null);
      expect(user.membership?.region.code ?? null).toBe(expected.regionCode ?? null);
    }
    expect(users.find((u) => u.account === "platform")!.isPlatformAdmin).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0].passwordHash, "wrong-password")).toBe(false);
  });

  it("holds at least 14 indicators covering all four kinds, with R&D intensity as R&D spending over GDP", async () => {
    const indicators = await db.indicator.findMany({ where: { tenant: { slug: "xiangxi" } }, include: { numerator: true, denominator: true } });
    expect(indicators.length).toBeGreaterThanOrEqual(14);
    expect(new Set(indicators.map((i) => i.kind))).toEqual(new Set(["CUMULATIVE", "STOCK", "INCREMENT", "RATIO"]));
    const intensity = indicators.find((i) => i.name === "研发投入强度")!;
    expect([intensity.kind, intensity.numerator?.name, intensity.denominator?.name, intensity.unit]).toEqual(["RATIO", "全社会研发经费投入", "地区生产总值", "%"]);
    expect(await db.fill.count({ where: { indicatorId: intensity.id } })).toBe(0);
  });

  it("sets targets for two years that differ by county, and at least 18 months of fills", async () => {
    const rd = await db.indicator.findFirstOrThrow({ where: { tenant: { slug: "xiangxi" }, code: "RD_EXP" } });
    for (const year of [DEMO_CURRENT_YEAR - 1, DEMO_CURRENT_YEAR]) {
      const targets = await db.target.findMany({ where: { indicatorId: rd.id, year, region: { parentId: { not: null } } } });
      expect(targets).toHaveLength(9);
      expect(new Set(targets.map((t) => t.value)).size).toBeGreaterThan(5);
      for (const t of targets) {
        expect(fromStored(t.value).toNumber()).toBeGreaterThanOrEqual(0.5);
        expect(fromStored(t.value).toNumber()).toBeLessThanOrEqual(5);
      }
    }
    const months = await db.fill.groupBy({ by: ["year", "month"], where: { indicatorId: rd.id } });
    expect(months.length).toBeGreaterThanOrEqual(18);
    expect(summary.fills).toBe(await db.fill.count());
  });

  it("has approved, submitted, draft and returned fills, a late reporter and a laggard", async () => {
    const latest = { year: DEMO_CURRENT_YEAR, month: DEMO_LAST_MONTH };
    const byStatus = await db.fill.groupBy({ by: ["status"], where: latest, _count: true });
    expect(byStatus.map((s) => s.status).sort()).toEqual(["DRAFT", "RETURNED", "SUBMITTED"]);
    expect(await db.fill.count({ where: { year: DEMO_CURRENT_YEAR, month: 1, status: { not: "APPROVED" } } })).toBe(0);
    const returned = await db.fill.findFirstOrThrow({ where: { status: "RETURNED", tenant: { slug: "xiangxi" } }, include: { region: true } });
    expect(returned.region.name).toBe("泸溪县");
    expect(returned.reviewReason).toBeTruthy();
    // 古丈县 submits after the 5th of the following month
    const late = await db.fill.findFirstOrThrow({ where: { ...latest, tenant: { slug: "xiangxi" }, region: { code: "433126" } } });
    expect(late.submittedAt!.toISOString()).toBe(`${DEMO_CURRENT_YEAR}-${String(DEMO_LAST_MONTH + 1).padStart(2, "0")}-09T08:30:00.000Z`);
    // 保靖县 has spent far less of its R&D target by June than the six months elapsed
    const [fill, target] = await Promise.all([
      db.fill.findFirstOrThrow({ where: { tenant: { slug: "xiangxi" }, year: DEMO_CURRENT_YEAR, month: 6, region: { code: "433125" }, indicator: { code: "RD_EXP" } } }),
      db.target.findFirstOrThrow({ where: { tenant: { slug: "xiangxi" }, year: DEMO_CURRENT_YEAR, region: { code: "433125" }, indicator: { code: "RD_EXP" } } }),
    ]);
    expect(fromStored(fill.value).dividedBy(fromStored(target.value)).toNumber()).toBeLessThan(0.35);
  });

  it("is deterministic: seeding again gives the same figures", async () => {
    const before = await fillDigest();
    await seedDemo(db);
    expect(await fillDigest()).toBe(before);
  }, 120_000);
});
