/**
 * Monthly reporting actions on a seeded database (both providers): save with checks and
 * optimistic versions (the conflict case), submit, return, resubmit, approve (locked),
 * the lock boundaries through the actions, unlock request and grant, early lock.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", async () => {
  const m = await import("../support/reporting-session");
  return { getSessionUser: async () => m.current.user };
});
vi.mock("next-intl/server", async () => {
  const m = await import("../support/reporting-session");
  return { getTranslations: async (ns?: string) => m.keyTranslator(typeof ns === "string" ? ns : undefined) };
});

import { approveFills } from "../../lib/actions/approve-fills";
import { decideUnlock } from "../../lib/actions/decide-unlock";
import { requestUnlock } from "../../lib/actions/request-unlock";
import { returnFill } from "../../lib/actions/return-fill";
import { saveFills } from "../../lib/actions/save-fills";
import { setPeriodLock } from "../../lib/actions/set-period-lock";
import { submitFills } from "../../lib/actions/submit-fills";
import { db } from "../../lib/db/client";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { signInAs } from "../support/reporting-session";

let tenantId: string;
let baojing: string;
let luxi: string;
const ind: Record<string, { id: string; precision: number; kind: string }> = {};
const NOV = { year: 2026, month: 11 };

beforeAll(async () => {
  process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  await seedDemo(db);
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  tenantId = tenant.id;
  baojing = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } })).id;
  luxi = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433122" } })).id;
  for (const i of await db.indicator.findMany({ where: { tenantId } })) ind[i.code] = { id: i.id, precision: i.precision, kind: i.kind };
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});

/** October's value of a county, +10 % for the November cells (confirmed, so checks never block). */
async function novemberCells(regionId: string) {
  const oct = await db.fill.findMany({ where: { tenantId, regionId, year: 2026, month: 10 } });
  return oct.map((f) => {
    const i = Object.values(ind).find((x) => x.id === f.indicatorId)!;
    return { indicatorId: f.indicatorId, value: fromStored(f.value).times("1.1").toDecimalPlaces(i.precision).toString(), note: "测试", version: 0, confirmed: true };
  });
}

const fillOf = (regionId: string, code: string, period = NOV) =>
  db.fill.findFirstOrThrow({ where: { tenantId, regionId, indicatorId: ind[code]!.id, ...period } });

describe("monthly reporting actions", () => {
  it("refuses a malformed number naming the field, and writes nothing", async () => {
    await signInAs(db, "xiangxi-433125");
    const res = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: "12,3x", note: "", version: 0 }] });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors[`cells.${ind.RD_EXP!.id}`]?.[0]).toContain("errors.malformed");
    expect(res.errors[`cells.${ind.RD_EXP!.id}`]?.[0]).toContain("全社会研发经费投入");
    expect(await db.fill.count({ where: { tenantId, regionId: baojing, ...NOV } })).toBe(0);
  });

  it("asks for confirmation and a note for a flagged value", async () => {
    await signInAs(db, "xiangxi-433125");
    const oct = await fillOf(baojing, "RD_EXP", { year: 2026, month: 10 });
    const below = fromStored(oct.value).times("0.9").toDecimalPlaces(2).toString();
    const res = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: below, note: "", version: 0 }] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[`cells.${ind.RD_EXP!.id}`]?.[0]).toContain("flags.BELOW_LAST_MONTH");
    const ok = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: below, note: "企业数据口径调整", version: 0, confirmed: true }] });
    expect(ok.ok).toBe(true);
    const audit = await db.fillAudit.findFirstOrThrow({ where: { tenantId, fillId: (await fillOf(baojing, "RD_EXP")).id } });
    expect(audit).toMatchObject({ action: "CREATE", newStatus: "DRAFT", reason: "企业数据口径调整" });
  });

  it("refuses an INCREMENT total below last year-end's (a negative increase) unless confirmed, saying what was probably meant", async () => {
    await signInAs(db, "xiangxi-433123");
    const fenghuang = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433123" } })).id;
    const baseline = fromStored((await fillOf(fenghuang, "HTE_NEW", { year: 2025, month: 12 })).value);
    expect(baseline.gte(2)).toBe(true);
    // the reporter types the year's new firms instead of the end-of-month total
    const typed = baseline.div(10).floor();
    const cell = { indicatorId: ind.HTE_NEW!.id, value: typed.toString(), note: "", version: 0 };
    const refused = await saveFills(null, { regionId: fenghuang, ...NOV, cells: [cell] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      const message = refused.errors[`cells.${ind.HTE_NEW!.id}`]?.[0] ?? "";
      expect(message).toContain("errors.needsConfirmation");
      expect(message).toContain("flags.BELOW_BASELINE");
      expect(message).toContain(`baseline\\":\\"${baseline.toString()}\\"`);
      expect(message).toContain(`decrease\\":\\"${baseline.minus(typed).toString()}\\"`);
      expect(message).toContain(`meant\\":\\"${baseline.plus(typed).toString()}\\"`);
    }
    // ticked but unexplained: still refused; ticked with a note: saved as typed
    expect((await saveFills(null, { regionId: fenghuang, ...NOV, cells: [{ ...cell, confirmed: true }] })).ok).toBe(false);
    expect(await db.fill.count({ where: { tenantId, regionId: fenghuang, ...NOV } })).toBe(0);
    const saved = await saveFills(null, { regionId: fenghuang, ...NOV, cells: [{ ...cell, confirmed: true, note: "两家企业资格到期未续" }] });
    expect(saved.ok).toBe(true);
    const fill = await fillOf(fenghuang, "HTE_NEW");
    expect(fromStored(fill.value).eq(typed)).toBe(true);
    const audit = await db.fillAudit.findFirstOrThrow({ where: { tenantId, fillId: fill.id } });
    expect(audit.reason).toBe("两家企业资格到期未续");
  });

  it("never lets two people silently overwrite the same cell: the later save gets a conflict with the other value", async () => {
    const before = await fillOf(baojing, "RD_EXP");
    // a second reporter session of the same county
    await signInAs(db, "xiangxi-433125");
    const first = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: "9.87", note: "甲", version: before.version, confirmed: true }] });
    expect(first.ok).toBe(true);
    const second = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: "8.76", note: "乙", version: before.version, confirmed: true }] });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.message).toContain("errors.conflictTitle");
      expect(second.errors[`cells.${ind.RD_EXP!.id}`]?.[0]).toContain('"value":"9.87"');
    }
    const after = await fillOf(baojing, "RD_EXP");
    expect(fromStored(after.value).toString()).toBe("9.87");
    expect(after.version).toBe(before.version + 1);
    // a new cell created meanwhile is a conflict too (version 0 but the row exists)
    const again = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: "1", note: "丙", version: 0, confirmed: true }] });
    expect(again.ok).toBe(false);
  });

  it("runs the month: save all, submit, return one with a reason, correct, resubmit, approve — then the cell is locked", async () => {
    await signInAs(db, "xiangxi-433125");
    const rd = await fillOf(baojing, "RD_EXP");
    const cells = (await novemberCells(baojing)).map((c) => (c.indicatorId === rd.indicatorId ? { ...c, value: fromStored(rd.value).toString(), version: rd.version } : c));
    expect((await saveFills(null, { regionId: baojing, ...NOV, cells })).ok).toBe(true);
    const submitted = await submitFills(null, { regionId: baojing, ...NOV });
    expect(submitted).toMatchObject({ ok: true });
    expect(await db.fill.count({ where: { tenantId, regionId: baojing, ...NOV, status: "SUBMITTED" } })).toBe(cells.length);

    await signInAs(db, "xiangxi-admin");
    const sub = await fillOf(baojing, "RD_EXP");
    expect((await returnFill(null, { fillId: sub.id, reason: "与统计局快报不一致，请核实" })).ok).toBe(true);
    expect(await fillOf(baojing, "RD_EXP")).toMatchObject({ status: "RETURNED", reviewReason: "与统计局快报不一致，请核实" });

    await signInAs(db, "xiangxi-433125");
    const ret = await fillOf(baojing, "RD_EXP");
    const oct = await fillOf(baojing, "RD_EXP", { year: 2026, month: 10 });
    const corrected = fromStored(oct.value).times("1.08").toDecimalPlaces(2).toString();
    expect((await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: ret.indicatorId, value: corrected, note: "已核实", version: ret.version, confirmed: true }] })).ok).toBe(true);
    expect((await fillOf(baojing, "RD_EXP")).status).toBe("RETURNED");
    expect((await submitFills(null, { regionId: baojing, ...NOV })).ok).toBe(true);

    await signInAs(db, "xiangxi-admin");
    const all = await db.fill.findMany({ where: { tenantId, regionId: baojing, ...NOV } });
    expect((await approveFills(null, { fillIds: all.map((f) => f.id) })).ok).toBe(true);
    const approved = await fillOf(baojing, "RD_EXP");
    expect(approved.status).toBe("APPROVED");
    const trail = await db.fillAudit.findMany({ where: { tenantId, fillId: approved.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["CREATE", "UPDATE", "UPDATE", "SUBMIT", "RETURN", "UPDATE", "SUBMIT", "APPROVE"]);

    await signInAs(db, "xiangxi-433125");
    const locked = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: approved.indicatorId, value: "1", note: "x", version: approved.version, confirmed: true }] });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.errors[`cells.${approved.indicatorId}`]?.[0]).toContain("locked.APPROVED");
  });

  it("refuses a reporter another county's figures", async () => {
    await signInAs(db, "xiangxi-433125");
    const res = await saveFills(null, { regionId: luxi, ...NOV, cells: [{ indicatorId: ind.RD_EXP!.id, value: "1", note: "", version: 0 }] });
    expect(res).toMatchObject({ ok: false, message: "Actions.forbidden" });
    expect(await db.fill.count({ where: { tenantId, regionId: luxi, ...NOV } })).toBe(0);
  });

  it("keeps October closed after its deadline until an admin grants the county's unlock request", async () => {
    await signInAs(db, "xiangxi-433125");
    const oct = await fillOf(baojing, "TSME", { year: 2026, month: 10 });
    const cell = { indicatorId: oct.indicatorId, value: fromStored(oct.value).toString(), note: "更正", version: oct.version, confirmed: true };
    const closed = await saveFills(null, { regionId: baojing, year: 2026, month: 10, cells: [cell] });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.errors[`cells.${oct.indicatorId}`]?.[0]).toContain("locked.DEADLINE");

    expect((await requestUnlock(null, { regionId: baojing, year: 2026, month: 10, reason: "科技型中小企业入库数据漏报" })).ok).toBe(true);
    expect((await requestUnlock(null, { regionId: baojing, year: 2026, month: 10, reason: "again" })).ok).toBe(false);
    const req = await db.unlockRequest.findFirstOrThrow({ where: { tenantId, regionId: baojing, status: "PENDING" } });

    await signInAs(db, "xiangxi-admin");
    expect((await decideUnlock(null, { requestId: req.id, decision: "GRANTED", note: "同意", days: 3 })).ok).toBe(true);
    const granted = await db.unlockRequest.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: req.id } } });
    expect(granted.openUntil?.toISOString()).toBe("2026-11-25T04:00:00.000Z");
    expect(await db.auditEntry.count({ where: { tenantId, entity: "UnlockRequest", entityId: req.id } })).toBe(2);

    await signInAs(db, "xiangxi-433125");
    const reopened = await fillOf(baojing, "TSME", { year: 2026, month: 10 });
    const newValue = fromStored(reopened.value).plus(1).toString();
    const res = await saveFills(null, { regionId: baojing, year: 2026, month: 10, cells: [{ ...cell, value: newValue, version: reopened.version }] });
    expect(res.ok).toBe(true);

    // the grant ends at openUntil
    process.env.STI_NOW = "2026-11-25T04:00:00.001Z";
    const late = await fillOf(baojing, "TSME", { year: 2026, month: 10 });
    const after = await saveFills(null, { regionId: baojing, year: 2026, month: 10, cells: [{ ...cell, value: fromStored(late.value).plus(1).toString(), version: late.version }] });
    expect(after.ok).toBe(false);
    process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  });

  it("lets an admin lock the open month early (every county) and re-open it", async () => {
    await signInAs(db, "xiangxi-admin");
    expect((await setPeriodLock(null, { ...NOV, state: "LOCKED", reason: "提前汇总" })).ok).toBe(true);
    await signInAs(db, "xiangxi-433101");
    const cells = (await novemberCells((await db.region.findFirstOrThrow({ where: { tenantId, code: "433101" } })).id)).slice(0, 1);
    const jishou = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433101" } })).id;
    const refused = await saveFills(null, { regionId: jishou, ...NOV, cells });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.values(refused.errors).flat()[0]).toContain("locked.ADMIN_LOCKED");
    await signInAs(db, "xiangxi-admin");
    expect((await setPeriodLock(null, { ...NOV, state: "OPEN", reason: "继续填报" })).ok).toBe(true);
    await signInAs(db, "xiangxi-433101");
    expect((await saveFills(null, { regionId: jishou, ...NOV, cells })).ok).toBe(true);
    expect(await db.auditEntry.count({ where: { tenantId, entity: "PeriodLock" } })).toBe(2);
  });

  it("refuses writers who are neither reporters nor admins, and reviewers who are not admins", async () => {
    await signInAs(db, "xiangxi-leader");
    const f = await fillOf(baojing, "RD_EXP");
    expect(await returnFill(null, { fillId: f.id, reason: "x" })).toMatchObject({ ok: false, message: "Actions.forbidden" });
    expect(await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: f.indicatorId, value: "1", note: "", version: f.version }] })).toMatchObject({ ok: false, message: "Actions.forbidden" });
  });
});
