/**
 * The administration's sheet imports on a real database (SQLite and PostgreSQL): the region
 * tree, the indicator catalogue and the users — each exported sheet re-imports as it is,
 * the dry run previews and writes nothing, the commit writes everything or nothing, audited.
 */
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { keyTranslations, sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => keyTranslations());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { importRegions } = await import("../../lib/actions/import-regions");
const regionExport = await import("../../app/[tenant]/admin/regions/export/route");
const { importCatalogue } = await import("../../lib/actions/import-catalogue");
const catalogueExport = await import("../../app/[tenant]/admin/indicators/export/route");
const { importUsers } = await import("../../lib/actions/import-users");
const userExport = await import("../../app/[tenant]/admin/users/export/route");
const { verifyPassword } = await import("../../lib/auth/password");

const db = testDb();
let tenantId: string;
const params = { params: Promise.resolve({ tenant: "xiangxi" }) };

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  session.user = await sessionFor(db, "xiangxi-admin");
}, 180_000);
afterAll(() => db.$disconnect());

const form = (file: File, mode: "dryRun" | "commit") => {
  const fd = new FormData();
  fd.set("file", file);
  fd.set("mode", mode);
  return fd;
};
/** A CSV as WPS and Chinese Excel save it: GBK, CRLF, no BOM. */
const gbkCsv = (name: string, lines: string[]) => new File([new Uint8Array(iconv.encode(lines.join("\r\n") + "\r\n", "gbk"))], name, { type: "text/csv" });
const auditCount = (entity: string) => db.auditEntry.count({ where: { tenantId, entity } });

async function sheetRows(res: Response): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("region tree import", () => {
  it("re-imports its own export as it is: nothing to change", async () => {
    const res = await regionExport.GET(new Request("http://localhost/xiangxi/admin/regions/export"), params);
    expect(res.status).toBe(200);
    const rows = await sheetRows(res);
    expect(rows[0]).toEqual(["区域代码", "区域名称", "级别", "上级代码", "排序", "启用"]);
    expect(rows.find((r) => r[0] === "433122")).toEqual(["433122", "泸溪县", "县", "433100", expect.any(Number), "是"]);
    const file = new File([await (await regionExport.GET(new Request("http://localhost/x"), params)).arrayBuffer()], "regions.xlsx");
    const result = await importRegions(null, form(file, "commit"));
    expect(result.ok && result.data.issues).toEqual([]);
    expect(result.ok && result.data.planned.every((p) => p.change === "unchanged")).toBe(true);
  });

  it("dry run previews new and changed regions and writes nothing; blank cells change nothing", async () => {
    const before = await db.region.count({ where: { tenantId } });
    const file = gbkCsv("区域.csv", [
      "区域代码,区域名称,级别,上级代码,排序,启用",
      "433181,湘西高新区,园区,433101,30,是",
      "433182,高新区一园,园区,433181,,",
      "433122,泸溪县（改）,,,,",
    ]);
    const dry = await importRegions(null, form(file, "dryRun"));
    expect(dry).toMatchObject({ ok: true, data: { written: false, issues: [] } });
    if (!dry.ok) return;
    expect(dry.data.planned.map((p) => [p.row, p.code, p.change, p.fields])).toEqual([
      [2, "433181", "create", []],
      [3, "433182", "create", []],
      [4, "433122", "update", ["name"]],
    ]);
    expect(await db.region.count({ where: { tenantId } })).toBe(before);

    const audits = await auditCount("Region");
    const done = await importRegions(null, form(file, "commit"));
    expect(done).toMatchObject({ ok: true, data: { written: true } });
    const zone = await db.region.findFirstOrThrow({ where: { tenantId, code: "433182" }, include: { parent: true } });
    expect(zone).toMatchObject({ name: "高新区一园", level: "ZONE", active: true, parent: { code: "433181" } });
    expect(await db.region.findFirstOrThrow({ where: { tenantId, code: "433122" } })).toMatchObject({ name: "泸溪县（改）", level: "COUNTY" });
    expect(await auditCount("Region")).toBe(audits + 3);
  });

  it("lists every bad row once with its column and reason, and writes nothing", async () => {
    const before = await db.region.count({ where: { tenantId } });
    const file = gbkCsv("bad.csv", [
      "区域代码,区域名称,级别,上级代码,排序,启用",
      "43318,短代码,园区,433101,,",
      "433183,无级别,,433101,,",
      "433184,未知上级,园区,439999,,",
      "433181,自我隶属,,433182,,",
      "433100,,,,,否",
      "433185,新区,园区,,,也许",
    ]);
    const res = await importRegions(null, form(file, "commit"));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.data.written).toBe(false);
    expect(res.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, "区域代码", "regionCode"],
      [3, "级别", "requiredNew"],
      [6, "启用", "deactivateRoot"],
      [7, "启用", "notFlag"],
    ]);
    expect(new Set(res.data.issues.map((i) => `${i.row}|${i.column}`)).size).toBe(res.data.issues.length);
    // the tree is checked once the rows themselves are right
    const tree = await importRegions(null, form(gbkCsv("tree.csv", ["区域代码,区域名称,级别,上级代码", "433184,未知上级,园区,439999", "433181,,,433182"]), "dryRun"));
    expect(tree.ok && tree.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, "上级代码", "parentUnknown"],
      [3, "上级代码", "moveIntoSelf"],
    ]);
    expect(await db.region.count({ where: { tenantId } })).toBe(before);
  });
});

/** A CSV as Excel saves "CSV UTF-8": a BOM, CRLF. */
const utf8Csv = (name: string, lines: string[]) => new File(["\uFEFF" + lines.join("\r\n") + "\r\n"], name, { type: "text/csv" });
const CATALOGUE_HEADER = "指标代码,指标名称,单位,统计口径,类型,方向,小数位数,权重,报送频率,分子指标代码,分母指标代码,系数,进度曲线";
const CATALOGUE_EXPORT_HEADER = "指标代码,指标名称,单位,统计口径,指标分组,类型,方向,小数位数,权重,报送频率,分子指标代码,分母指标代码,系数,进度曲线";

describe("indicator catalogue import", () => {
  it("re-imports its own export as it is: nothing to change", async () => {
    const res = await catalogueExport.GET(new Request("http://localhost/xiangxi/admin/indicators/export"), params);
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header.join(",")).toBe(CATALOGUE_EXPORT_HEADER);
    const result = await importCatalogue(null, form(new File([bytes], "indicators.xlsx"), "commit"));
    expect(result.ok && result.data.issues).toEqual([]);
    expect(result.ok && result.data.planned.filter((p) => p.change !== "unchanged")).toEqual([]);
  });

  it("creates indicators with ratio parts, factor and curve, after a dry run that writes nothing", async () => {
    const curve = "5/10/20/30/40/50/60/70/80/90/95/100";
    const file = utf8Csv("指标.csv", [
      CATALOGUE_HEADER,
      `PATENT_RATE,每万人发明专利拥有量,件,,比率,越高越好,2,0.5,年报,PATENTS,RESIDENTS,10000,`,
      `PATENTS,发明专利拥有量,件,年末数,保有量,,0,,,,,,${curve}`,
      `RESIDENTS,常住人口（人）,人,,保有量,,0,,年报,,,,`,
      `RD_EXP,,,研发经费口径（修订）,,,,,,,,,`,
    ]);
    const before = await db.indicator.count({ where: { tenantId } });
    const dry = await importCatalogue(null, form(file, "dryRun"));
    expect(dry.ok && dry.data.issues).toEqual([]);
    expect(dry.ok && dry.data.planned.map((p) => [p.code, p.change, p.fields])).toEqual([
      ["PATENT_RATE", "create", []],
      ["PATENTS", "create", []],
      ["RESIDENTS", "create", []],
      ["RD_EXP", "update", ["definition"]],
    ]);
    expect(await db.indicator.count({ where: { tenantId } })).toBe(before);
    const done = await importCatalogue(null, form(file, "commit"));
    expect(done).toMatchObject({ ok: true, data: { written: true } });
    const rate = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "PATENT_RATE" }, include: { numerator: true, denominator: true } });
    expect(rate).toMatchObject({ kind: "RATIO", precision: 2, weight: 500_000n, frequency: "YEARLY", ratioFactor: 10_000_000_000n, numerator: { code: "PATENTS" }, denominator: { code: "RESIDENTS" } });
    const patents = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "PATENTS" }, include: { curve: { orderBy: { month: "asc" } } } });
    expect(patents).toMatchObject({ kind: "STOCK", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", definition: "年末数" });
    expect(patents.curve.map((p) => p.share)).toEqual([50_000n, 100_000n, 200_000n, 300_000n, 400_000n, 500_000n, 600_000n, 700_000n, 800_000n, 900_000n, 950_000n, 1_000_000n]);
    const rd = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    expect(rd.definition).toBe("研发经费口径（修订）");
    expect(rd.name).not.toBe("");
    expect(await db.auditEntry.count({ where: { tenantId, entity: "Indicator", detail: { contains: "指标.csv" } } })).toBe(4);
  });

  it("sets an indicator's group, keeps it on a blank cell and takes it out with 无", async () => {
    const groupOf = async (code: string) => (await db.indicator.findFirstOrThrow({ where: { tenantId, code } })).group;
    const sheet = (rows: string[]) => utf8Csv("分组.csv", ["指标代码,指标分组,统计口径", ...rows]);
    const set = await importCatalogue(null, form(sheet(["TALENT,人才工作,", "TSME,,"]), "commit"));
    expect(set.ok && set.data.planned.map((p) => [p.code, p.change, p.fields])).toEqual([["TALENT", "update", ["group"]], ["TSME", "unchanged", []]]);
    expect(await groupOf("TALENT")).toBe("人才工作");
    const blank = await importCatalogue(null, form(sheet(["TALENT,,新口径"]), "commit"));
    expect(blank.ok && blank.data.written).toBe(true);
    expect(await groupOf("TALENT")).toBe("人才工作");
    await importCatalogue(null, form(sheet(["TALENT,无,"]), "commit"));
    expect(await groupOf("TALENT")).toBeNull();
  });

  it("refuses what the form refuses (a kind change of an indicator with figures, a ratio of a ratio), each once, writing nothing", async () => {
    const file = utf8Csv("bad.csv", [
      CATALOGUE_HEADER,
      "RD_EXP,,,,净增量,,,,,,,,",
      "BAD_RATIO,比率的比率,%,,比率,,,,,PATENT_RATE,RESIDENTS,,",
      "NEW_ONE,,个,,累计值,,,,,,,,",
      "curve_x,曲线,个,,累计值,,,,,,,,10/20/30",
    ]);
    const res = await importCatalogue(null, form(file, "commit"));
    expect(res.ok && res.data.written).toBe(false);
    expect(res.ok && res.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [4, "指标名称", "requiredNew"],
      [5, "进度曲线", "curveLength"],
    ]);
    const tree = await importCatalogue(null, form(utf8Csv("bad2.csv", [CATALOGUE_HEADER, "RD_EXP,,,,净增量,,,,,,,,", "BAD_RATIO,比率的比率,%,,比率,,,,,PATENT_RATE,RESIDENTS,,"]), "commit"));
    expect(tree.ok && tree.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, "类型", "refused.kind"],
      [3, "分子指标代码", "ratioPart"],
    ]);
    expect((await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } })).kind).toBe("CUMULATIVE");
    expect(await db.indicator.count({ where: { tenantId, code: "BAD_RATIO" } })).toBe(0);
  });
});

describe("users import", () => {
  const HEADER = "账号,姓名,角色,区域代码";

  it("re-imports its own export, which holds no password, as it is: every account unchanged", async () => {
    const res = await userExport.GET(new Request("http://localhost/xiangxi/admin/users/export"), params);
    expect(res.status).toBe(200);
    const bytes = await res.arrayBuffer();
    const rows = await sheetRows(new Response(bytes));
    expect(rows[0]).toEqual(["账号", "姓名", "角色", "区域代码"]);
    expect(rows.find((r) => r[0] === "xiangxi-433125")).toEqual(["xiangxi-433125", expect.any(String), "填报员", "433125"]);
    // a leader belongs to the root: no region code (an empty cell)
    const leader = rows.find((r) => r[0] === "xiangxi-leader")!;
    expect([...leader.slice(0, 3), leader[3] ?? ""]).toEqual(["xiangxi-leader", expect.any(String), "领导", ""]);
    expect(rows.length - 1).toBe(await db.membership.count({ where: { tenantId } }));
    const result = await importUsers(null, form(new File([bytes], "users.xlsx"), "commit"));
    expect(result.ok && result.data.issues).toEqual([]);
    expect(result.ok && result.data.planned.every((p) => p.change === "unchanged")).toBe(true);
    expect(result.ok && result.data.download).toBeUndefined();
  });

  it("dry run previews the accounts; the commit creates them and hands their one-time passwords back once as .xlsx", async () => {
    const file = gbkCsv("账号.csv", [HEADER, "xx-433122-b,张三,填报员,433122", "xx-leader-2,李四,领导,", "xx-admin-2,王五,管理员,433122", "xiangxi-admin,已有,管理员,"]);
    const dry = await importUsers(null, form(file, "dryRun"));
    expect(dry.ok && dry.data.issues).toEqual([]);
    expect(dry.ok && dry.data.planned.map((p) => [p.code, p.change])).toEqual([
      ["xx-433122-b", "create"],
      ["xx-leader-2", "create"],
      ["xx-admin-2", "create"],
      ["xiangxi-admin", "unchanged"],
    ]);
    expect(dry.ok && dry.data.download).toBeUndefined();
    expect(await db.user.count({ where: { account: { startsWith: "xx-" } } })).toBe(0);

    const done = await importUsers(null, form(file, "commit"));
    expect(done).toMatchObject({ ok: true, data: { written: true } });
    if (!done.ok || !done.data.download) throw new Error("no password file");
    expect(done.data.download.filename).toMatch(/^passwords-xiangxi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(done.data.download.base64, "base64") as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["xx-433122-b", "张三", "Roles.REPORTER", "泸溪县（改）"],
      ["xx-leader-2", "李四", "Roles.LEADER", "湘西土家族苗族自治州"],
      // an administrator with a region code is bound to that region (and below), without one tenant-wide
      ["xx-admin-2", "王五", "Roles.ADMIN", "泸溪县（改）"],
    ]);
    for (const [account, , , , password] of rows.slice(1)) {
      const u = await db.user.findUniqueOrThrow({ where: { account: String(account) }, include: { membership: true } });
      expect(u).toMatchObject({ tenantId, mustChangePassword: true, active: true });
      expect(String(password)).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(await verifyPassword(u.passwordHash, String(password))).toBe(true);
      expect(await db.auditEntry.count({ where: { tenantId, entity: "User", entityId: u.id, action: "user.create", detail: { contains: "账号.csv" } } })).toBe(1);
    }
    // the same file again creates nothing and hands back no passwords
    const again = await importUsers(null, form(file, "commit"));
    expect(again.ok && again.data.planned.every((p) => p.change === "unchanged")).toBe(true);
    expect(again.ok && again.data.download).toBeUndefined();
  });

  it("lists every bad row once and creates nobody", async () => {
    const before = await db.user.count();
    const file = utf8Csv("bad.csv", [HEADER, "huaihua-admin,别人的,管理员,", "xx-r1,,填报员,433122", "xx-r2,赵六,填报员,", "xx-r3,钱七,填报员,433100", "xx r4,孙八,主任,433122", "xx-r5,周九,填报员,433122", "XX-R5,吴十,填报员,433122"]);
    const res = await importUsers(null, form(file, "commit"));
    expect(res.ok && res.data.written).toBe(false);
    expect(res.ok && res.data.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, "账号", "accountTaken"],
      [3, "姓名", "empty"],
      [4, "区域代码", "regionRequired"],
      [5, "区域代码", "regionInvalid"],
      [6, "账号", "accountFormat"],
      [6, "角色", "valueUnknown"],
      [8, "账号", "duplicate"],
    ]);
    expect(await db.user.count()).toBe(before);
  });
});

describe("a blank cell changes nothing", () => {
  it("in the region tree: a row of only a code leaves the region as it is", async () => {
    const before = await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } });
    const res = await importRegions(null, form(gbkCsv("区域.csv", ["区域代码,区域名称,级别,上级代码,排序,启用", "433125,,,,,"]), "commit"));
    expect(res.ok && res.data.issues).toEqual([]);
    expect(res.ok && res.data.planned.map((p) => p.change)).toEqual(["unchanged"]);
    expect(await db.region.findFirstOrThrow({ where: { tenantId, code: "433125" } })).toEqual(before);
  });

  it("in the catalogue: a row of only a code leaves the indicator, its parts and its curve as they are", async () => {
    const read = () => db.indicator.findFirstOrThrow({ where: { tenantId, code: "PATENT_RATE" }, include: { curve: true } });
    const before = await read();
    const res = await importCatalogue(null, form(utf8Csv("指标.csv", [CATALOGUE_HEADER, "PATENT_RATE,,,,,,,,,,,,"]), "commit"));
    expect(res.ok && res.data.issues).toEqual([]);
    expect(res.ok && res.data.planned.map((p) => p.change)).toEqual(["unchanged"]);
    expect(await read()).toEqual(before);
  });

  it("in the users sheet: an account of the tenant with blank name and role is left as it is", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { account: "xiangxi-433125" }, include: { membership: true } });
    const res = await importUsers(null, form(utf8Csv("账号.csv", ["账号,姓名,角色,区域代码", "xiangxi-433125,,,"]), "commit"));
    expect(res.ok && res.data.issues).toEqual([]);
    expect(res.ok && res.data.planned.map((p) => p.change)).toEqual(["unchanged"]);
    expect(await db.user.findUniqueOrThrow({ where: { account: "xiangxi-433125" }, include: { membership: true } })).toEqual(before);
  });
});
