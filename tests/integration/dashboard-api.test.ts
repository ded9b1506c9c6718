/**
 * The read API returns exactly what the pages get from the server functions
 * (getOverview, getRanking + getCompositeRanking, getRegionDetail) for the same period,
 * its decimals at the exchange scale (at most six places, no division tails), and refuses
 * missing, revoked and other tenants' tokens.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as overviewGET } from "../../app/api/v1/[tenant]/overview/route";
import { GET as rankingsGET } from "../../app/api/v1/[tenant]/rankings/route";
import { GET as regionGET } from "../../app/api/v1/[tenant]/regions/[code]/route";
import { createApiToken, hashToken, revokeApiToken } from "../../lib/data/api-tokens";
import type { TenantContext } from "../../lib/data/context";
import { getCompositeRanking, getOverview, getRanking, getRankingsView, getRegionDetail } from "../../lib/data/dashboard";
import { latestPeriod } from "../../lib/data/period-loader";
import { exchangeJson } from "../../lib/format";
import { DEMO_CURRENT_YEAR, seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";

const db = testDb();
let xiangxi: TenantContext;
let huaihua: TenantContext;
let token: string;
let tokenId: string;
let huaihuaToken: string;

function get(path: string, bearer: string | null = token) {
  return new Request(`http://localhost${path}`, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
}
/** The pages' data as the API gives it: decimals at the exchange scale. */
const json = (v: unknown) => JSON.parse(exchangeJson(v));
/** A decimal with more places than the exchange scale, in JSON text. */
const TAIL = /"-?\d+\.\d{7,}"/;
const p = <T extends Record<string, string>>(v: T) => ({ params: Promise.resolve(v) });

beforeAll(async () => {
  // completeness depends on "now": fix the clock so the API and the direct call agree to the millisecond
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-11-22T08:00:00Z"));
  await seedDemo(db);
  const [a, b] = await Promise.all([db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } }), db.tenant.findUniqueOrThrow({ where: { slug: "huaihua" } })]);
  xiangxi = { tenantId: a.id, userId: null, role: "ADMIN", regionId: null };
  huaihua = { tenantId: b.id, userId: null, role: "ADMIN", regionId: null };
  ({ token, id: tokenId } = await createApiToken(db, xiangxi, "test"));
  ({ token: huaihuaToken } = await createApiToken(db, huaihua, "huaihua"));
}, 180_000);
afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

describe("read API", () => {
  const june = { year: DEMO_CURRENT_YEAR, month: 6 };

  it("stores only the token's hash", async () => {
    expect(token).toMatch(/^sti_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { tenantId_id: { tenantId: xiangxi.tenantId, id: tokenId } } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
  });

  it("GET /overview returns getOverview", async () => {
    const res = await overviewGET(get(`/api/v1/xiangxi/overview?year=${june.year}&month=6`), p({ tenant: "xiangxi" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(json(await getOverview(db, xiangxi, june)));
  });

  it("GET /overview without a period answers for the latest month with figures", async () => {
    const res = await overviewGET(get(`/api/v1/xiangxi/overview`), p({ tenant: "xiangxi" }));
    const body = await res.json();
    const latest = (await latestPeriod(db, xiangxi))!;
    expect(body.period).toEqual(latest);
    expect(body).toEqual(json(await getOverview(db, xiangxi, latest)));
  });

  it("GET /rankings returns getRanking and getCompositeRanking", async () => {
    const res = await rankingsGET(get(`/api/v1/xiangxi/rankings?year=${june.year}&month=6&indicator=TECH_CONTRACT`), p({ tenant: "xiangxi" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ranking).toEqual(json(await getRanking(db, xiangxi, "TECH_CONTRACT", june)));
    expect(body.composite).toEqual(json(await getCompositeRanking(db, xiangxi, june)));
    // the page's one-load view gives the same numbers too
    expect(body).toEqual(json(await getRankingsView(db, xiangxi, "TECH_CONTRACT", june)));
  });

  it("GET /regions/{code} returns getRegionDetail", async () => {
    const res = await regionGET(get(`/api/v1/xiangxi/regions/433125?year=${june.year}&month=6`), p({ tenant: "xiangxi", code: "433125" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(json(await getRegionDetail(db, xiangxi, "433125", june)));
  });

  it("gives every decimal at six places at most: the engine's division tails do not reach the API", async () => {
    const engine = JSON.stringify(await getRegionDetail(db, xiangxi, "433125", june));
    expect(engine).toMatch(TAIL);
    const res = await regionGET(get(`/api/v1/xiangxi/regions/433125?year=${june.year}&month=6`), p({ tenant: "xiangxi", code: "433125" }));
    const text = await res.text();
    expect(text).not.toMatch(TAIL);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const overview = await overviewGET(get(`/api/v1/xiangxi/overview?year=${june.year}&month=6`), p({ tenant: "xiangxi" }));
    expect(await overview.text()).not.toMatch(TAIL);
  });

  it("refuses: no token 401, another tenant's URL 404, unknown region 404, bad query 400, revoked 401", async () => {
    expect((await overviewGET(get("/api/v1/xiangxi/overview", null), p({ tenant: "xiangxi" }))).status).toBe(401);
    expect((await overviewGET(get("/api/v1/xiangxi/overview", "sti_nope"), p({ tenant: "xiangxi" }))).status).toBe(401);
    expect((await overviewGET(get("/api/v1/huaihua/overview"), p({ tenant: "huaihua" }))).status).toBe(404);
    expect((await overviewGET(get("/api/v1/xiangxi/overview", huaihuaToken), p({ tenant: "xiangxi" }))).status).toBe(404);
    expect((await regionGET(get("/api/v1/xiangxi/regions/431202"), p({ tenant: "xiangxi", code: "431202" }))).status).toBe(404);
    expect((await rankingsGET(get("/api/v1/xiangxi/rankings?indicator=NOPE"), p({ tenant: "xiangxi" }))).status).toBe(404);
    expect((await overviewGET(get("/api/v1/xiangxi/overview?month=13"), p({ tenant: "xiangxi" }))).status).toBe(400);
    await revokeApiToken(db, xiangxi, tokenId);
    expect((await overviewGET(get("/api/v1/xiangxi/overview"), p({ tenant: "xiangxi" }))).status).toBe(401);
  });
});
