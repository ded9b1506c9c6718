/**
 * An administrator enters and corrects a county's figures on its behalf (both providers):
 * a reason is required, the figure is stored and audited as entered on the county's behalf
 * (the audit entry names the county and the administrator), the lock rules still hold, and
 * a reporter still cannot write another county.
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

import { saveFills } from "../../lib/actions/save-fills";
import { setPeriodLock } from "../../lib/actions/set-period-lock";
import { db } from "../../lib/db/client";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { signInAs } from "../support/reporting-session";

let tenantId: string;
let baojing: string;
let luxi: string;
let rdExp: string;
const NOV = { year: 2026, month: 11 };
const OCT = { year: 2026, month: 10 };

beforeAll(async () => {
  process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  baojing = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } })).id;
  luxi = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433122" } })).id;
  rdExp = (await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } })).id;
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});

/** A cell for `saveFills` 10 % above the county's October figure (confirmed with a note, so the checks never block). */
async function cellAbove(regionId: string, indicatorId = rdExp, version = 0) {
  const oct = await db.fill.findFirstOrThrow({ where: { tenantId, regionId, indicatorId, ...OCT } });
  return { indicatorId, value: fromStored(oct.value).times("1.1").toDecimalPlaces(2).toString(), note: "电话报送", version, confirmed: true };
}

describe("entering figures on a county's behalf", () => {
  it("requires a reason from the administrator and writes nothing without one", async () => {
    await signInAs(db, "xiangxi-admin");
    const res = await saveFills(null, { regionId: baojing, ...NOV, cells: [await cellAbove(baojing)] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.reason?.[0]).toBe("Entry.errors.onBehalfReason");
    expect(await db.fill.count({ where: { tenantId, regionId: baojing, ...NOV } })).toBe(0);
  });

  it("stores the administrator's figure and audits it as entered on the county's behalf", async () => {
    const admin = await signInAs(db, "xiangxi-admin");
    const cell = await cellAbove(baojing);
    const res = await saveFills(null, { regionId: baojing, ...NOV, cells: [cell], reason: "保靖县局电话报送" });
    expect(res).toMatchObject({ ok: true, data: { saved: 1 } });
    const fill = await db.fill.findFirstOrThrow({ where: { tenantId, regionId: baojing, indicatorId: rdExp, ...NOV } });
    expect(fromStored(fill.value).toString()).toBe(cell.value);
    expect(fill).toMatchObject({ status: "DRAFT", updatedById: admin.userId });
    const change = await db.fillAudit.findFirstOrThrow({ where: { tenantId, fillId: fill.id } });
    expect(change).toMatchObject({ action: "CREATE", actorId: admin.userId });
    expect(change.reason).toContain("保靖县局电话报送");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { tenantId, action: "fill.enterOnBehalf" } });
    expect(entry).toMatchObject({ actorId: admin.userId, entity: "Fill", entityId: baojing });
    const detail = JSON.parse(entry.detail) as { label: string; reason: string; after: { indicator: string; value: string }[] };
    expect(detail.label).toBe("保靖县 · 2026年11月");
    expect(detail.reason).toBe("保靖县局电话报送");
    expect(detail.after).toEqual([{ indicator: "全社会研发经费投入", value: cell.value }]);
  });

  it("keeps a locked month locked until it is reopened; a correction keeps the figure's status", async () => {
    await signInAs(db, "xiangxi-admin");
    // a figure of October still in review (the demo leaves some counties' October submitted)
    const submitted = await db.fill.findFirstOrThrow({ where: { tenantId, ...OCT, status: "SUBMITTED" } });
    const cell = { indicatorId: submitted.indicatorId, value: fromStored(submitted.value).plus(1).toString(), note: "更正", version: submitted.version, confirmed: true };
    const at = { regionId: submitted.regionId, ...OCT };
    const closed = await saveFills(null, { ...at, cells: [cell], reason: "更正录入错误" });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.errors[`cells.${submitted.indicatorId}`]?.[0]).toBe("Entry.locked.DEADLINE");

    expect((await setPeriodLock(null, { ...OCT, state: "OPEN", reason: "更正数据" })).ok).toBe(true);
    expect((await saveFills(null, { ...at, cells: [cell], reason: "更正录入错误" })).ok).toBe(true);
    const after = await db.fill.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: submitted.id } } });
    expect(fromStored(after.value).toString()).toBe(cell.value);
    expect(after.status).toBe("SUBMITTED");
    expect(await db.auditEntry.count({ where: { tenantId, action: "fill.enterOnBehalf", entityId: submitted.regionId } })).toBe(1);
  });

  it("still refuses a reporter another county's figures, and a leader any", async () => {
    await signInAs(db, "xiangxi-433125");
    const cell = await cellAbove(luxi);
    expect(await saveFills(null, { regionId: luxi, ...NOV, cells: [cell], reason: "代填" })).toMatchObject({ ok: false, message: "Actions.forbidden" });
    await signInAs(db, "xiangxi-leader");
    expect(await saveFills(null, { regionId: luxi, ...NOV, cells: [cell], reason: "代填" })).toMatchObject({ ok: false, message: "Actions.forbidden" });
    expect(await db.fill.count({ where: { tenantId, regionId: luxi, ...NOV } })).toBe(0);
  });
});
