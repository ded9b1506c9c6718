/** The completeness board on the demo data (both providers): October 2026 of xiangxi as of 2026-11-22. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "../../lib/data/context";
import { getCompletenessBoard, getReviewQueue } from "../../lib/data/fills";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";

const db = testDb();
let ctx: TenantContext;

beforeAll(async () => {
  await seedDemo(db);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  ctx = { tenantId: tenant.id, userId: null, role: "ADMIN", regionId: null };
}, 180_000);
afterAll(() => db.$disconnect());

describe("completeness board and review queue", () => {
  it("shows who submitted October on time, late, or not at all", async () => {
    const board = await getCompletenessBoard(db, ctx, { year: 2026, month: 10 }, new Date("2026-11-22T04:00:00Z"));
    expect(board.deadline).toBe("2026-11-05T15:59:59.999Z");
    expect(board.total).toBe(9);
    const status = Object.fromEntries(board.regions.map((r) => [r.name, r.status]));
    expect(status["古丈县"]).toBe("LATE");
    expect(status["龙山县"]).toBe("OVERDUE");
    expect(status["泸溪县"]).toBe("OVERDUE");
    expect(status["吉首市"]).toBe("COMPLETE");
    expect(board.regions.find((r) => r.name === "泸溪县")?.returnedCount).toBe(2);
    expect(board.counts.COMPLETE + board.counts.LATE + board.counts.PENDING + board.counts.OVERDUE).toBe(9);
  });

  it("queues September and October submissions by region and period, newest first", async () => {
    const queue = await getReviewQueue(db, ctx);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue[0]).toMatchObject({ year: 2026, month: 10 });
    expect(queue.at(-1)).toMatchObject({ year: 2026, month: 9 });
    const periods = queue.map((g) => g.year * 100 + g.month);
    expect(periods).toEqual([...periods].sort((a, b) => b - a));
    expect(queue.every((g) => g.count > 0)).toBe(true);
    expect(queue.some((g) => g.regionName === "龙山县" && g.month === 10)).toBe(false);
  });
});
