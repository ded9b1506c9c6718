/**
 * Import of fills (both providers): the dry run lists every bad row and writes nothing; the
 * commit writes all rows in one transaction or none — also when a write fails half-way.
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

import iconv from "iconv-lite";
import { importFills } from "../../lib/actions/import-fills";
import { db } from "../../lib/db/client";
import { fromStored } from "../../lib/decimal";
import { writeSheet } from "../../lib/xlsx";
import { seedDemo } from "../../prisma/seed";
import { signInAs } from "../support/reporting-session";

/** The transaction client, except that its `n`-th write (of cells or of audit rows) throws. */
function failingOnWrite<T extends object>(tx: T, n: number): T {
  let writes = 0;
  const failing = (method: (...a: unknown[]) => Promise<unknown>, self: unknown) => (...args: unknown[]) => {
    writes += 1;
    if (writes === n) return Promise.reject(new Error("the database failed this write (test)"));
    return method.apply(self, args);
  };
  const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany"]);
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "$executeRawUnsafe") return failing(value as never, target);
      if (prop !== "fill" && prop !== "fillAudit") return value;
      return new Proxy(value as object, {
        get(model, op, r) {
          const method = Reflect.get(model, op, r);
          return WRITES.has(String(op)) ? failing(method as never, model) : method;
        },
      });
    },
  });
}

let tenantId: string;
let baojing: string;
let luxi: string;

beforeAll(async () => {
  process.env.STI_NOW = "2026-11-22T04:00:00.000Z";
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  baojing = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } })).id;
  luxi = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433122" } })).id;
}, 180_000);
afterAll(async () => {
  delete process.env.STI_NOW;
  await db.$disconnect();
});

async function octValue(regionId: string, code: string) {
  const f = await db.fill.findFirstOrThrow({ where: { tenantId, regionId, year: 2026, month: 10, indicator: { code } } });
  return fromStored(f.value);
}

const csv = (lines: string[]) => new File(["\uFEFF区域代码,指标代码,年,月,数值,备注\r\n" + lines.join("\r\n") + "\r\n"], "fills.csv", { type: "text/csv" });
const form = (file: File, mode: "dryRun" | "commit") => {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("mode", mode);
  return fd;
};
const novCount = (regionId: string) => db.fill.count({ where: { tenantId, regionId, year: 2026, month: 11 } });

describe("import of fills", () => {
  it("dry run: lists every bad row with its column and reason, and writes nothing", async () => {
    await signInAs(db, "xiangxi-433125");
    const rd = (await octValue(baojing, "RD_EXP")).times("1.1").toDecimalPlaces(2);
    const file = csv([
      `433125,RD_EXP,2026,11,${rd},`,
      `433122,RD_EXP,2026,11,1,`, // another county
      `433125,RD_INTENSITY,2026,11,1,`, // computed
      `433125,TSME,2026,11,abc,`, // malformed
      `433125,TECH_CONTRACT,2026,10,1,`, // October is closed
    ]);
    const res = await importFills(null, form(file, "dryRun"));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors)).toEqual(["3|区域代码", "4|指标代码", "5|数值", "6|数值"]);
    expect(res.errors["3|区域代码"]?.[0]).toContain("reasons.regionNotAllowed");
    expect(res.errors["6|数值"]?.[0]).toContain("reasons.locked");
    expect(await novCount(baojing)).toBe(0);
    // committing the same file writes nothing either
    expect((await importFills(null, form(file, "commit"))).ok).toBe(false);
    expect(await novCount(baojing)).toBe(0);
  });

  it("commit: writes every row in one transaction as DRAFT for a reporter, audited", async () => {
    await signInAs(db, "xiangxi-433125");
    const lines = [];
    for (const code of ["RD_EXP", "TECH_CONTRACT", "HT_INVEST"]) lines.push(`433125,${code},2026,11,${(await octValue(baojing, code)).times("1.1").toDecimalPlaces(2)},导入`);
    const file = csv(lines);
    const dry = await importFills(null, form(file, "dryRun"));
    expect(dry).toMatchObject({ ok: true, data: { mode: "dryRun", rows: 3, written: 0 } });
    expect(await novCount(baojing)).toBe(0);
    const res = await importFills(null, form(file, "commit"));
    expect(res).toMatchObject({ ok: true, data: { mode: "commit", written: 3 } });
    const fills = await db.fill.findMany({ where: { tenantId, regionId: baojing, year: 2026, month: 11 }, include: { audits: true } });
    expect(fills.map((f) => f.status)).toEqual(["DRAFT", "DRAFT", "DRAFT"]);
    expect(fills.every((f) => f.audits.length === 1 && f.audits[0]!.action === "IMPORT")).toBe(true);
  });

  it("commit: a write failing half-way leaves nothing written (all or none)", async () => {
    await signInAs(db, "xiangxi-admin");
    const before = await db.fill.count({ where: { tenantId } });
    const audits = await db.fillAudit.count({ where: { tenantId } });
    const file = csv(
      await Promise.all(
        ["RD_EXP", "TECH_CONTRACT", "HT_INVEST"].map(async (code) => `433122,${code},2026,11,${(await octValue(luxi, code)).times("1.1").toDecimalPlaces(2)},`),
      ),
    );
    expect((await importFills(null, form(file, "dryRun"))).ok).toBe(true);
    // the database fails the audit rows' write, after the cells' (as a full disk or a dropped connection would)
    const transaction = db.$transaction.bind(db) as (fn: (tx: unknown) => Promise<unknown>, options?: unknown) => Promise<unknown>;
    const spy = vi.spyOn(db, "$transaction").mockImplementation(((fn: (tx: unknown) => Promise<unknown>, options?: unknown) =>
      transaction((tx) => fn(failingOnWrite(tx as object, 2)), options)) as never);
    let res;
    try {
      res = await importFills(null, form(file, "commit"));
    } finally {
      spy.mockRestore();
    }
    expect(res.ok).toBe(false);
    expect(await db.fill.count({ where: { tenantId } })).toBe(before);
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(audits);
  });

  it("commit over stored cells: changes them in place, version and audit with the old value", async () => {
    await signInAs(db, "xiangxi-admin");
    const huayuan = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433124" } })).id;
    const codes = ["RD_EXP", "TECH_CONTRACT"];
    const base = await Promise.all(codes.map((code) => octValue(huayuan, code)));
    const file = (factor: string) => csv(codes.map((code, k) => `433124,${code},2026,11,${base[k]!.times(factor).toDecimalPlaces(2)},第${factor}版`));
    expect(await importFills(null, form(file("1.1"), "commit"))).toMatchObject({ ok: true, data: { written: 2 } });
    const first = await db.fill.findMany({ where: { tenantId, regionId: huayuan, year: 2026, month: 11 }, orderBy: { indicatorId: "asc" } });
    const res = await importFills(null, form(file("1.2"), "commit"));
    expect(res).toMatchObject({ ok: true, data: { written: 2 } });
    const after = await db.fill.findMany({ where: { tenantId, regionId: huayuan, year: 2026, month: 11 }, orderBy: { indicatorId: "asc" }, include: { audits: { orderBy: { createdAt: "asc" } } } });
    expect(after.map((f) => f.id)).toEqual(first.map((f) => f.id));
    for (const [k, f] of after.entries()) {
      expect(f).toMatchObject({ version: 2, status: "SUBMITTED", note: "第1.2版" });
      expect(f.updatedAt.getTime()).toBeGreaterThanOrEqual(first[k]!.updatedAt.getTime());
      expect(f.submittedAt!.toISOString()).toBe(process.env.STI_NOW);
      expect(f.audits.map((a) => [a.action, a.oldValue, a.newValue, a.oldStatus])).toEqual([
        ["IMPORT", null, first[k]!.value, null],
        ["IMPORT", first[k]!.value, f.value, "SUBMITTED"],
      ]);
    }
    const wanted = base.map((b) => b.times("1.2").toDecimalPlaces(2).toString()).sort();
    expect(after.map((f) => fromStored(f.value).toString()).sort()).toEqual(wanted);
  });

  it("commit: a cell saved by someone else after the check writes nothing and says so", async () => {
    await signInAs(db, "xiangxi-admin");
    const huayuan = (await db.region.findFirstOrThrow({ where: { tenantId, code: "433124" } })).id;
    const stored = await db.fill.findMany({ where: { tenantId, regionId: huayuan, year: 2026, month: 11 } });
    expect(stored.length).toBeGreaterThan(0);
    const audits = await db.fillAudit.count({ where: { tenantId } });
    const file = csv(await Promise.all(["RD_EXP", "TECH_CONTRACT", "HT_INVEST"].map(async (code) => `433124,${code},2026,11,${(await octValue(huayuan, code)).times("1.3").toDecimalPlaces(2)},第三版`)));
    // someone saves the first stored cell between the import's check and its write
    const transaction = db.$transaction.bind(db) as (fn: unknown, options?: unknown) => Promise<unknown>;
    const spy = vi.spyOn(db, "$transaction").mockImplementation((async (fn: unknown, options?: unknown) => {
      await db.fill.update({ where: { tenantId_id: { tenantId, id: stored[0]!.id } }, data: { version: { increment: 1 } } });
      return transaction(fn, options);
    }) as never);
    let res;
    try {
      res = await importFills(null, form(file, "commit"));
    } finally {
      spy.mockRestore();
    }
    expect(res).toMatchObject({ ok: false, message: "Import.errors.changedMeanwhile" });
    const now = await db.fill.findMany({ where: { tenantId, regionId: huayuan, year: 2026, month: 11 } });
    expect(now.map((f) => f.value).sort()).toEqual(stored.map((f) => f.value).sort());
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(audits);
  });

  it("reads .xlsx; an admin's import for any county enters review as SUBMITTED", async () => {
    await signInAs(db, "xiangxi-admin");
    const value = (await octValue(luxi, "RD_EXP")).times("1.1").toDecimalPlaces(2);
    const body = await writeSheet("填报模板", ["区域代码", "指标代码", "年", "月", "数值", "备注"], [["433122", "RD_EXP", 2026, 11, Number(value.toString()), ""]]);
    const file = new File([body], "fills.xlsx");
    const res = await importFills(null, form(file, "commit"));
    expect(res).toMatchObject({ ok: true, data: { written: 1 } });
    const f = await db.fill.findFirstOrThrow({ where: { tenantId, regionId: luxi, year: 2026, month: 11, indicator: { code: "RD_EXP" } } });
    expect(f.status).toBe("SUBMITTED");
    expect(fromStored(f.value).toString()).toBe(value.toString());
  });

  it("re-imports the month's export as it is (blank, approved and locked cells included) and the empty template", async () => {
    await signInAs(db, "xiangxi-admin");
    const params = { params: Promise.resolve({ tenant: "xiangxi" }) };
    const { GET: exportMonth } = await import("../../app/[tenant]/entry/export/route");
    const { GET: template } = await import("../../app/[tenant]/entry/template/route");
    const audits = await db.fillAudit.count({ where: { tenantId } });
    const october = await exportMonth(new Request("http://localhost/xiangxi/entry/export?year=2026&month=10"), params);
    expect(october.status).toBe(200);
    const res = await importFills(null, form(new File([await october.arrayBuffer()], "fills-2026-10.xlsx"), "commit"));
    expect(res).toMatchObject({ ok: true, data: { mode: "commit", written: 0 } });
    const empty = await template(new Request("http://localhost/xiangxi/entry/template?year=2026&month=12"), params);
    const dry = await importFills(null, form(new File([await empty.arrayBuffer()], "template.xlsx"), "dryRun"));
    expect(dry).toMatchObject({ ok: true, data: { written: 0 } });
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(audits);
  });

  it("reads a GBK CSV as WPS saves it, and names each problem once with its row and column", async () => {
    await signInAs(db, "xiangxi-admin");
    const text = ["区域代码,指标代码,年,月,数值,备注", "433122,TSME,2026,11,十二,补报：含“技改”", "433122,TSME,2026,11,,", "433122,NOPE,2026,13,1,"].join("\r\n");
    const file = new File([new Uint8Array(iconv.encode(text, "gbk"))], "填报.csv", { type: "text/csv" });
    const res = await importFills(null, form(file, "dryRun"));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(Object.keys(res.errors)).toEqual(["2|数值", "4|指标代码", "4|月"]);
    expect(Object.values(res.errors).every((messages) => messages.length === 1)).toBe(true);
    // the GBK bytes were read as the Chinese text they are
    expect(res.errors["2|数值"]).toEqual(['Import.reasons.malformed {"detail":"十二"}']);
  });

  it("refuses a leader, who may read but not write", async () => {
    await signInAs(db, "xiangxi-leader");
    const res = await importFills(null, form(csv(["433125,RD_EXP,2026,11,1,"]), "dryRun"));
    expect(res).toMatchObject({ ok: false, message: "Import.errors.forbidden" });
  });
});

describe("a blank cell changes nothing", () => {
  it("in the month import: a blank 数值 leaves a stored figure as it is, unaudited", async () => {
    await signInAs(db, "xiangxi-admin");
    const before = await db.fill.findFirstOrThrow({ where: { tenantId, regionId: luxi, year: 2026, month: 11, indicator: { code: "RD_EXP" } } });
    const audits = await db.fillAudit.count({ where: { tenantId } });
    const res = await importFills(null, form(csv(["433122,RD_EXP,2026,11,,"]), "commit"));
    expect(res).toMatchObject({ ok: true, data: { written: 0 } });
    expect(await db.fill.findFirstOrThrow({ where: { tenantId, id: before.id } })).toEqual(before);
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(audits);
  });
});
