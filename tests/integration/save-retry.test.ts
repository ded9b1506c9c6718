/**
 * A save that meets a transient database failure (a busy SQLite file, a write conflict or
 * deadlock on PostgreSQL) is run again whole before the user sees anything: the first
 * attempt's writes are rolled back, the rerun's are kept, once. A failure that outlasts the
 * retries says nothing was changed and to try again; a version conflict is still a
 * conflict named per cell, never retried into an overwrite.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/auth/session", async () => {
  const m = await import("../support/reporting-session");
  return { getSessionUser: async () => m.current.user };
});
vi.mock("next-intl/server", async () => {
  const m = await import("../support/reporting-session");
  return { getTranslations: async (ns?: string) => m.keyTranslator(typeof ns === "string" ? ns : undefined) };
});

/** How many of the next transactions fail after their writes, and how often the writes ran. */
const inject = { failures: 0, runs: 0 };

/** A transient failure as the drivers report it through Prisma. */
function transientError(): Error {
  const provider = process.env.TEST_DB_PROVIDER;
  return provider === "postgresql"
    ? Object.assign(new Error("Transaction failed due to a write conflict or a deadlock. Please retry your transaction"), { code: "P2034" })
    : Object.assign(new Error("Operation has timed out"), { code: "P1008", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } });
}

vi.mock("../../lib/data/fills", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../lib/data/fills")>();
  return {
    ...original,
    writeFills: async (...args: Parameters<typeof original.writeFills>) => {
      inject.runs++;
      const conflicts = await original.writeFills(...args);
      // after the writes, inside the transaction: the database must roll them back
      if (inject.failures > 0) {
        inject.failures--;
        throw transientError();
      }
      return conflicts;
    },
  };
});

import { saveFills } from "../../lib/actions/save-fills";
import { db } from "../../lib/db/client";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { signInAs } from "../support/reporting-session";

let tenantId: string;
let baojing: string;
let rdExp: string;
let talent: string;
const NOV = { year: 2026, month: 11 };

beforeAll(async () => {
  process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  baojing = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } })).id;
  rdExp = (await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } })).id;
  talent = (await db.indicator.findFirstOrThrow({ where: { tenantId, code: "TALENT" } })).id;
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});
beforeEach(async () => {
  inject.failures = 0;
  inject.runs = 0;
  await signInAs(db, "xiangxi-433125");
});

const cellOf = (indicatorId: string) => db.fill.findFirst({ where: { tenantId, regionId: baojing, indicatorId, ...NOV } });
const auditsOf = (fillId: string) => db.fillAudit.findMany({ where: { tenantId, fillId } });

describe("saves under transient database failures", () => {
  it("reruns a save whose transaction failed transiently: saved once, audited once", async () => {
    inject.failures = 2;
    const res = await saveFills(null, {
      regionId: baojing,
      ...NOV,
      cells: [
        { indicatorId: rdExp, value: "12.34", note: "核实", version: 0, confirmed: true },
        { indicatorId: talent, value: "7", note: "核实", version: 0, confirmed: true },
      ],
    });
    expect(res).toMatchObject({ ok: true, data: { saved: 2 } });
    expect(inject.runs).toBe(3);
    const rd = await cellOf(rdExp);
    expect(fromStored(rd!.value).toString()).toBe("12.34");
    expect(rd!.version).toBe(1);
    expect(await auditsOf(rd!.id)).toHaveLength(1);

    // an update retried: the version moves by one, one UPDATE audit row with the old value
    inject.failures = 1;
    const update = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: rdExp, value: "13.5", note: "核实", version: 1, confirmed: true }] });
    expect(update).toMatchObject({ ok: true });
    const after = await cellOf(rdExp);
    expect(fromStored(after!.value).toString()).toBe("13.5");
    expect(after!.version).toBe(2);
    const audits = await auditsOf(after!.id);
    expect(audits.map((a) => a.action).sort()).toEqual(["CREATE", "UPDATE"]);
    expect(fromStored(audits.find((a) => a.action === "UPDATE")!.oldValue!).toString()).toBe("12.34");
  });

  it("says nothing was changed and to try again when the failure outlasts the retries", async () => {
    inject.failures = 100;
    const before = await cellOf(rdExp);
    const res = await saveFills(null, { regionId: baojing, ...NOV, cells: [{ indicatorId: rdExp, value: "99", note: "核实", version: before!.version, confirmed: true }] });
    expect(res).toMatchObject({ ok: false, message: "Actions.busy" });
    expect(inject.runs).toBeGreaterThan(1);
    const after = await cellOf(rdExp);
    expect(after!.version).toBe(before!.version);
    expect(fromStored(after!.value).toString()).toBe(fromStored(before!.value).toString());
  });

  it("still reports a conflict per cell after a rerun, and writes nothing", async () => {
    const before = await cellOf(rdExp);
    inject.failures = 1;
    // a stale version: the cell was saved after this form was read
    const res = await saveFills(null, {
      regionId: baojing,
      ...NOV,
      cells: [
        { indicatorId: rdExp, value: "1.5", note: "旧页面", version: before!.version - 1, confirmed: true },
        { indicatorId: talent, value: "8", note: "旧页面", version: (await cellOf(talent))!.version, confirmed: true },
      ],
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.message).toContain("errors.conflictTitle");
    expect(res.errors[`cells.${rdExp}`]?.[0]).toContain("errors.conflict");
    expect(res.errors[`cells.${talent}`]).toBeUndefined();
    const after = await cellOf(rdExp);
    expect(after!.version).toBe(before!.version);
    expect(fromStored((await cellOf(talent))!.value).toString()).toBe("7");
  });
});
