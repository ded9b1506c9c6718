/**
 * History backfill on a real database (SQLite and PostgreSQL): an administrator imports past
 * months of several regions in one file with a reason; they are stored as approved history,
 * audited as HISTORY, counted on time (never late), without reopening any month — while the
 * ordinary month import still respects the locks.
 */
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", async () => {
  const m = await import("../support/reporting-session");
  return { getSessionUser: async () => m.current.user };
});
vi.mock("next-intl/server", async () => {
  const m = await import("../support/reporting-session");
  return { getTranslations: async (ns?: string) => m.keyTranslator(typeof ns === "string" ? ns : undefined) };
});

import { importFills } from "../../lib/actions/import-fills";
import { importHistory } from "../../lib/actions/import-history";
import { db } from "../../lib/db/client";
import { getCompletenessBoard } from "../../lib/data/fills";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { signInAs } from "../support/reporting-session";

let tenantId: string;

beforeAll(async () => {
  process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});

const gbk = (lines: string[]) => new File([new Uint8Array(iconv.encode(["区域代码,指标代码,年,月,数值,备注", ...lines].join("\r\n"), "gbk"))], "历史.csv", { type: "text/csv" });
const form = (file: File, mode: "dryRun" | "commit", reason = "2024 年台账补录") => {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("mode", mode);
  fd.set("reason", reason);
  return fd;
};

describe("history backfill", () => {
  it("writes many past months as approved history, audited as HISTORY, counted on time", async () => {
    const admin = await signInAs(db, "xiangxi-admin");
    const entered = await db.indicator.findMany({ where: { tenantId, active: true, kind: { not: "RATIO" } }, select: { code: true, precision: true } });
    // 泸溪县 and 保靖县, every entered indicator, March and December 2024
    const lines = ["433122", "433125"].flatMap((region) => [3, 12].flatMap((month) => entered.map((i, k) => `${region},${i.code},2024,${month},${k + month},`)));
    const before = await db.fill.count({ where: { tenantId, year: 2024 } });
    const dry = await importHistory(null, form(gbk(lines), "dryRun"));
    expect(dry.ok && dry.data.issues).toEqual([]);
    expect(dry.ok && dry.data.planned.filter((p) => p.change === "create")).toHaveLength(lines.length);
    expect(await db.fill.count({ where: { tenantId, year: 2024 } })).toBe(before);

    const done = await importHistory(null, form(gbk(lines), "commit"));
    expect(done).toMatchObject({ ok: true, data: { written: true } });
    const fills = await db.fill.findMany({ where: { tenantId, year: 2024, region: { code: { in: ["433122", "433125"] } } }, include: { audits: true } });
    expect(fills).toHaveLength(lines.length);
    expect(fills.every((f) => f.status === "APPROVED" && f.submittedAt === null && f.reviewedById === admin.userId)).toBe(true);
    expect(fills.every((f) => f.audits.length === 1 && f.audits[0]!.action === "HISTORY" && f.audits[0]!.reason!.includes("2024 年台账补录"))).toBe(true);

    const board = await getCompletenessBoard(db, { tenantId, userId: admin.userId, role: "ADMIN", regionId: admin.regionId }, { year: 2024, month: 12 }, new Date());
    expect(board.regions.filter((r) => ["433122", "433125"].includes(r.code)).map((r) => r.status)).toEqual(["COMPLETE", "COMPLETE"]);
    expect(await db.periodLock.count({ where: { tenantId, year: 2024 } })).toBe(0);
  });

  it("corrects an approved, closed month without reopening it; the month import still refuses it", async () => {
    await signInAs(db, "xiangxi-admin");
    const october = await db.fill.findFirstOrThrow({ where: { tenantId, year: 2026, month: 10, region: { code: "433122" }, indicator: { code: "TSME" } } });
    const corrected = fromStored(october.value).plus(3).toString();
    const line = `433122,TSME,2026,10,${corrected},`;
    expect((await importFills(null, (() => { const fd = new FormData(); fd.set("file", gbk([line])); fd.set("mode", "dryRun"); return fd; })())).ok).toBe(false);
    const res = await importHistory(null, form(gbk([line, `433122,TSME,2026,11,1,`]), "commit", "按统计局终审数更正"));
    expect(res.ok && res.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([[3, "月", "notPast"]]);
    const done = await importHistory(null, form(gbk([line]), "commit", "按统计局终审数更正"));
    expect(done.ok && done.data.planned.map((p) => [p.change, p.fields])).toEqual([["update", ["value"]]]);
    const after = await db.fill.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: october.id } }, include: { audits: { orderBy: { createdAt: "desc" }, take: 1 } } });
    expect(fromStored(after.value).toString()).toBe(corrected);
    expect(after).toMatchObject({ status: "APPROVED", submittedAt: october.submittedAt });
    expect(after.audits[0]).toMatchObject({ action: "HISTORY", oldValue: october.value });
    expect(after.audits[0]!.reason).toContain("按统计局终审数更正");
  });

  it("refuses a reporter and a leader, another tenant's county and a missing reason", async () => {
    for (const account of ["xiangxi-433122", "xiangxi-leader"]) {
      await signInAs(db, account);
      expect(await importHistory(null, form(gbk(["433122,TSME,2024,1,1,"]), "commit"))).toMatchObject({ ok: false });
    }
    await signInAs(db, "xiangxi-admin");
    const foreign = await importHistory(null, form(gbk(["431202,TSME,2024,1,1,"]), "commit"));
    expect(foreign.ok && foreign.data.issues.map((i) => [i.row, i.reason])).toEqual([[2, "unknownRegion"]]);
    const res = await importHistory(null, form(gbk(["433122,TSME,2024,1,1,"]), "commit", ""));
    expect(res.ok).toBe(false);
    expect(!res.ok && Object.keys(res.errors)).toEqual(["reason"]);
    expect(await db.fill.count({ where: { tenantId, year: 2024, month: 1 } })).toBe(0);
  });
});

describe("a blank cell changes nothing", () => {
  it("in the history backfill: a blank 数值 leaves a stored figure as it is, unaudited", async () => {
    await signInAs(db, "xiangxi-admin");
    const before = await db.fill.findFirstOrThrow({ where: { tenantId, year: 2024, month: 3, region: { code: "433122" } }, include: { indicator: true } });
    const audits = await db.fillAudit.count({ where: { tenantId } });
    const done = await importHistory(null, form(gbk([`433122,${before.indicator.code},2024,3,,`]), "commit"));
    expect(done.ok && done.data.issues).toEqual([]);
    expect(done.ok && done.data.planned.filter((p) => p.change !== "unchanged")).toEqual([]);
    expect(await db.fill.findFirstOrThrow({ where: { tenantId, id: before.id }, include: { indicator: true } })).toEqual(before);
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(audits);
  });
});
