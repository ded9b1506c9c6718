/**
 * The server functions on the demo data: checked against figures read straight from the
 * database, and against one committed snapshot that the SQLite and the PostgreSQL runs
 * must both match — the same numbers on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "../../lib/data/context";
import { getCompositeRanking, getOverview, getRanking, getRegionDetail } from "../../lib/data/dashboard";
import { latestPeriod } from "../../lib/data/period-loader";
import { Decimal, fromStored } from "../../lib/decimal";
import { DEMO_CURRENT_YEAR, DEMO_LAST_MONTH, seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";

const db = testDb();
const asOf = new Date("2026-11-22T00:00:00Z");
const june = { year: DEMO_CURRENT_YEAR, month: 6 };
let ctx: TenantContext;

beforeAll(async () => {
  await seedDemo(db);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  ctx = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
}, 120_000);
afterAll(() => db.$disconnect());

async function stored(regionCode: string, indicatorCode: string, month: number) {
  const where = { tenantId: ctx.tenantId, region: { code: regionCode }, indicator: { code: indicatorCode }, year: DEMO_CURRENT_YEAR };
  const [fill, target] = await Promise.all([db.fill.findFirstOrThrow({ where: { ...where, month } }), db.target.findFirstOrThrow({ where })]);
  return { value: fromStored(fill.value), target: fromStored(target.value) };
}

describe("dashboard server functions on the demo data", () => {
  it("finds the latest month with figures", async () => {
    expect(await latestPeriod(db, ctx)).toEqual({ year: DEMO_CURRENT_YEAR, month: DEMO_LAST_MONTH });
  });

  it("computes a county's completion, 序时进度 and status from the stored fill and target", async () => {
    const ranking = await getRanking(db, ctx, "RD_EXP", june);
    const baojing = ranking.entries.find((e) => e.region.code === "433125")!;
    const { value, target } = await stored("433125", "RD_EXP", 6);
    expect(baojing.actual).toBe(value.toString());
    expect(baojing.target).toBe(target.toString());
    expect(baojing.completion).toBe(value.dividedBy(target).toString());
    expect(ranking.expected).toBe("0.5");
    expect(baojing.status).toBe("SERIOUSLY_BEHIND");
    expect(ranking.laggardRegionIds).toContain(baojing.regionId);
    // ranks are 1…n over the counties, best completion first
    const completions = ranking.entries.map((e) => new Decimal(e.completion!));
    for (let i = 1; i < completions.length; i++) expect(completions[i].lessThanOrEqualTo(completions[i - 1])).toBe(true);
    expect(ranking.entries[0].rank).toBe(1);
  });

  it("sums the counties for the city and recomputes ratios from the summed parts", async () => {
    const overview = await getOverview(db, ctx, june, { asOf });
    const byCode = new Map(overview.indicators.map((i) => [i.code, i]));
    const cityRd = overview.cityCells.find((c) => c.indicatorId === byCode.get("RD_EXP")!.id)!;
    const cityGdp = overview.cityCells.find((c) => c.indicatorId === byCode.get("GDP")!.id)!;
    const cityIntensity = overview.cityCells.find((c) => c.indicatorId === byCode.get("RD_INTENSITY")!.id)!;
    const rdFills = await db.fill.findMany({ where: { tenantId: ctx.tenantId, indicator: { code: "RD_EXP" }, year: june.year, month: 6 } });
    const sum = rdFills.reduce((s, f) => s.plus(fromStored(f.value)), new Decimal(0));
    expect(cityRd.actual).toBe(sum.toString());
    expect(cityIntensity.actual).toBe(new Decimal(cityRd.actual!).dividedBy(cityGdp.actual!).times(100).toString());
    expect(overview.counties).toHaveLength(9);
    expect(overview.cells).toHaveLength(9 * overview.indicators.length);
  });

  it("reports completeness for the latest month: the draft county overdue, the late one late", async () => {
    const overview = await getOverview(db, ctx, { year: DEMO_CURRENT_YEAR, month: DEMO_LAST_MONTH }, { asOf });
    const statusOf = (code: string) => {
      const region = overview.counties.find((c) => c.code === code)!;
      return overview.completeness.regions.find((r) => r.regionId === region.id)!.status;
    };
    expect(statusOf("433130")).toBe("OVERDUE"); // 龙山县 left October in draft
    expect(statusOf("433126")).toBe("LATE"); // 古丈县 submitted after the 5th
    expect(statusOf("433122")).toBe("OVERDUE"); // 泸溪县 had two values returned
    expect(statusOf("433101")).toBe("COMPLETE");
  });

  it("gives a county page its monthly series and rank history", async () => {
    const detail = await getRegionDetail(db, ctx, "433125", june);
    const rd = detail.indicators.find((i) => i.indicator.code === "RD_EXP")!;
    expect(rd.series).toHaveLength(12);
    expect(rd.series[5].actual).toBe((await stored("433125", "RD_EXP", 6)).value.toString());
    expect(rd.series[6].actual).toBeNull();
    expect(rd.series[11].lastYear).not.toBeNull();
    expect(rd.rankHistory.map((h) => h.month)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(detail.compositeHistory).toHaveLength(6);
  });

  it("returns the same numbers on SQLite and PostgreSQL (one committed snapshot for both)", async () => {
    const [overview, ranking, composite] = await Promise.all([
      getOverview(db, ctx, june, { asOf }),
      getRanking(db, ctx, "TECH_CONTRACT", june),
      getCompositeRanking(db, ctx, june),
    ]);
    const codeOf = new Map([...overview.counties, overview.city].map((r) => [r.id, r.code]));
    const indicatorOf = new Map(overview.indicators.map((i) => [i.id, i.code]));
    // ids differ between runs; codes do not
    const figures = {
      city: overview.cityCells.map((c) => [indicatorOf.get(c.indicatorId), c.actual, c.target, c.completion, c.status, c.yoyGrowth]),
      cells: overview.cells.map((c) => [codeOf.get(c.regionId), indicatorOf.get(c.indicatorId), c.actual, c.completion, c.gapPoints, c.status, c.rank]),
      techContractRanking: ranking.entries.map((e) => [e.region.code, e.rank, e.completion, e.rankChange]),
      composite: composite.entries.map((e) => [e.region.code, e.rank, e.total, e.tier]),
    };
    await expect(JSON.stringify(figures, null, 1)).toMatchFileSnapshot("__snapshots__/demo-figures-2026-06.json");
  });
});
