/**
 * The roll-up loader (lib/data/rollup-loader.ts) against the full period loader on a real
 * database: the engine on root + counties with the database's sums gives exactly what it
 * gives on the whole tree with every fill — on the demo tenants and on random ledgers
 * with provinces, cities, deactivated branches, drafts, returned figures and a root that
 * fills some figures itself; where a city fills figures of its own, the loader steps
 * aside; a change of the configuration is seen at once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TenantContext } from "../../lib/data/context";
import { getOverview, getRankingsView, getRegionDetail, regionDetailOf } from "../../lib/data/dashboard";
import { loadPeriod } from "../../lib/data/period-loader";
import { loadRollupPeriod } from "../../lib/data/rollup-loader";
import { saveSettings } from "../../lib/data/settings";
import { touchTenantConfig } from "../../lib/data/tenant-config";
import { Decimal, toStored } from "../../lib/decimal";
import { computePeriod, DEFAULT_SETTINGS, ranksAt, type PeriodResult } from "../../lib/metrics";
import { DEMO_CURRENT_YEAR, seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { randomLedger, type RandomLedger } from "../support/random-ledger";

const db = testDb();
const asOf = new Date("2026-11-22T00:00:00Z");

afterAll(() => db.$disconnect());

const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

/** What the dashboards show of a result: the city, the counties' cells, rankings, composite, completeness. */
function shown(result: PeriodResult) {
  const counties = new Set(result.countyIds);
  return plain({
    countyIds: result.countyIds,
    city: result.city,
    cells: result.cells.filter((c) => counties.has(c.regionId)).map((c) => ({ ...c, childTargetSum: null })),
    rankings: result.rankings,
    composite: result.composite,
    completeness: result.completeness,
  });
}

const rollupOptions = { asOf, completeness: true, previousMonth: true };

/** The roll-up loader gives what the full loader gives; returns its result. */
async function expectSameAsFullLoader(ctx: TenantContext, period: { year: number; month: number }): Promise<PeriodResult> {
  const full = await loadPeriod(db, ctx, period, { asOf });
  const rolled = await loadRollupPeriod(db, ctx, period, rollupOptions);
  expect(rolled, "the roll-up loader applies").not.toBeNull();
  const result = computePeriod(rolled!.input);
  expect(shown(result)).toEqual(shown(computePeriod(full.input)));
  if (period.month > 1) {
    for (const indicator of full.indicators) {
      expect(Object.fromEntries(ranksAt(rolled!.input, indicator.id, period.month - 1))).toEqual(
        Object.fromEntries(ranksAt(full.input, indicator.id, period.month - 1)),
      );
    }
  }
  return result;
}

/**
 * The city's and every county's page through the whole-year roll-up equal the pages from every
 * fill — also for a county with regions below it, whose children's targets are read beside it —
 * and so does the page of every region below the counties, from its own subtree. Returns how
 * many regions below the counties were compared.
 */
async function expectSameRegionPages(ctx: TenantContext, period: { year: number; month: number }) {
  const rolled = await loadRollupPeriod(db, ctx, period, { wholeYear: true, asOf });
  expect(rolled, "the roll-up loader applies").not.toBeNull();
  const full = await loadPeriod(db, ctx, period);
  const parents = new Set(full.regions.filter((r) => r.active).map((r) => r.parentId));
  for (const region of rolled!.input.regions) {
    const fromEveryFill = plain(regionDetailOf(full, region.code, period));
    expect(plain(await getRegionDetail(db, ctx, region.code, period)), region.code).toEqual(fromEveryFill);
    // without regions below it, the roll-up alone gives the page
    if (region.parentId === null || !parents.has(region.id)) expect(plain(regionDetailOf(rolled!, region.code, period)), region.code).toEqual(fromEveryFill);
  }
  // every region further down (active or not) reads its own subtree only: the same page
  const ranked = new Set(rolled!.input.regions.map((r) => r.id));
  const below = full.regions.filter((r) => !ranked.has(r.id));
  for (const region of below) {
    const fromEveryFill = plain(regionDetailOf(full, region.code, period));
    expect(plain(regionDetailOf(await loadPeriod(db, ctx, period, { subtreeOf: region.id }), region.code, period)), region.code).toEqual(fromEveryFill);
    const fills = vi.spyOn(db.fill, "findMany");
    try {
      expect(plain(await getRegionDetail(db, ctx, region.code, period)), region.code).toEqual(fromEveryFill);
      // and the page took that path: no read of every fill of the tenant
      expect(fills.mock.calls.map(([args]) => args?.where?.regionId !== undefined), region.code).toEqual([true]);
    } finally {
      fills.mockRestore();
    }
  }
  return below.length;
}

async function writeLedger(seed: number, ledger: RandomLedger): Promise<TenantContext> {
  const tenant = await db.tenant.create({ data: { slug: `rollup-${seed}`, name: `随机 ${seed}` } });
  const tenantId = tenant.id;
  await db.tenantSettings.create({ data: { tenantId, deadlineDay: 5 } });
  await db.region.createMany({
    data: ledger.regions.map((r) => ({
      tenantId, id: r.id, code: r.code, name: r.name, parentId: r.parentId, active: r.active, sortOrder: r.sortOrder,
      level: r.parentId === null ? "PREFECTURE" : "COUNTY",
    })),
  });
  for (const [k, i] of ledger.indicators.entries()) {
    await db.indicator.create({
      data: {
        tenantId, id: i.id, code: i.code, name: i.name, unit: "万元", kind: i.kind, direction: i.direction, precision: i.precision,
        weight: toStored(i.weight), frequency: i.frequency, numeratorId: i.numeratorId ?? null, denominatorId: i.denominatorId ?? null,
        ratioFactor: i.ratioFactor ? toStored(i.ratioFactor) : null, sortOrder: k,
      },
    });
    if (i.curve) {
      await db.indicatorCurvePoint.createMany({ data: i.curve.map((share, m) => ({ tenantId, indicatorId: i.id, month: m + 1, share: toStored(share) })) });
    }
  }
  await db.target.createMany({
    data: ledger.targets.map((t) => ({ tenantId, regionId: t.regionId, indicatorId: t.indicatorId, year: ledger.year, value: toStored(t.value) })),
  });
  await db.fill.createMany({
    data: ledger.fills.map((f) => ({
      tenantId, regionId: f.regionId, indicatorId: f.indicatorId, year: f.year, month: f.month, value: toStored(f.value), status: f.status,
      submittedAt: f.submittedAt ?? null,
    })),
  });
  return { tenantId, userId: null, role: "ADMIN", regionId: null };
}

describe("the roll-up loader on the demo tenants", () => {
  beforeAll(async () => {
    await seedDemo(db);
  }, 180_000);

  it.each([
    ["xiangxi", 6],
    ["xiangxi", 1],
    ["huaihua", 10],
    ["huaihua", 12],
  ])("%s, month %i: the same figures as the full loader", async (slug, month) => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
    await expectSameAsFullLoader({ tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null }, { year: DEMO_CURRENT_YEAR, month });
  });

  it.each([
    ["xiangxi", 9],
    ["huaihua", 10],
    ["huaihua", 1],
  ])("%s, month %i: the city's and every county's page through the roll-up equal the pages from every fill", async (slug, month) => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
    await expectSameRegionPages({ tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null }, { year: DEMO_CURRENT_YEAR, month });
  });

  it("last year's December (this year's figures not yet read): the same figures as the full loader", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
    await expectSameAsFullLoader({ tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null }, { year: DEMO_CURRENT_YEAR - 1, month: 12 });
  });

  it("a changed setting shows at once on the dashboards (the configuration cache follows the version)", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "huaihua" } });
    const ctx: TenantContext = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
    const period = { year: DEMO_CURRENT_YEAR, month: 6 };
    const before = await getOverview(db, ctx, period, { asOf });
    const settings = await db.tenantSettings.findUniqueOrThrow({ where: { tenantId: tenant.id } });
    // everything behind by less than 200 points is merely BEHIND, never SERIOUSLY_BEHIND
    await saveSettings(db, ctx, {
      settings: { ...DEFAULT_SETTINGS, deadlineDay: settings.deadlineDay, seriousGap: DEFAULT_SETTINGS.seriousGap.minus(new Decimal(190)), composite: DEFAULT_SETTINGS.composite },
      weights: new Map(),
    });
    const after = await getOverview(db, ctx, period, { asOf });
    expect(before.cells.some((c) => c.status === "SERIOUSLY_BEHIND")).toBe(true);
    expect(after.cells.some((c) => c.status === "SERIOUSLY_BEHIND")).toBe(false);
    // a renamed county, written with the version bumped as the region actions do
    const county = await db.region.findFirstOrThrow({ where: { tenantId: tenant.id, code: "431202" } });
    await db.$transaction(async (tx) => {
      await tx.region.update({ where: { tenantId_id: { tenantId: tenant.id, id: county.id } }, data: { name: "鹤城区（改）" } });
      await touchTenantConfig(tx, tenant.id);
    });
    const view = await getRankingsView(db, ctx, "RD_EXP", period);
    expect(view.ranking.entries.find((e) => e.region.code === "431202")?.region.name).toBe("鹤城区（改）");
  });
});

describe("the roll-up loader on random ledgers", () => {
  const seeds = [11, 23, 37, 41, 59, 73, 89, 97];

  it.each(seeds)("seed %i: the same figures as the full loader at three months", async (seed) => {
    const ledger = randomLedger(seed, { rootFills: seed % 2 === 1 });
    const ctx = await writeLedger(seed, ledger);
    for (const month of new Set([ledger.month, 1, 12])) await expectSameAsFullLoader(ctx, { year: ledger.year, month });
    // the pages of the regions below the counties (the cities of a province, and deactivated
    // counties) are compared too: all of them
    const root = ledger.regions.find((r) => r.parentId === null)!;
    const below = ledger.regions.filter((r) => r.parentId !== null && !(r.parentId === root.id && r.active));
    expect(await expectSameRegionPages(ctx, { year: ledger.year, month: ledger.month })).toBe(below.length);
  }, 60_000);

  it("sums the tree as it is now: a moved county and a deactivated branch show at once (the tree comes from the version-checked configuration)", async () => {
    const ledger = randomLedger(10, { month: 7 });
    const ctx = await writeLedger(10, ledger);
    const period = { year: ledger.year, month: 7 };
    await expectSameAsFullLoader(ctx, period);
    const root = ledger.regions.find((r) => r.parentId === null)!;
    const byId = new Map(ledger.regions.map((r) => [r.id, r]));
    const unitOf = (id: string): string => (byId.get(id)!.parentId === root.id ? id : unitOf(byId.get(id)!.parentId!));
    const units = ledger.regions.filter((r) => r.parentId === root.id && r.active);
    const parents = new Set(ledger.regions.map((r) => r.parentId));
    // an active leaf two or more levels below the root, and another unit to move it to
    const leaf = ledger.regions.find((r) => r.active && !parents.has(r.id) && r.parentId !== root.id && byId.get(r.parentId!)!.active);
    expect(leaf, "seed 10 has a leaf below a unit").toBeDefined();
    const unit = unitOf(leaf!.id);
    // one that has children already (a county without any fills its own figures: given a child it would report itself)
    const otherUnit = units.find((u) => u.id !== unit && parents.has(u.id));
    expect(otherUnit, "seed 10 has a second unit with children").toBeDefined();
    const withChildren = [byId.get(unit)!];
    // move a leaf to another unit, as the region actions do (version bumped in the transaction)
    await db.$transaction(async (tx) => {
      await tx.region.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: leaf!.id } }, data: { parentId: otherUnit!.id } });
      await touchTenantConfig(tx, ctx.tenantId);
    });
    await expectSameAsFullLoader(ctx, period);
    // deactivate a whole unit
    await db.$transaction(async (tx) => {
      await tx.region.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: withChildren[0]!.id } }, data: { active: false } });
      await touchTenantConfig(tx, ctx.tenantId);
    });
    await expectSameAsFullLoader(ctx, period);
    const overview = await getOverview(db, ctx, period, { asOf });
    expect(overview.counties.map((c) => c.id)).not.toContain(withChildren[0]!.id);
  }, 60_000);

  it("steps aside when a region between the root and the leaves fills a figure itself, and the dashboards still agree", async () => {
    const ledger = randomLedger(5, { month: 9 });
    const root = ledger.regions.find((r) => r.parentId === null)!;
    const parents = new Set(ledger.regions.map((r) => r.parentId));
    const middle = ledger.regions.find((r) => r.parentId === root.id && r.active && parents.has(r.id));
    expect(middle, "seed 5 has a unit with children").toBeDefined();
    ledger.fills.push({ regionId: middle!.id, indicatorId: ledger.indicators[0]!.id, year: ledger.year, month: 3, value: ledger.fills[0]!.value, status: "APPROVED", submittedAt: null });
    const ctx = await writeLedger(5, ledger);
    const period = { year: ledger.year, month: 9 };
    expect(await loadRollupPeriod(db, ctx, period, { asOf })).toBeNull();
    const overview = await getOverview(db, ctx, period, { asOf });
    const full = computePeriod((await loadPeriod(db, ctx, period, { asOf })).input);
    expect(overview.cityCells.map((c) => c.actual)).toEqual(full.city.map((c) => c.actual.value?.toString() ?? null));
  });
});
