/**
 * A three-level tenant (the demo province 湖南省: 湘西州 and 怀化市, their counties below
 * them): parents measured against their children's targets, the target check at every level.
 */
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import messages from "../../messages/zh-CN.json";
import { scopeArea, unitsLevel } from "../../lib/admin/wording";
import { generateDraft, getBulletin } from "../../lib/data/bulletins";
import type { TenantContext } from "../../lib/data/context";
import { getCompletenessBoard } from "../../lib/data/fills";
import { dashboardScope as scopeOf, getOverview, getRanking, getRankingsView, getRegionDetail, NotFoundError } from "../../lib/data/dashboard";
import { monthReporting } from "../../lib/data/reported";
import { getTargetGrid } from "../../lib/data/targets";
import { touchTenantConfig } from "../../lib/data/tenant-config";
import { Decimal, fromStored } from "../../lib/decimal";
import { DEMO_CURRENT_YEAR, seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";

const db = testDb();
const asOf = new Date("2026-11-22T00:00:00Z");
const june = { year: DEMO_CURRENT_YEAR, month: 6 };
let ctx: TenantContext;

beforeAll(async () => {
  await seedDemo(db);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "hunan" } });
  ctx = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
}, 300_000);
afterAll(() => db.$disconnect());

/** Σ of the stored targets of a city's counties. */
async function countyTargetSum(cityCode: string, indicatorCode: string): Promise<Decimal> {
  const rows = await db.target.findMany({
    where: { tenantId: ctx.tenantId, year: DEMO_CURRENT_YEAR, indicator: { code: indicatorCode }, region: { parent: { code: cityCode } } },
  });
  return rows.reduce((sum, t) => sum.plus(fromStored(t.value)), new Decimal(0));
}

async function setChildTargets(on: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: { childTargets: on } });
    await touchTenantConfig(tx, ctx.tenantId);
  });
}

describe("a parent without its own target", () => {
  it("is measured against the sum of its children's targets, marked, in the ranking of the cities", async () => {
    const ranking = await getRanking(db, ctx, "RD_EXP", june);
    const huaihua = ranking.entries.find((e) => e.region.code === "431200")!;
    const xiangxi = ranking.entries.find((e) => e.region.code === "433100")!;
    const sum = await countyTargetSum("431200", "RD_EXP");
    expect(huaihua.target).toBe(sum.toString());
    expect(huaihua.completion).toBe(new Decimal(huaihua.actual!).div(sum).toString());
    expect(huaihua.targetFromChildren).toBe(true);
    expect(huaihua.rank).not.toBeNull();
    // 湘西州 keeps its own target: no mark
    expect(xiangxi.targetFromChildren).toBeUndefined();
    expect(xiangxi.target).not.toBe((await countyTargetSum("433100", "RD_EXP")).toString());
  });

  it("shows the same target on its own page and in the overview", async () => {
    const overview = await getOverview(db, ctx, june, { asOf });
    const rd = overview.indicators.find((i) => i.code === "RD_EXP")!;
    const huaihuaId = overview.counties.find((c) => c.code === "431200")!.id;
    const cell = overview.cells.find((c) => c.regionId === huaihuaId && c.indicatorId === rd.id)!;
    const page = await getRegionDetail(db, ctx, "431200", june);
    const onPage = page.indicators.find((i) => i.indicator.code === "RD_EXP")!.cell;
    expect(onPage.target).toBe(cell.target);
    expect(onPage.completion).toBe(cell.completion);
    expect(onPage.targetFromChildren).toBe(true);
    // a ratio has no sum of targets: no completion without its own
    const ratio = overview.indicators.find((i) => i.code === "RD_INTENSITY")!;
    expect(overview.cells.find((c) => c.regionId === huaihuaId && c.indicatorId === ratio.id)!.target).toBeNull();
  });

  it("has no completion when the tenant turns the rule off", async () => {
    await setChildTargets(false);
    try {
      const huaihua = (await getRanking(db, ctx, "RD_EXP", june)).entries.find((e) => e.region.code === "431200")!;
      expect([huaihua.target, huaihua.completion, huaihua.rank, huaihua.targetFromChildren]).toEqual([null, null, null, undefined]);
    } finally {
      await setChildTargets(true);
    }
  });
});

describe("the target check at every level", () => {
  it("checks the province against its cities (怀化市 by its counties' sum) and each city against its counties", async () => {
    const grid = await getTargetGrid(db, ctx, DEMO_CURRENT_YEAR);
    const rd = grid.indicators.find((i) => i.code === "RD_EXP")!;
    const rootCheck = grid.checks.find((c) => c.indicatorId === rd.id)!;
    expect([rootCheck.counted, rootCheck.counties]).toEqual([2, 2]);
    const regionId = (code: string) => grid.regions.find((r) => r.code === code)!.id;
    const cityCheck = (code: string) => grid.parentChecks.find((p) => p.regionId === regionId(code))!.checks.find((c) => c.indicatorId === rd.id)!;
    const xiangxiSum = await countyTargetSum("433100", "RD_EXP");
    const huaihuaSum = await countyTargetSum("431200", "RD_EXP");
    expect(rootCheck.sum).toBe(new Decimal(cityCheck("433100").city!).plus(huaihuaSum).toFixed(rd.precision));
    // 湘西州's own target is 95 % of its counties' (the seed): the counties are above it
    expect(cityCheck("433100").status).toBe("COUNTIES_ABOVE");
    expect(cityCheck("433100").sum).toBe(xiangxiSum.toFixed(rd.precision));
    expect(cityCheck("431200").status).toBe("NO_CITY_TARGET");
    expect(cityCheck("431200").sum).toBe(huaihuaSum.toFixed(rd.precision));
    // counties have no children: no check of their own
    expect(grid.parentChecks.map((p) => p.regionId).sort()).toEqual([regionId("431200"), regionId("433100")].sort());
  });
});

describe("the dashboards of a city's counties (?region=)", () => {
  it("ranks 怀化市's counties as the city tenant ranks them, on the same figures and targets", async () => {
    const scope = await scopeOf(db, ctx, "431200");
    expect(scope.path.map((p) => p.name)).toEqual(["湖南省", "怀化市"]);
    const { ranking } = await getRankingsView(db, ctx, "RD_EXP", june, scope.parentId);
    const city = await db.tenant.findUniqueOrThrow({ where: { slug: "huaihua" } });
    const own = await getRanking(db, { ...ctx, tenantId: city.id }, "RD_EXP", june);
    const shape = (entries: typeof own.entries) => entries.map((e) => [e.region.code, e.actual, e.target, e.completion, e.rank, e.state]);
    expect(ranking.entries).toHaveLength(13);
    expect(shape(ranking.entries)).toEqual(shape(own.entries));
    expect(ranking.laggardRegionIds.length).toBe(own.laggardRegionIds.length);
    // the city's own figure is the sum of its counties', against their targets' sum
    expect(ranking.city.actual).toBe(own.city.actual);
    expect(ranking.city.targetFromChildren).toBe(true);
  });

  it("gives the overview and the completeness board of the chosen city's counties", async () => {
    const scope = await scopeOf(db, ctx, "433100");
    const overview = await getOverview(db, ctx, june, { asOf, parentId: scope.parentId });
    expect(overview.city.code).toBe("433100");
    expect(overview.counties.map((c) => c.code)).toEqual(["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130", "433199"]);
    const board = await getCompletenessBoard(db, ctx, { year: DEMO_CURRENT_YEAR, month: 10 }, asOf, scope.parentId);
    expect(board.regions.map((r) => r.code).sort()).toEqual(overview.counties.map((c) => c.code).sort());
  });

  it("counts the reporting banner over the chosen city's counties, not the whole province", async () => {
    const scope = await scopeOf(db, ctx, "433100");
    const october = { year: DEMO_CURRENT_YEAR, month: 10 };
    const [city, province] = await Promise.all([monthReporting(db, ctx, october, asOf, scope.parentId), monthReporting(db, ctx, october, asOf)]);
    const board = await getCompletenessBoard(db, ctx, october, asOf, scope.parentId);
    expect(city.total).toBe(board.total);
    expect(city.submitted).toBe(board.counts.COMPLETE + board.counts.LATE);
    expect(city.total).toBeLessThan(province.total);
  });

  it("keeps the province's own dashboards on its cities", async () => {
    const root = await scopeOf(db, ctx, undefined);
    expect([root.parentId, root.path.map((p) => p.code)]).toEqual([undefined, ["430000"]]);
    const overview = await getOverview(db, ctx, june, { asOf });
    expect(overview.counties.map((c) => c.code)).toEqual(["433100", "431200"]);
  });

  it("finds no dashboards for an unknown region, a county or another tenant's region", async () => {
    await expect(scopeOf(db, ctx, "999999")).rejects.toBeInstanceOf(NotFoundError);
    await expect(scopeOf(db, ctx, "431222")).rejects.toBeInstanceOf(NotFoundError);
    const city = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
    await expect(scopeOf(db, { ...ctx, tenantId: city.id }, "431200")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("rankings across the tree (depth 2: every county of the province)", () => {
  const october = { year: DEMO_CURRENT_YEAR, month: 10 };
  const cityIds = async () => Promise.all(["433100", "431200"].map(async (code) => (await scopeOf(db, ctx, code)).parentId!));

  it("offers the counties' level below the cities", async () => {
    const scope = await scopeOf(db, ctx, undefined);
    expect(scope.levels).toBe(2);
    expect(scope.levelNames[0]).toBe("PREFECTURE");
    expect(await scopeOf(db, ctx, "433100")).toMatchObject({ levels: 1 });
  });

  it("ranks every county of both cities in one table, with each city's own figures, states, ties and laggards", async () => {
    const { ranking, composite } = await getRankingsView(db, ctx, "RD_EXP", october, undefined, 2);
    const byCity = await Promise.all((await cityIds()).map((id) => getRankingsView(db, ctx, "RD_EXP", october, id)));
    const own = new Map(byCity.flatMap((v) => v.ranking.entries.map((e) => [e.region.code, e] as const)));
    expect(ranking.entries.map((e) => e.region.code).sort()).toEqual([...own.keys()].sort());
    expect(composite.entries).toHaveLength(own.size);
    for (const e of ranking.entries) {
      const mine = own.get(e.region.code)!;
      expect([e.actual, e.target, e.completion, e.status, e.state]).toEqual([mine.actual, mine.target, mine.completion, mine.status, mine.state]);
    }
    // ranked by completion, a tie sharing the rank of the first of its equals; 未报 unranked, last
    const ranked = ranking.entries.filter((e) => e.rank !== null);
    for (const e of ranked) expect(e.rank).toBe(1 + ranked.filter((o) => new Decimal(o.completion!).gt(e.completion!)).length);
    const unranked = ranking.entries.filter((e) => e.rank === null);
    expect(ranking.entries.slice(ranked.length)).toEqual(unranked);
    for (const e of unranked) expect(e.state === "MISSING" || e.completion === null).toBe(true);
    expect(unranked.some((e) => e.state === "MISSING")).toBe(true);
    const lagging = new Set(ranking.entries.filter((e) => (e.status === "BEHIND" || e.status === "SERIOUSLY_BEHIND") && e.state !== "MISSING").map((e) => e.region.id));
    expect(new Set(ranking.laggardRegionIds)).toEqual(lagging);
    // the province's own figure stays the province's
    expect(ranking.city.completion).toBe((await getRanking(db, ctx, "RD_EXP", october)).city.completion);
  });

  it("gives the same ranking when every fill is read (a tenant counting approved figures only)", async () => {
    const rolled = await getRankingsView(db, ctx, "RD_EXP", june, undefined, 2);
    await db.$transaction(async (tx) => {
      await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: { countPending: false } });
      await touchTenantConfig(tx, ctx.tenantId);
    });
    try {
      const full = await getRankingsView(db, ctx, "RD_EXP", june, undefined, 2);
      // June is approved everywhere: the same figures whichever loader reads them
      expect(full.ranking.entries.map((e) => [e.region.code, e.completion, e.rank])).toEqual(rolled.ranking.entries.map((e) => [e.region.code, e.completion, e.rank]));
    } finally {
      await db.$transaction(async (tx) => {
        await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: { countPending: true } });
        await touchTenantConfig(tx, ctx.tenantId);
      });
    }
  });
});

describe("the words of each level", () => {
  const overview = createTranslator({ locale: "zh-CN", messages, namespace: "Overview" });
  const bulletinText = async () => {
    const { id } = await generateDraft(db, ctx, { type: "HALF_YEAR", year: DEMO_CURRENT_YEAR, period: 1 });
    const doc = (await getBulletin(db, ctx, id, { includeDrafts: true }))!.document;
    return [...doc.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)]), ...doc.tables.map((t) => t.title), ...doc.charts.map((c) => c.title)].join("\n");
  };

  it("the province's bulletin ranks 各市州 and says 全省", async () => {
    const text = await bulletinText();
    expect(text).toContain("三、市州进度情况");
    expect(text).toContain("表2 各市州主要指标完成率");
    expect(text).toContain("全省科技创新主要指标完成情况");
    expect(text).not.toContain("县市区");
  });

  it("the heat map names 市州 at the root and 县市区 under a city, each with its own area word", async () => {
    const root = await scopeOf(db, ctx, undefined);
    expect(overview("heatmapHelp", { units: unitsLevel(root) })).toContain("进入市州页面");
    expect(scopeArea(root, "全省")).toBe("全省");
    const xiangxi = await scopeOf(db, ctx, "433100");
    expect(overview("heatmapHelp", { units: unitsLevel(xiangxi) })).toContain("进入县市区页面");
    expect(scopeArea(xiangxi, "全省")).toBe("全州");
  });

  it("the targets check the province against 省级 targets and 市州, each city against 市级 and 县市区", async () => {
    const targets = createTranslator({ locale: "zh-CN", messages, namespace: "Targets" });
    const grid = await getTargetGrid(db, ctx, DEMO_CURRENT_YEAR);
    expect(targets("check.title", { ...grid.levels })).toBe("合计与省级目标核对");
    expect(targets("check.sum", { ...grid.levels })).toBe("市州目标合计");
    const city = grid.parentChecks.find((p) => p.regionId === grid.regions.find((r) => r.code === "433100")!.id)!;
    expect(targets("check.status.MATCH", { ...city.levels })).toBe("与市级目标一致");
    expect(targets("check.status.NO_COUNTY_TARGETS", { ...city.levels })).toBe("县市区未设目标");
  });
});
