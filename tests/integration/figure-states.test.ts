/**
 * An incomplete month on the demo tenant (湘西州, deadline day 5): on 3 December 保靖县 has
 * reported November (approved, 全社会研发经费投入 still awaiting approval) and nobody else has.
 * The dashboards stay on October; November shows each figure's state — 已审核, 待审核, 沿用, 未报 —
 * through the dashboards, the full loader, the read API and the bulletin, whose generation
 * asks for confirmation and names the counties that have not reported.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { keyTranslator, signInAs, signedIn } from "../support/bulletin-mocks";

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => signedIn.user,
  requireUser: async () => signedIn.user,
}));
vi.mock("next-intl/server", () => ({ getTranslations: keyTranslator }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { testDb } = await import("../support/db");
const { seedDemo } = await import("../../prisma/seed");
const { getOverview, getRankingsView, getRegionDetail, regionDetailOf, resolvePeriod } = await import("../../lib/data/dashboard");
const { loadPeriod } = await import("../../lib/data/period-loader");
const { computePeriod } = await import("../../lib/metrics");
const { monthReporting } = await import("../../lib/data/reported");
const { touchTenantConfig } = await import("../../lib/data/tenant-config");
const { createApiToken } = await import("../../lib/data/api-tokens");
const { generateBulletin } = await import("../../lib/actions/generate-bulletin");
const { getBulletin } = await import("../../lib/data/bulletins");
const { GET: overviewGET } = await import("../../app/api/v1/[tenant]/overview/route");
const { GET: rankingsGET } = await import("../../app/api/v1/[tenant]/rankings/route");

const db = testDb();
const NOW = "2026-12-03T02:00:00.000Z"; // 3 December, 10:00 China time
const nov = { year: 2026, month: 11 };
const oct = { year: 2026, month: 10 };
let ctx: { tenantId: string; userId: null; role: "ADMIN"; regionId: null };
let token: string;
const ids = new Map<string, string>();
const id = (code: string) => ids.get(code)!;

async function setSettings(data: { reportedSharePercent?: number; rankUnreported?: boolean }) {
  await db.$transaction(async (tx) => {
    await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data });
    await touchTenantConfig(tx, ctx.tenantId);
  });
}

beforeAll(async () => {
  process.env.STI_NOW = NOW;
  await seedDemo(db);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  ctx = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
  for (const r of await db.region.findMany({ where: { tenantId: tenant.id } })) ids.set(r.code, r.id);
  for (const i of await db.indicator.findMany({ where: { tenantId: tenant.id } })) ids.set(i.code, i.id);
  // 有效发明专利拥有量 reported quarterly: November is not due, September's figure (or a later one) stays current
  await db.$transaction(async (tx) => {
    await tx.indicator.update({ where: { tenantId_id: { tenantId: tenant.id, id: id("PATENT_STOCK") } }, data: { frequency: "QUARTERLY" } });
    await touchTenantConfig(tx, tenant.id);
  });
  // 保靖县 reports November early: its October figures again, approved but for R&D (submitted)
  const october = await db.fill.findMany({ where: { tenantId: tenant.id, regionId: id("433125"), year: 2026, month: 10, indicatorId: { not: id("PATENT_STOCK") } } });
  await db.fill.createMany({
    data: october.map((f) => ({
      tenantId: f.tenantId, regionId: f.regionId, indicatorId: f.indicatorId, year: 2026, month: 11, value: f.value,
      status: f.indicatorId === id("RD_EXP") ? ("SUBMITTED" as const) : ("APPROVED" as const), submittedAt: new Date("2026-12-03T01:00:00.000Z"),
    })),
  });
  ({ token } = await createApiToken(db, ctx, "states"));
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});

const cellOf = (data: { cells: { regionId: string; indicatorId: string }[] }, region: string, indicator: string) =>
  data.cells.find((c) => c.regionId === id(region) && c.indicatorId === id(indicator)) as Record<string, unknown>;

describe("the default period", () => {
  it("stays on October while 1 of 9 counties has reported November, before its deadline", async () => {
    expect(await resolvePeriod(db, ctx, { invalid: [] })).toEqual({ period: oct, latest: oct, fellBack: false });
    expect(await monthReporting(db, ctx, nov, new Date(NOW))).toMatchObject({
      submitted: 1, total: 9, deadline: { month: 12, day: 5 }, deadlinePassed: false, reported: false,
    });
  });

  it("moves to November once the tenant's share is reached, or the deadline has passed", async () => {
    await setSettings({ reportedSharePercent: 10 });
    expect((await resolvePeriod(db, ctx, { invalid: [] })).period).toEqual(nov);
    await setSettings({ reportedSharePercent: 100 });
    expect((await resolvePeriod(db, ctx, { invalid: [] }, new Date("2026-12-05T16:00:00.000Z"))).period).toEqual(nov);
    expect((await resolvePeriod(db, ctx, { invalid: [] }, new Date("2026-12-05T15:59:00.000Z"))).period).toEqual(oct);
  });
});

describe("figure states through the dashboards", () => {
  it("marks 已审核, 待审核 (and a ratio with a pending part), 沿用 and 未报 on the overview", async () => {
    const o = await getOverview(db, ctx, nov);
    expect(cellOf(o, "433125", "TECH_CONTRACT").state).toBe("APPROVED");
    expect(cellOf(o, "433125", "RD_EXP").state).toBe("SUBMITTED");
    expect(cellOf(o, "433125", "RD_INTENSITY").state).toBe("SUBMITTED");
    expect(cellOf(o, "433101", "PATENT_STOCK")).toMatchObject({ state: "CARRIED", monthUsed: 10 });
    // 吉首市's October figure is still carried by the engine, and marked: not reported
    expect(cellOf(o, "433101", "RD_EXP")).toMatchObject({ state: "MISSING", stale: true, monthUsed: 10 });
    expect(o.cityCells.find((c) => c.indicatorId === id("RD_EXP"))!.state).toBe("MISSING");
  });

  it("ranks only the county that reported; the others follow unranked, are no laggards, have no composite rank", async () => {
    const { ranking, composite } = await getRankingsView(db, ctx, "RD_EXP", nov);
    expect(ranking.entries[0]).toMatchObject({ region: { code: "433125" }, rank: 1, state: "SUBMITTED" });
    expect(ranking.entries.slice(1).every((e) => e.rank === null && e.state === "MISSING")).toBe(true);
    expect(ranking.laggardRegionIds.every((r) => r === id("433125"))).toBe(true);
    expect(composite.entries[0]).toMatchObject({ region: { code: "433125" }, rank: 1, unreported: 0 });
    expect(composite.entries.slice(1).every((e) => e.rank === null && e.unreported > 0)).toBe(true);
    const o = await getOverview(db, ctx, nov);
    expect(o.laggards.flatMap((l) => l.regionIds).every((r) => r === id("433125"))).toBe(true);
  });

  it("ranks every county on its carried figure when the tenant chooses so, and the mark stays", async () => {
    await setSettings({ rankUnreported: true });
    try {
      const { ranking } = await getRankingsView(db, ctx, "RD_EXP", nov);
      expect(ranking.entries.every((e) => e.rank !== null)).toBe(true);
      expect(ranking.entries.find((e) => e.region.code === "433101")!.state).toBe("MISSING");
      expect(ranking.rankUnreported).toBe(true);
    } finally {
      await setSettings({ rankUnreported: false });
    }
  });

  it("counts approved figures only when the tenant says so: a 待审核 figure is marked, not used, not ranked", async () => {
    await db.$transaction(async (tx) => {
      await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: { countPending: false } });
      await touchTenantConfig(tx, ctx.tenantId);
    });
    try {
      const rd = await getRankingsView(db, ctx, "RD_EXP", nov);
      const baojing = rd.ranking.entries.find((e) => e.region.code === "433125")!;
      // neither November's submitted R&D nor September's and October's (only submitted) count: August's is carried
      expect(baojing).toMatchObject({ state: "SUBMITTED", rank: null, monthUsed: 8, stale: true });
      expect(rd.ranking.countPending).toBe(false);
      const contracts = await getRankingsView(db, ctx, "TECH_CONTRACT", nov);
      expect(contracts.ranking.entries[0]).toMatchObject({ region: { code: "433125" }, rank: 1, state: "APPROVED" });
    } finally {
      await db.$transaction(async (tx) => {
        await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: { countPending: true } });
        await touchTenantConfig(tx, ctx.tenantId);
      });
    }
  });

  it("gives a county page the same states from the roll-up and from the full loader", async () => {
    for (const code of ["433125", "433101"]) {
      const rolled = await getRegionDetail(db, ctx, code, nov);
      const full = regionDetailOf(await loadPeriod(db, ctx, nov), code, nov);
      const states = (d: typeof rolled) => d.indicators.map((i) => [i.indicator.code, i.cell.state, i.cell.rank]);
      expect(states(rolled)).toEqual(states(full));
    }
    const page = await getRegionDetail(db, ctx, "433101", nov);
    expect(page.indicators.find((i) => i.indicator.code === "RD_EXP")!.cell).toMatchObject({ state: "MISSING", rank: null });
  });

  it("shows a fully approved month as approved, ranked as the engine ranks it", async () => {
    const august = { year: 2026, month: 8 };
    const { ranking } = await getRankingsView(db, ctx, "RD_EXP", august);
    expect(ranking.entries.every((e) => e.state === "APPROVED")).toBe(true);
    const engine = computePeriod((await loadPeriod(db, ctx, august)).input).rankings.find((r) => r.indicatorId === id("RD_EXP"))!;
    expect(ranking.entries.map((e) => [e.regionId, e.rank])).toEqual(engine.entries.map((e) => [e.regionId, e.rank]));
  });
});

describe("the read API", () => {
  const get = (path: string) => new Request(`http://localhost${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const p = <T extends Record<string, string>>(v: T) => ({ params: Promise.resolve(v) });

  it("opens on the latest reported month and carries each figure's state", async () => {
    const byDefault = await (await overviewGET(get("/api/v1/xiangxi/overview"), p({ tenant: "xiangxi" }))).json();
    expect(byDefault.period).toEqual(oct);
    const body = await (await overviewGET(get("/api/v1/xiangxi/overview?year=2026&month=11"), p({ tenant: "xiangxi" }))).json();
    expect([cellOf(body, "433125", "TECH_CONTRACT").state, cellOf(body, "433125", "RD_EXP").state, cellOf(body, "433101", "PATENT_STOCK").state, cellOf(body, "433101", "RD_EXP").state]).toEqual([
      "APPROVED", "SUBMITTED", "CARRIED", "MISSING",
    ]);
    const ranked = await (await rankingsGET(get("/api/v1/xiangxi/rankings?year=2026&month=11&indicator=RD_EXP"), p({ tenant: "xiangxi" }))).json();
    expect(ranked.ranking.entries.map((e: { state: string; rank: number | null }) => `${e.state}:${e.rank ?? "-"}`)[0]).toBe("SUBMITTED:1");
  });
});

describe("the bulletin of an incomplete month", () => {
  const november = { periodType: "MONTH", year: "2026", period: "11" };

  it("asks for confirmation, naming the counties not reported and the figures awaiting approval", async () => {
    await signInAs(db, "xiangxi-admin");
    expect(await generateBulletin(null, november)).toMatchObject({ ok: false, message: "confirmNeeded", errors: { confirmIncomplete: ["unreported", "pending"] } });
    expect(await db.bulletin.count({ where: { tenantId: ctx.tenantId, year: 2026, period: 11 } })).toBe(0);
  });

  it("once confirmed, names the unreported counties instead of ranking them", async () => {
    const result = await generateBulletin(null, { ...november, confirmIncomplete: "on" });
    expect(result).toMatchObject({ ok: true });
    const record = (await getBulletin(db, ctx, (result as { data: { id: string } }).data.id, { includeDrafts: true }))!;
    const text = record.document.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");
    expect(text).toContain("截至12月3日，吉首市等8个县市区尚未报送11月数据");
    expect(text).toContain("保靖县报送的11月数据尚待审核");
    const composite = record.document.tables.find((t) => t.id === "composite");
    expect(composite?.rows.map((r) => r[1])).toEqual(["保靖县"]);
  });

  it("generates a fully approved month without asking", async () => {
    expect(await generateBulletin(null, { periodType: "MONTH", year: "2026", period: "8" })).toMatchObject({ ok: true });
  });
});
