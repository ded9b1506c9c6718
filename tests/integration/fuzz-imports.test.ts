/**
 * Generated bad files for every import (targets, fills, history backfill, regions,
 * catalogue, users; tests/support/fuzz.ts): random bytes, empty files, other file types,
 * a misspelt header, and the tenant's own sheet with cells spoiled — as UTF-8 (with or
 * without BOM), GBK or .xlsx. 1,000 per import, each committed: the answer names the file
 * field or a row and column (a spoiled row), never a thrown error or the generic failure,
 * and the database is the same row for row afterwards. Runs on SQLite and PostgreSQL.
 * FUZZ_SEED replays a run; FUZZ_RUNS changes the number of files per import.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { seedDemo } from "../../prisma/seed";
import { importCatalogue } from "../../lib/actions/import-catalogue";
import { importFills } from "../../lib/actions/import-fills";
import { importHistory } from "../../lib/actions/import-history";
import { importRegions } from "../../lib/actions/import-regions";
import { importTargets } from "../../lib/actions/import-targets";
import { importUsers } from "../../lib/actions/import-users";
import { readUpload } from "../../lib/xlsx";
import { fromStored } from "../../lib/decimal";
import { GET as regionExport } from "../../app/[tenant]/admin/regions/export/route";
import { GET as catalogueExport } from "../../app/[tenant]/admin/indicators/export/route";
import { testDb, testProvider } from "../support/db";
import { sessionUserFor, setSessionUser } from "../support/session-mock";
import { changedTables, csvFile, databaseDigest, fuzzSeed, garbageFile, importProblem, spoiledSheet, wrongHeader, type BadFile, type SheetSpec } from "../support/fuzz";

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
process.env.STI_NOW = "2026-11-22T04:00:00.000Z";

type Answer = Parameters<typeof importProblem>[0];
type Encoding = "utf8" | "bom" | "gbk" | "xlsx";

async function write(table: string[][], encoding: Encoding): Promise<File> {
  if (encoding !== "xlsx") return csvFile(table, encoding, (text) => new Uint8Array(iconv.encode(text, "gbk")));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  // numbers as numbers, as Excel keeps them; everything else as text
  for (const row of table) ws.addRow(row.map((c) => (/^-?\d+(\.\d+)?$/.test(c) && c.length < 15 ? Number(c) : c)));
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "sheet.xlsx");
}

const form = (file: File, fields: Record<string, string>) => {
  const fd = new FormData();
  fd.set("file", file);
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

/** An export route's sheet as text rows (the header first). */
async function exported(route: (req: Request, ctx: { params: Promise<{ tenant: string }> }) => Promise<Response>): Promise<string[][]> {
  const res = await route(new Request("http://localhost/xiangxi/export"), { params: Promise.resolve({ tenant: "xiangxi" }) });
  const rows = await readUpload("export.xlsx", new Uint8Array(await res.arrayBuffer()));
  return rows.map((r) => r.cells.map((c) => (c === null ? "" : String(c))));
}

/** Two of the latest month's stored figures as the month's export writes them: a sheet that changes nothing. */
async function storedFills(db: ReturnType<typeof testDb>): Promise<string[][]> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  const fills = await db.fill.findMany({ where: { tenantId: tenant.id, year: 2026, month: 10, indicator: { kind: { not: "RATIO" } } }, include: { region: true, indicator: true }, take: 2, orderBy: { id: "asc" } });
  return fills.map((f) => [f.region.code, f.indicator.code, "2026", "10", fromStored(f.value).toFixed(f.indicator.precision), f.note ?? ""]);
}

const MEASURES = ["-1", "abc", "1e5", "NaN", "Infinity", "99999999999999999999", "1.1234567", "1.2.3", "--1"];
const CODES = ["999999", "431202", "43312", "４３３１２５", "433125; DROP TABLE"];

interface ImportCase {
  call: (prev: null, input: FormData) => Promise<unknown>;
  fields: Record<string, string>;
  sheet: (db: ReturnType<typeof testDb>) => Promise<SheetSpec>;
}

const cases: Record<string, ImportCase> = {
  importTargets: {
    call: importTargets as ImportCase["call"],
    fields: { year: "2027", mode: "commit" },
    sheet: async () => ({
      header: ["区域代码", "指标代码", "年度", "目标值"],
      rows: [["433122", "RD_EXP", "2027", "100"], ["433123", "TECH_CONTRACT", "2027", "12.5"]],
      bad: { 区域代码: CODES, 指标代码: ["NOPE", "rd exp", "RD_EXP_"], 年度: ["2026", "1999", "abc", "2.027e3"], 目标值: MEASURES },
    }),
  },
  importFills: {
    call: importFills as ImportCase["call"],
    fields: { mode: "commit" },
    sheet: async (db) => ({
      header: ["区域代码", "指标代码", "年", "月", "数值", "备注"],
      rows: await storedFills(db),
      bad: { 区域代码: CODES, 指标代码: ["NOPE", "RD_EXP_"], 年: ["1999", "2101", "abc", "2.026e3", "0x7EA"], 月: ["0", "13", "1.5", "-1", "1e1", "0x1"], 数值: MEASURES, 备注: ["说".repeat(501)] },
    }),
  },
  importHistory: {
    call: importHistory as ImportCase["call"],
    fields: { mode: "commit", reason: "补录历史" },
    sheet: async () => ({
      header: ["区域代码", "指标代码", "年", "月", "数值", "备注"],
      rows: [["433125", "RD_EXP", "2024", "6", "1", ""], ["433126", "TECH_CONTRACT", "2024", "7", "2", ""]],
      bad: { 区域代码: CODES, 指标代码: ["NOPE", "RD_EXP_"], 年: ["1999", "2101", "abc", "2027"], 月: ["0", "13", "1.5", "-1", "1e1"], 数值: MEASURES, 备注: ["说".repeat(501)] },
    }),
  },
  importRegions: {
    call: importRegions as ImportCase["call"],
    fields: { mode: "commit" },
    sheet: async () => {
      const [header, ...rows] = await exported(regionExport);
      return { header: header!, rows, bad: { 区域代码: ["12345", "abcdef", "4331255"], 区域名称: ["长".repeat(41)], 级别: ["村", "LEVEL"], 上级代码: ["999999", "431202"], 排序: ["-1", "1.5", "abc", "1e3", "10000"], 启用: ["也许", "2"] } };
    },
  },
  importCatalogue: {
    call: importCatalogue as ImportCase["call"],
    fields: { mode: "commit" },
    sheet: async () => {
      const [header, ...rows] = await exported(catalogueExport);
      const bad: Record<string, readonly string[]> = { 指标名称: ["长".repeat(61)], 单位: ["长".repeat(21)], 精度: ["-1", "7", "1.5", "abc"], 权重: ["-1", "1001", "abc", "1e3", "1.1234567"], 系数: ["0", "-1", "abc", "99999999999999999999"], 类型: ["KIND"], 方向: ["DIRECTION"], 频率: ["DAILY"] };
      return { header: header!, rows, bad };
    },
  },
  importUsers: {
    call: importUsers as ImportCase["call"],
    fields: { mode: "commit" },
    sheet: async () => ({
      header: ["账号", "姓名", "角色", "区域代码"],
      rows: [["fuzz-user-1", "新用户", "填报员", "433122"], ["fuzz-user-2", "新填报员", "填报员", "433123"]],
      bad: { 账号: ["-x", "a b", "账号", ".a", "a".repeat(65)], 姓名: ["长".repeat(65)], 角色: ["超级管理员", "ROOT"], 区域代码: CODES },
    }),
  },
};

describe(`generated bad files to every import (${testProvider()})`, () => {
  const db = testDb();
  const sheets = new Map<string, SheetSpec>();

  beforeAll(async () => {
    await seedDemo(db);
    setSessionUser(await sessionUserFor(db, "xiangxi-admin"));
    for (const [name, c] of Object.entries(cases)) sheets.set(name, await c.sheet(db));
  }, 180_000);
  afterAll(() => db.$disconnect());

  it.each(Object.keys(cases))("%s refuses bad files by row and column and writes nothing", async (name) => {
    const c = cases[name]!;
    const spec = sheets.get(name)!;
    // the unspoiled sheet is taken: the spoiled cells are what is refused
    const clean = (await c.call(null, form(await write([spec.header, ...spec.rows], "utf8"), { ...c.fields, mode: "dryRun" }))) as Answer;
    expect(clean.ok && !(clean.data?.issues?.length), JSON.stringify(clean).slice(0, 800)).toBe(true);
    const before = await databaseDigest(db);
    const started = performance.now();
    const files = fc.oneof({ arbitrary: garbageFile().map(async (f) => f), weight: 2 }, { arbitrary: wrongHeader(spec, write), weight: 1 }, { arbitrary: spoiledSheet(spec, write), weight: 7 });
    await fc.assert(
      fc.asyncProperty(files, async (pending) => {
        const bad: BadFile = await pending;
        const answer = (await c.call(null, form(bad.file, c.fields))) as Answer;
        const problem = importProblem(answer, bad);
        if (problem) throw new Error(`${problem}\n${bad.describe}\n${JSON.stringify(answer).slice(0, 600)}`);
      }),
      { numRuns: NUM_RUNS, seed: fuzzSeed() },
    );
    expect(changedTables(before, await databaseDigest(db))).toEqual([]);
    console.info(`[fuzz] ${name}: ${NUM_RUNS} files in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);
});
