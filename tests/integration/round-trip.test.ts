/**
 * A ledger moves from one tenant to another through the product's own files (SQLite and
 * PostgreSQL): the demo 湘西州's region tree, catalogue, accounts (no passwords), the targets of
 * every year and every month's figures are exported by the export routes and imported into a
 * brand-new tenant by the imports (months as history), the settings typed into its form —
 * and every dashboard output of every month (bench/dump-tenant.ts) is the same, ids aside.
 *
 * The figures travel, not the workflow: the source's submitted figures are approved first (the
 * review), and the figures still in draft or returned, which no dashboard counts, are blanked
 * in the exported sheet ("a blank cell changes nothing"). When a figure was submitted is not
 * in the files, so the completeness timing (late / on time) is left out of the comparison.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { dumpTenant } from "../../bench/dump-tenant";
import { testDb } from "../support/db";
import { sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
// the exports write the Chinese headers a bureau's sheet has
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("../../messages/zh-CN.json")).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "zh-CN", messages, namespace: namespace as never }), getLocale: async () => "zh-CN" };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createTenant } = await import("../../lib/actions/create-tenant");
const { approveFills } = await import("../../lib/actions/approve-fills");
const { updateSettings } = await import("../../lib/actions/update-settings");
const { importRegions } = await import("../../lib/actions/import-regions");
const { importCatalogue } = await import("../../lib/actions/import-catalogue");
const { importUsers } = await import("../../lib/actions/import-users");
const { importTargets } = await import("../../lib/actions/import-targets");
const { importHistory } = await import("../../lib/actions/import-history");
const regionExport = await import("../../app/[tenant]/admin/regions/export/route");
const catalogueExport = await import("../../app/[tenant]/admin/indicators/export/route");
const userExport = await import("../../app/[tenant]/admin/users/export/route");
const targetExport = await import("../../app/[tenant]/targets/export/route");
const monthExport = await import("../../app/[tenant]/entry/export/route");

const db = testDb();
const AS_OF = new Date("2026-11-22T00:00:00Z");
const SOURCE = "xiangxi";
const COPY = "roundtrip";

beforeAll(async () => {
  await seedDemo(db);
}, 600_000);
afterAll(() => db.$disconnect());

const get = async (route: { GET: (r: Request, p: { params: Promise<{ tenant: string }> }) => Promise<Response> }, path: string) => {
  const res = await route.GET(new Request(`http://localhost/${SOURCE}${path}`), { params: Promise.resolve({ tenant: SOURCE }) });
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
};
const form = (fields: Record<string, string | File>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
/** Rewrites the cells of an exported sheet (rows after the header) and saves it again, as a person would. */
async function editSheet(bytes: Uint8Array<ArrayBuffer>, edit: (row: ExcelJS.Row, header: string[]) => void): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  sheet.eachRow((row, n) => n > 1 && edit(row, header));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const expectWritten = (result: { ok: boolean; data?: unknown }) => expect(result).toMatchObject({ ok: true, data: { issues: [] } });

/** The source's submitted figures approved through the review, as its administrator. */
async function approveSubmitted(tenantId: string): Promise<void> {
  session.user = await sessionFor(db, `${SOURCE}-admin`);
  const ids = (await db.fill.findMany({ where: { tenantId, status: "SUBMITTED" }, select: { id: true } })).map((f) => f.id);
  for (let i = 0; i < ids.length; i += 2000) expect(await approveFills(null, { fillIds: ids.slice(i, i + 2000) })).toMatchObject({ ok: true });
}

/** Everything the source's administrator can export, as files. */
async function exportLedger(tenantId: string) {
  session.user = await sessionFor(db, `${SOURCE}-admin`);
  const years = (await db.target.groupBy({ by: ["year"], where: { tenantId }, orderBy: { year: "asc" } })).map((t) => t.year);
  const months = await db.fill.groupBy({ by: ["year", "month"], where: { tenantId }, orderBy: [{ year: "asc" }, { month: "asc" }] });
  return {
    regions: await get(regionExport, "/admin/regions/export"),
    catalogue: await get(catalogueExport, "/admin/indicators/export"),
    // accounts are unique across tenants: the copy's get its own prefix
    users: await editSheet(await get(userExport, "/admin/users/export"), (row) => row.getCell(1).value = String(row.getCell(1).value).replace(`${SOURCE}-`, `${COPY}-`)),
    targets: await Promise.all(years.map(async (year) => ({ year, bytes: await get(targetExport, `/targets/export?year=${year}`) }))),
    months: await Promise.all(
      months.map(async ({ year, month }) => {
        const bytes = await get(monthExport, `/entry/export?year=${year}&month=${month}`);
        // figures no dashboard counts (draft, returned) are blanked: a blank cell changes nothing
        const counted = await editSheet(bytes, (row, header) => {
          if (row.getCell(header.indexOf("状态")).value !== "已审核") row.getCell(header.indexOf("数值")).value = null;
        });
        return { year, month, bytes: counted };
      }),
    ),
  };
}

type Ledger = Awaited<ReturnType<typeof exportLedger>>;

/** A new tenant made by the platform administrator, filled from the files by its administrator. */
async function importLedger(ledger: Ledger, sourceId: string): Promise<string> {
  session.user = await sessionFor(db, "platform");
  const root = await db.region.findFirstOrThrow({ where: { tenantId: sourceId, parentId: null } });
  expect(
    await createTenant(null, form({ slug: COPY, name: "湘西州台账副本", rootCode: root.code, rootName: root.name, rootLevel: root.level, issuer: "湘西土家族苗族自治州科学技术局", adminAccount: `${COPY}-admin`, adminName: "副本管理员" })),
  ).toMatchObject({ ok: true });
  const tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: COPY } })).id;
  session.user = await sessionFor(db, `${COPY}-admin`);
  const file = (bytes: Uint8Array<ArrayBuffer>, name: string) => new File([bytes], name);
  expectWritten(await importRegions(null, form({ mode: "commit", file: file(ledger.regions, "regions.xlsx") })));
  expectWritten(await importCatalogue(null, form({ mode: "commit", file: file(ledger.catalogue, "indicators.xlsx") })));
  expectWritten(await importUsers(null, form({ mode: "commit", file: file(ledger.users, "users.xlsx") })));
  for (const t of ledger.targets) {
    const done = await importTargets(null, form({ year: String(t.year), mode: "commit", file: file(t.bytes, `targets-${t.year}.xlsx`) }));
    expect(done.ok && done.data.issues).toEqual([]);
  }
  for (const m of ledger.months) {
    expect(await importHistory(null, form({ mode: "commit", reason: "台账迁移", file: file(m.bytes, `fills-${m.year}-${m.month}.xlsx`) }))).toMatchObject({ ok: true, data: { issues: [] } });
  }
  return tenantId;
}

/** The source's settings typed into the copy's settings form (weights came with the catalogue). */
async function copySettings(sourceId: string): Promise<void> {
  const s = await db.tenantSettings.findUniqueOrThrow({ where: { tenantId: sourceId } });
  const tiers = await db.scoreTier.findMany({ where: { tenantId: sourceId }, orderBy: { sortOrder: "asc" } });
  const input = {
    deadlineDay: String(s.deadlineDay),
    reportedSharePercent: String(s.reportedSharePercent),
    rankUnreported: s.rankUnreported ? "on" : "",
    countPending: s.countPending ? "on" : "",
    behindGap: fromStored(s.behindGap).toString(),
    seriousGap: fromStored(s.seriousGap).toString(),
    fullMarks: fromStored(s.fullMarks).toString(),
    bonusPerPercent: fromStored(s.bonusPerPercent).toString(),
    bonusCap: fromStored(s.bonusCap).toString(),
    tierLabel: tiers.map((t) => t.label),
    tierMin: tiers.map((t) => fromStored(t.minScore).toString()),
    weightId: [],
    weight: [],
  };
  expect(await updateSettings(null, input)).toMatchObject({ ok: true });
}

/** Ids name rows of one tenant: each becomes its region's or indicator's code. */
async function idNames(tenantId: string): Promise<Map<string, string>> {
  const [regions, indicators] = await Promise.all([db.region.findMany({ where: { tenantId } }), db.indicator.findMany({ where: { tenantId } })]);
  return new Map([...regions.map((r) => [r.id, `region:${r.code}`] as const), ...indicators.map((i) => [i.id, `indicator:${i.code}`] as const)]);
}

/** When a figure was submitted does not travel in a file (see above). */
const TIMING = new Set(["completeness", "submittedAt"]);

function normalize(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => normalize(v, names));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !TIMING.has(k))
        .map(([k, v]) => [names.get(k) ?? k, normalize(v, names)]),
    );
  }
  return value;
}

describe("a ledger exported and imported into a new tenant", () => {
  it("gives every dashboard figure of every month unchanged", async () => {
    const sourceId = (await db.tenant.findUniqueOrThrow({ where: { slug: SOURCE } })).id;
    await approveSubmitted(sourceId);
    const ledger = await exportLedger(sourceId);
    const copyId = await importLedger(ledger, sourceId);
    await copySettings(sourceId);

    expect(await db.fill.count({ where: { tenantId: copyId } })).toBe(await db.fill.count({ where: { tenantId: sourceId, status: "APPROVED" } }));
    expect(await db.target.count({ where: { tenantId: copyId } })).toBe(await db.target.count({ where: { tenantId: sourceId } }));
    const [source, copy] = [await dumpTenant(db, sourceId, { asOf: AS_OF, allRegions: true }), await dumpTenant(db, copyId, { asOf: AS_OF, allRegions: true })];
    expect(Object.keys(copy!.periods)).toEqual(Object.keys(source!.periods));
    expect(Object.keys(source!.periods).length).toBeGreaterThanOrEqual(22);
    const [sourceNames, copyNames] = await Promise.all([idNames(sourceId), idNames(copyId)]);
    for (const key of Object.keys(source!.periods)) {
      expect(normalize(copy!.periods[key], copyNames), key).toEqual(normalize(source!.periods[key], sourceNames));
    }
    expect(normalize(copy!.settingsPreview, copyNames)).toEqual(normalize(source!.settingsPreview, sourceNames));
  }, 600_000);
});
