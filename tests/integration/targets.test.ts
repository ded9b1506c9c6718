/**
 * Targets administration on a real database (SQLite and PostgreSQL): importing the
 * LibreOffice-written fixture (dry run writes nothing, commit writes everything in one
 * transaction and audits every change), the malformed fixture (every bad row reported,
 * nothing written), a cell edit, copying last year's targets raised by a percentage, and
 * the reporter's view of their own row only.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { keyTranslations, sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => keyTranslations());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { importTargets } = await import("../../lib/actions/import-targets");
const { setTarget } = await import("../../lib/actions/set-target");
const { copyTargets } = await import("../../lib/actions/copy-targets");
const { getTargetGrid } = await import("../../lib/data/targets");
const { listAudit } = await import("../../lib/data/audit");
const { tenantYears } = await import("../../lib/data/years");
const targetExport = await import("../../app/[tenant]/targets/export/route");

const db = testDb();
const fixtures = path.join(import.meta.dirname, "../fixtures");
let tenantId: string;
let admin: SessionUser;

function fileForm(name: string, year: number, mode: "dryRun" | "commit"): FormData {
  const bytes = fs.readFileSync(path.join(fixtures, name));
  const form = new FormData();
  form.set("year", String(year));
  form.set("mode", mode);
  form.set("file", new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  return form;
}

const counts = async () => ({
  targets: await db.target.count({ where: { tenantId, year: 2027 } }),
  audits: await db.auditEntry.count({ where: { tenantId, entity: "Target" } }),
});

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  admin = await sessionFor(db, "xiangxi-admin");
  session.user = admin;
}, 180_000);
afterAll(() => db.$disconnect());

describe("target import from LibreOffice-written xlsx", () => {
  it("reports every bad row of the malformed file and writes nothing, in either mode", async () => {
    const before = await counts();
    for (const mode of ["dryRun", "commit"] as const) {
      const result = await importTargets(null, fileForm("targets-2027-malformed.xlsx", 2027, mode));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.data.written).toBe(false);
      const found = result.data.issues.map((i) => [i.row, i.reason]);
      expect(found).toEqual(
        expect.arrayContaining([
          [3, "regionUnknown"],
          [4, "indicatorUnknown"],
          [5, "negative"],
          [6, "notNumber"],
          [7, "duplicate"],
          [8, "yearMismatch"],
          [9, "tooManyDecimals"],
        ]),
      );
      expect(result.data.issues).toHaveLength(7);
      expect(result.data.issues.find((i) => i.row === 6)).toMatchObject({ column: "目标值", value: "一点一" });
    }
    expect(await counts()).toEqual(before);
  });

  it("dry run of the valid file writes nothing; commit writes all 50 rows and audits each", async () => {
    const before = await counts();
    const dry = await importTargets(null, fileForm("targets-2027.xlsx", 2027, "dryRun"));
    expect(dry.ok && dry.data.issues).toEqual([]);
    expect(await counts()).toEqual(before);

    const done = await importTargets(null, fileForm("targets-2027.xlsx", 2027, "commit"));
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.data.result).toEqual({ created: 50, updated: 0, removed: 0, unchanged: 0 });
    const after = await counts();
    expect(after.targets).toBe(before.targets + 50);
    expect(after.audits).toBe(before.audits + 50);

    const jishou = await db.target.findFirstOrThrow({ where: { tenantId, year: 2027, region: { code: "433101" }, indicator: { code: "RD_EXP" } } });
    expect(fromStored(jishou.value).toString()).toBe("1.9");

    // importing the same file again changes nothing
    const again = await importTargets(null, fileForm("targets-2027.xlsx", 2027, "commit"));
    expect(again.ok && again.data.result).toEqual({ created: 0, updated: 0, removed: 0, unchanged: 50 });
  });

  it("reads the same ledger as a GBK CSV (as WPS saves it): every row valid, nothing written by the dry run", async () => {
    const text = fs.readFileSync(path.join(fixtures, "targets-2027.csv"), "utf8");
    const form = new FormData();
    form.set("year", "2027");
    form.set("mode", "dryRun");
    form.set("file", new File([new Uint8Array(iconv.encode(text.replace(/\r?\n/g, "\r\n"), "gbk"))], "目标.csv", { type: "text/csv" }));
    const before = await counts();
    const dry = await importTargets(null, form);
    expect(dry.ok && dry.data.issues).toEqual([]);
    expect(dry.ok && dry.data.rows).toBe(50);
    expect(await counts()).toEqual(before);
  });

  it("re-imports the export as it is: filled cells are written, blank ones change nothing", async () => {
    const res = await targetExport.GET(new Request("http://localhost/xiangxi/targets/export?year=2031"), { params: Promise.resolve({ tenant: "xiangxi" }) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    // the header as the Chinese catalogue writes it (the test translator writes message keys)
    const zh = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../messages/zh-CN.json"), "utf8")).Targets.export;
    ws.getRow(1).values = [zh.region, zh.regionName, zh.indicator, zh.indicatorName, zh.year, zh.value];
    const blankRows = ws.rowCount - 1;
    expect(blankRows).toBeGreaterThan(20);
    ws.getRow(2).getCell(6).value = 12.5;
    ws.getRow(3).getCell(6).value = "3";
    const form = new FormData();
    form.set("year", "2031");
    form.set("mode", "commit");
    form.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "targets-2031.xlsx"));
    const done = await importTargets(null, form);
    expect(done.ok && done.data.issues).toEqual([]);
    expect(done.ok && done.data.blank).toBe(blankRows - 2);
    expect(done.ok && done.data.result).toEqual({ created: 2, updated: 0, removed: 0, unchanged: 0 });
    expect(await db.target.count({ where: { tenantId, year: 2031 } })).toBe(2);
    // the pickers offer every year holding targets or figures, and the one after the newest
    const years = await tenantYears(db, { tenantId, userId: admin.userId, role: "ADMIN", regionId: admin.regionId }, 2026);
    expect(years.slice(0, 2)).toEqual([2032, 2031]);
    expect(years).toContain(2026);
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });

  it("refuses the file for another year than the page's", async () => {
    const result = await importTargets(null, fileForm("targets-2027.xlsx", 2028, "commit"));
    expect(result.ok && result.data.issues.every((i) => i.reason === "yearMismatch")).toBe(true);
    expect(await db.target.count({ where: { tenantId, year: 2028 } })).toBe(0);
  });

  it("shows the sum of county targets against the city's target", async () => {
    const grid = await getTargetGrid(db, { tenantId, userId: admin.userId, role: "ADMIN", regionId: admin.regionId }, 2027);
    const rd = grid.indicators.find((i) => i.code === "RD_EXP")!;
    const check = grid.checks.find((c) => c.indicatorId === rd.id)!;
    // 1.90+0.95+1.30+1.10+0.85+0.60+0.92+1.05+2.40 = 11.07 against the city's 11.50
    expect(check).toMatchObject({ status: "COUNTIES_BELOW", city: "11.50", sum: "11.07", difference: "-0.43", counted: 9, counties: 9 });
    const tsme = grid.indicators.find((i) => i.code === "TSME")!;
    expect(grid.checks.find((c) => c.indicatorId === tsme.id)).toMatchObject({ status: "COUNTIES_ABOVE", city: "120", sum: "122", difference: "2" });
    const talent = grid.indicators.find((i) => i.code === "TALENT")!;
    expect(grid.checks.find((c) => c.indicatorId === talent.id)).toMatchObject({ status: "MATCH", city: "585", sum: "585" });
    const ratio = grid.indicators.find((i) => i.code === "RD_INTENSITY")!;
    expect(grid.checks.find((c) => c.indicatorId === ratio.id)).toMatchObject({ status: "NOT_SUMMABLE" });
  });
});

describe("editing and copying targets", () => {
  it("a cell edit validates the indicator's precision, saves and is audited with before and after", async () => {
    const region = await db.region.findFirstOrThrow({ where: { tenantId, code: "433101" } });
    const rd = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    const bad = await setTarget(null, { regionId: region.id, indicatorId: rd.id, year: 2027, value: "2.001" });
    expect(bad.ok).toBe(false);
    const neg = await setTarget(null, { regionId: region.id, indicatorId: rd.id, year: 2027, value: "-1" });
    expect(neg.ok).toBe(false);
    const ok = await setTarget(null, { regionId: region.id, indicatorId: rd.id, year: 2027, value: "2.00" });
    expect(ok.ok).toBe(true);
    const { rows: audit } = await listAudit(db, { tenantId, userId: admin.userId, role: "ADMIN", regionId: admin.regionId }, { entity: "Target", pageSize: 5 });
    expect(audit[0]).toMatchObject({ entity: "Target", action: "update", label: "吉首市 · 全社会研发经费投入 · 2027", before: "1.90", after: "2.00" });
    expect(audit[0].actor).toContain("xiangxi-admin");
  });

  it("copies last year's targets raised by a percentage, rounded to each indicator's precision", async () => {
    const result = await copyTargets(null, { year: 2028, percent: "10", overwrite: false });
    expect(result.ok).toBe(true);
    const src = await db.target.findFirstOrThrow({ where: { tenantId, year: 2027, region: { code: "433101" }, indicator: { code: "TALENT" } } });
    const dst = await db.target.findFirstOrThrow({ where: { tenantId, year: 2028, region: { code: "433101" }, indicator: { code: "TALENT" } } });
    expect(fromStored(src.value).toString()).toBe("95");
    expect(fromStored(dst.value).toString()).toBe("105"); // 104.5 → 105 (precision 0, half up)
    const rd = await db.target.findFirstOrThrow({ where: { tenantId, year: 2028, region: { code: "433101" }, indicator: { code: "RD_EXP" } } });
    expect(fromStored(rd.value).toString()).toBe("2.2");
  });

  it("refuses a leader and a reporter to write, and a reporter sees only their own row", async () => {
    const region = await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } });
    const rd = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    for (const account of ["xiangxi-leader", "xiangxi-433125"]) {
      session.user = await sessionFor(db, account);
      const r = await setTarget(null, { regionId: region.id, indicatorId: rd.id, year: 2027, value: "9" });
      expect(r.ok).toBe(false);
      const i = await importTargets(null, fileForm("targets-2027.xlsx", 2027, "commit"));
      expect(i.ok).toBe(false);
    }
    const reporter = session.user!;
    const grid = await getTargetGrid(db, { tenantId, userId: reporter.userId, role: "REPORTER", regionId: reporter.regionId }, 2027);
    expect(grid.regions.map((r) => r.code)).toEqual(["433125"]);
    expect(grid.checks).toEqual([]);
    expect(Object.keys(grid.values).every((k) => k.startsWith(`${region.id}|`))).toBe(true);
    session.user = admin;
  });
});

describe("a blank cell changes nothing", () => {
  it("in the targets import: a blank 目标值 leaves a stored target as it is", async () => {
    const stored = await db.target.findFirstOrThrow({ where: { tenantId, year: 2026, region: { code: "433122" } }, include: { indicator: true } });
    const form = new FormData();
    form.set("year", "2026");
    form.set("mode", "commit");
    form.set("file", new File([`\uFEFF区域代码,区域名称,指标代码,指标名称,年度,目标值\r\n433122,泸溪县,${stored.indicator.code},,2026,\r\n`], "targets.csv", { type: "text/csv" }));
    const done = await importTargets(null, form);
    expect(done.ok && done.data.issues).toEqual([]);
    expect(done.ok && done.data.blank).toBe(1);
    expect(await db.target.findFirstOrThrow({ where: { tenantId, id: stored.id }, include: { indicator: true } })).toEqual(stored);
  });
});
