/**
 * Generated bad input for every server action (tests/support/fuzz.ts): 1,000 invalid
 * payloads each — spoiled fields, dropped fields, bodies that are not objects — are each
 * answered with a refusal naming a field, never a thrown error or the generic failure, and
 * the database is the same row for row afterwards. Runs on SQLite and PostgreSQL.
 * FUZZ_SEED replays a run; FUZZ_RUNS changes the number of payloads per action.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

import { seedDemo } from "../../prisma/seed";
import type { SessionUser } from "../../lib/auth/types";
import type { z } from "zod";
import { testDb, testProvider } from "../support/db";
import { sessionUserFor, setSessionUser } from "../support/session-mock";
import {
  changedTables,
  databaseDigest,
  describePayload,
  fieldsOf,
  fuzzSeed,
  invalidPayload,
  refusalProblem,
  withControl,
  type ActionSpec,
  type FieldSpec,
  type FuzzContext,
  type Payload,
} from "../support/fuzz";
import * as access from "../../lib/schemas/access";
import * as admin from "../../lib/schemas/admin";
import * as bulletins from "../../lib/schemas/bulletins";
import * as dashboard from "../../lib/schemas/dashboard";
import * as fills from "../../lib/schemas/fills";
import { approveFills } from "../../lib/actions/approve-fills";
import { changePassword } from "../../lib/actions/change-password";
import { closeNote } from "../../lib/actions/close-note";
import { copyTargets } from "../../lib/actions/copy-targets";
import { createApiToken } from "../../lib/actions/create-api-token";
import { createNote } from "../../lib/actions/create-note";
import { createTenant } from "../../lib/actions/create-tenant";
import { createUser } from "../../lib/actions/create-user";
import { deactivateIndicator } from "../../lib/actions/deactivate-indicator";
import { deactivateRegion } from "../../lib/actions/deactivate-region";
import { decideUnlock } from "../../lib/actions/decide-unlock";
import { generateBulletin } from "../../lib/actions/generate-bulletin";
import { importCatalogue } from "../../lib/actions/import-catalogue";
import { importFills } from "../../lib/actions/import-fills";
import { importHistory } from "../../lib/actions/import-history";
import { importRegions } from "../../lib/actions/import-regions";
import { importTargets } from "../../lib/actions/import-targets";
import { importUsers } from "../../lib/actions/import-users";
import { moveRegion } from "../../lib/actions/move-region";
import { previewSettings } from "../../lib/actions/preview-settings";
import { publishBulletin } from "../../lib/actions/publish-bulletin";
import { replyNote } from "../../lib/actions/reply-note";
import { requestUnlock } from "../../lib/actions/request-unlock";
import { resetPassword } from "../../lib/actions/reset-password";
import { returnFill } from "../../lib/actions/return-fill";
import { revokeApiToken } from "../../lib/actions/revoke-api-token";
import { saveBulletin } from "../../lib/actions/save-bulletin";
import { saveFills } from "../../lib/actions/save-fills";
import { saveIndicator } from "../../lib/actions/save-indicator";
import { saveRegion } from "../../lib/actions/save-region";
import { setPeriodLock } from "../../lib/actions/set-period-lock";
import { setTarget } from "../../lib/actions/set-target";
import { setUserActive } from "../../lib/actions/set-user-active";
import { submitFills } from "../../lib/actions/submit-fills";
import { updateSettings } from "../../lib/actions/update-settings";
import { updateWording } from "../../lib/actions/update-wording";
import { uploadBoundaries } from "../../lib/actions/upload-boundaries";
import * as geo from "../../lib/schemas/geo";
import { updateUser } from "../../lib/actions/update-user";

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
process.env.STI_NOW = "2026-11-22T04:00:00.000Z";

type Answer = { ok: boolean; message: string; errors?: Record<string, string[]> };
type Call = (prev: null, input: never) => Promise<Answer>;

/** Decimals a measure, percentage or weight field must refuse: not numbers, exponents, beyond the stored column, too many places. */
const badDecimal = fc.constantFrom("abc", "1e5", "NaN", "Infinity", "-Infinity", "1.2.3", "0x10", "１２", "99999999999999999999", "1.1234567", "--1", ".", "1,2,3.4.5");
const unsigned = fc.oneof(badDecimal, fc.constantFrom("-1", "-0.5"));

interface Refs {
  a: { tenantId: string; root: string; county: string; reporterRegion: string; indicators: string[]; user: string; fill: string; note: string; bulletin: string; token: string; request: string };
  foreign: string[];
}

async function tenantRows(db: ReturnType<typeof testDb>, slug: string, reporterCode: string) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
  const tenantId = tenant.id;
  const regions = await db.region.findMany({ where: { tenantId }, orderBy: { sortOrder: "asc" } });
  const root = regions.find((r) => r.parentId === null)!;
  const reporterRegion = regions.find((r) => r.code === reporterCode)!;
  const county = regions.find((r) => r.parentId !== null && r.id !== reporterRegion.id)!;
  const indicators = (await db.indicator.findMany({ where: { tenantId, kind: { not: "RATIO" } }, orderBy: { sortOrder: "asc" } })).map((i) => i.id);
  const user = (await db.user.findFirstOrThrow({ where: { tenantId, account: `${slug}-leader` } })).id;
  const fill = (await db.fill.findFirstOrThrow({ where: { tenantId, status: "SUBMITTED" } })).id;
  const note = (await db.supervisionNote.findFirst({ where: { tenantId } }))?.id ?? (await db.supervisionNote.create({ data: { tenantId, regionId: county.id, year: 2026, month: 9, body: "请核实" } })).id;
  const bulletin = (await db.bulletin.create({ data: { tenantId, periodType: "MONTH", year: 2026, period: 9, title: "通报", content: "{}" } })).id;
  const token = (await db.apiToken.create({ data: { tenantId, name: "读取", tokenHash: `hash-${slug}` } })).id;
  const request = (await db.unlockRequest.create({ data: { tenantId, regionId: reporterRegion.id, year: 2026, month: 8, reason: "更正" } })).id;
  return { tenantId, root: root.id, county: county.id, reporterRegion: reporterRegion.id, indicators, user, fill, note, bulletin, token, request };
}

const csv = (text: string, name = "sheet.csv") => new File([text], name, { type: "text/csv" });

interface Spec {
  call: Call;
  schema: z.ZodType;
  /** the account that calls it: one allowed to, so that only the input is wrong */
  as: string;
  base: Record<string, unknown>;
  invalid?: ActionSpec["invalid"];
  extraFields?: FieldSpec[];
  alsoNamed?: string[];
  /** whole-form answers accepted for a well-formed id that is not this tenant's */
  notFound?: string[];
  /** payloads that once got through (fixed), replayed before the generated ones */
  examples?: Payload[];
}

/** A regression example: the base with these fields replaced. */
const spoiled = (base: Record<string, unknown>, fields: Record<string, unknown>): Payload => ({ input: { ...base, ...fields }, mutation: { kind: "fields", fields: Object.keys(fields) } });
const notAnObject = (input: unknown): Payload => ({ input, mutation: { kind: "body" } });

function specs(r: Refs): Record<string, Spec> {
  const { a } = r;
  const [ind1, ind2] = a.indicators;
  const settingsBase = {
    deadlineDay: "5", reportedSharePercent: "100", rankUnreported: "", countPending: "on", behindGap: "0", seriousGap: "-10",
    fullMarks: "100", bonusPerPercent: "0.5", bonusCap: "10", tierLabel: ["优秀", "良好"], tierMin: ["90", "75"], weightId: [ind1], weight: ["1"],
  };
  const settingsInvalid = {
    behindGap: badDecimal, seriousGap: badDecimal, fullMarks: fc.oneof(badDecimal, fc.constantFrom("0", "-1")), bonusPerPercent: unsigned, bonusCap: unsigned,
    tierMin: badDecimal.map((d) => ["90", d]), weight: fc.oneof(unsigned, fc.constant("1001")).map((d) => [d]), tierLabel: fc.constantFrom(["优秀", "优秀"], ["", "良好"]),
    weightId: fc.constantFrom(...r.foreign).map((id) => [id]),
  };
  const cell = { indicatorId: ind1, value: "1", note: "", version: 0, confirmed: false };
  const badCell = fc.oneof(
    unsigned.map((value) => ({ ...cell, value })),
    fc.constantFrom(...r.foreign).map((indicatorId) => ({ ...cell, indicatorId })),
    fc.constantFrom(-1, "x", 1.5, "1e3", null).map((version) => ({ ...cell, version })),
    fc.constantFrom("yes", 1, "true", null).map((confirmed) => ({ ...cell, confirmed })),
    withControl().map((note) => ({ ...cell, note })),
    fc.constant({ ...cell, note: "说".repeat(501) }),
  );
  const importFile = csv("区域代码,指标代码,年,月,数值,备注\r\n");
  const outlines = new File([fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/xiangxi-outlines.geojson"))], "outlines.geojson");
  const all: Record<string, Spec> = {
    approveFills: { call: approveFills, schema: fills.approveFillsSchema, as: "xiangxi-admin", base: { fillIds: [a.fill] }, invalid: { fillIds: fc.constantFrom(...r.foreign).map((id) => [a.fill, id]) } },
    changePassword: { call: changePassword, schema: access.changePasswordSchema, as: "xiangxi-433125", base: { currentPassword: "demo1234", newPassword: "new-pass-1234", confirmPassword: "new-pass-1234" }, invalid: { newPassword: fc.string({ maxLength: 7 }), confirmPassword: fc.constant("another-pass-1") } },
    closeNote: { call: closeNote, schema: dashboard.closeNoteSchema, as: "xiangxi-admin", base: { noteId: a.note } },
    copyTargets: { call: copyTargets, schema: admin.copyTargetsSchema, as: "xiangxi-admin", base: { year: "2027", percent: "8", overwrite: "on" }, invalid: { percent: fc.oneof(badDecimal, fc.constantFrom("-101", "1001", "1.234", "5%%")) } },
    createApiToken: { call: createApiToken, schema: dashboard.createApiTokenSchema, as: "xiangxi-admin", base: { name: "读取接口" } },
    createNote: { call: createNote, schema: dashboard.createNoteSchema, as: "xiangxi-admin", base: { regionId: a.county, indicatorId: ind1, year: "2026", month: "10", body: "请核实", dueDate: "2026-12-01" }, invalid: { dueDate: fc.constantFrom("2026/12/01", "tomorrow", "2026-13-45", "2026-02-30", "0000-00-00", "9999-99-99") }, notFound: ["Notes.unknownIndicator"] },
    createTenant: { call: createTenant, schema: access.createTenantSchema, as: "platform", base: { slug: "newcity", name: "新城市", rootCode: "430100", rootName: "长沙市", rootLevel: "PREFECTURE", issuer: "新城市科学技术局", adminAccount: "newcity-admin", adminName: "管理员" }, invalid: { slug: fc.constantFrom("A-b", "1abc", "a", "a b", "中文"), rootCode: fc.constantFrom("12345", "1234567", "４３０１００", "43010a"), adminAccount: fc.constantFrom("-x", "a b", "账号", ".a") } },
    createUser: { call: createUser, schema: access.createUserSchema, as: "xiangxi-admin", base: { account: "new-user", name: "新用户", role: "REPORTER", regionId: a.county }, invalid: { account: fc.constantFrom("-x", "a b", "账号", ".a", "xiangxi-admin") } },
    deactivateIndicator: { call: deactivateIndicator, schema: admin.deactivateIndicatorSchema, as: "xiangxi-admin", base: { id: ind1, active: "true" } },
    deactivateRegion: { call: deactivateRegion, schema: admin.deactivateRegionSchema, as: "xiangxi-admin", base: { id: a.county, active: "true" } },
    decideUnlock: { call: decideUnlock, schema: fills.decideUnlockSchema, as: "xiangxi-admin", base: { requestId: a.request, decision: "REFUSED", note: "", days: "7" } },
    generateBulletin: { call: generateBulletin, schema: bulletins.generateBulletinSchema, as: "xiangxi-admin", base: { periodType: "MONTH", year: "2026", period: "9", confirmIncomplete: "on" } },
    importCatalogue: { call: importCatalogue, schema: admin.sheetImportSchema, as: "xiangxi-admin", base: { mode: "commit", file: importFile } },
    importFills: { call: importFills, schema: fills.importFillsSchema, as: "xiangxi-admin", base: { mode: "commit", file: importFile } },
    importHistory: { call: importHistory, schema: fills.importHistorySchema, as: "xiangxi-admin", base: { mode: "commit", file: importFile, reason: "补录历史" }, invalid: { reason: fc.constantFrom("x", " x ") } },
    importRegions: { call: importRegions, schema: admin.sheetImportSchema, as: "xiangxi-admin", base: { mode: "commit", file: importFile } },
    importTargets: { call: importTargets, schema: admin.importTargetsSchema, as: "xiangxi-admin", base: { year: "2027", mode: "commit", file: importFile } },
    importUsers: { call: importUsers, schema: admin.sheetImportSchema, as: "xiangxi-admin", base: { mode: "commit", file: importFile } },
    moveRegion: { call: moveRegion, schema: admin.moveRegionSchema, as: "xiangxi-admin", base: { id: a.county, parentId: a.root }, invalid: { parentId: fc.constant(a.county) } },
    previewSettings: { call: previewSettings, schema: admin.settingsSchema, as: "xiangxi-admin", base: settingsBase, invalid: settingsInvalid, alsoNamed: ["tier"], notFound: ["Settings.errors.unknownIndicator"] },
    publishBulletin: { call: publishBulletin, schema: bulletins.bulletinIdSchema, as: "xiangxi-admin", base: { id: a.bulletin } },
    replyNote: { call: replyNote, schema: dashboard.replyNoteSchema, as: "xiangxi-admin", base: { noteId: a.note, body: "已核实" } },
    requestUnlock: { call: requestUnlock, schema: fills.requestUnlockSchema, as: "xiangxi-433125", base: { regionId: a.reporterRegion, year: "2026", month: "8", reason: "更正" }, invalid: { regionId: fc.constant(a.county) } },
    resetPassword: { call: resetPassword, schema: access.userIdSchema, as: "xiangxi-admin", base: { userId: a.user } },
    returnFill: { call: returnFill, schema: fills.returnFillSchema, as: "xiangxi-admin", base: { fillId: a.fill, reason: "请核实" } },
    revokeApiToken: { call: revokeApiToken, schema: dashboard.revokeApiTokenSchema, as: "xiangxi-admin", base: { tokenId: a.token } },
    saveBulletin: { call: saveBulletin, schema: bulletins.saveBulletinSchema, as: "xiangxi-admin", base: { id: a.bulletin, "p:fuzz": "本月科技创新指标总体平稳。" }, extraFields: [{ name: "p:fuzz", kind: "text", optional: true, max: 5000 }] },
    saveFills: { call: saveFills, schema: fills.saveFillsSchema, as: "xiangxi-433125", base: { regionId: a.reporterRegion, year: "2026", month: "11", cells: [cell] }, invalid: { cells: badCell.map((c) => [c]), regionId: fc.constant(a.county) } },
    saveIndicator: { call: saveIndicator, schema: admin.saveIndicatorSchema, as: "xiangxi-admin", base: { code: "FUZZ_RATIO", name: "比值", unit: "%", definition: "", kind: "RATIO", direction: "HIGHER_IS_BETTER", precision: "2", weight: "1", frequency: "MONTHLY", numeratorId: ind1, denominatorId: ind2, ratioFactor: "100", curve: Array(12).fill("") }, invalid: { weight: fc.oneof(badDecimal, fc.constantFrom("1001", "-1")), ratioFactor: fc.oneof(badDecimal, fc.constantFrom("0", "-1")), code: fc.constantFrom("1ABC", "A", "A-B", "中文"), curve: fc.constantFrom(Array(11).fill("10"), Array(12).fill("101"), [...Array(11).fill("50"), "99"], ["60", "50", ...Array(10).fill("100")], Array(12).fill("1e2")), numeratorId: fc.constant(ind1).map(() => "") } },
    saveRegion: { call: saveRegion, schema: admin.saveRegionSchema, as: "xiangxi-admin", base: { code: "433188", name: "新区", level: "ZONE", parentId: a.root, sortOrder: "5" }, invalid: { code: fc.constantFrom("12345", "abcdef", "４３３１８８", "433125", "43318") } },
    setPeriodLock: { call: setPeriodLock, schema: fills.setPeriodLockSchema, as: "xiangxi-admin", base: { year: "2026", month: "9", state: "LOCKED", reason: "提前锁定" } },
    setTarget: { call: setTarget, schema: admin.setTargetSchema, as: "xiangxi-admin", base: { regionId: a.county, indicatorId: ind1, year: "2027", value: "100" }, invalid: { value: unsigned }, notFound: ["Targets.errors.notFound"] },
    setUserActive: { call: setUserActive, schema: access.setUserActiveSchema, as: "xiangxi-admin", base: { userId: a.user, active: "false" } },
    submitFills: { call: submitFills, schema: fills.submitFillsSchema, as: "xiangxi-433125", base: { regionId: a.reporterRegion, year: "2026", month: "10" }, invalid: { regionId: fc.constant(a.county) } },
    updateSettings: { call: updateSettings, schema: admin.settingsSchema, as: "xiangxi-admin", base: settingsBase, invalid: settingsInvalid, alsoNamed: ["tier"], notFound: ["Settings.errors.unknownIndicator"] },
    updateUser: { call: updateUser, schema: access.updateUserSchema, as: "xiangxi-admin", base: { userId: a.user, name: "领导", role: "REPORTER", regionId: a.county } },
    updateWording: { call: updateWording, schema: admin.tenantWordingSchema, as: "xiangxi-admin", base: { issuer: "湘西土家族苗族自治州科学技术局", shortName: "湘西州", areaWord: "全州" } },
    uploadBoundaries: { call: uploadBoundaries, schema: geo.uploadBoundariesSchema, as: "xiangxi-admin", base: { file: outlines, codeProperty: "", attribution: "" } },
  };
  // what the fuzz found once, kept as fixed cases
  all.approveFills!.examples = [notAnObject(null), notAnObject([])];
  all.createNote!.examples = [spoiled(all.createNote!.base, { dueDate: "0000-00-00" }), spoiled(all.createNote!.base, { dueDate: "2026-02-30" })];
  all.setPeriodLock!.examples = [spoiled(all.setPeriodLock!.base, { month: "0o7" }), spoiled(all.setPeriodLock!.base, { year: "2.02e3" }), spoiled(all.setPeriodLock!.base, { month: true })];
  all.saveIndicator!.examples = [spoiled(all.saveIndicator!.base, { ratioFactor: "99999999999999999999" })];
  all.updateSettings!.examples = [spoiled(settingsBase, { behindGap: "99999999999999999999" }), spoiled(settingsBase, { tierMin: ["90", "-99999999999999999999"] })];
  all.importFills!.examples = [spoiled(all.importFills!.base, { file: new File(["x"], "fills.txt") })];
  return all;
}

/** The exported functions of every "use server" module in lib/actions. */
function serverActions(): string[] {
  const dir = path.resolve(import.meta.dirname, "../../lib/actions");
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .filter((text) => /^"use server";/.test(text))
    .flatMap((text) => [...text.matchAll(/^export (?:async function|const) (\w+)/gm)].map((m) => m[1]!))
    .sort();
}

const NAMES = Object.keys(specs({ a: { indicators: ["x", "y"] } as Refs["a"], foreign: ["z"] })).sort();

describe(`generated bad input to every action (${testProvider()})`, () => {
  const db = testDb();
  let refs: Refs;
  let sessions: Map<string, SessionUser>;

  beforeAll(async () => {
    await seedDemo(db);
    const a = await tenantRows(db, "xiangxi", "433125");
    const b = await tenantRows(db, "huaihua", "431202");
    const { tenantId: _t, indicators, ...bRows } = b;
    refs = { a, foreign: [...Object.values(bRows), ...indicators, "nonexistent", "c00000000000000000000000"] };
    sessions = new Map();
    for (const account of ["xiangxi-admin", "xiangxi-433125", "platform"]) sessions.set(account, await sessionUserFor(db, account));
  }, 180_000);
  afterAll(() => db.$disconnect());

  it("every server action is fuzzed", () => {
    expect(NAMES).toEqual(serverActions());
  });

  it.each(NAMES)("%s refuses invalid payloads by field and writes nothing", async (name) => {
    const s = specs(refs)[name]!;
    const spec: ActionSpec = { label: name, fields: [...fieldsOf(s.schema), ...(s.extraFields ?? [])], base: s.base, invalid: s.invalid, alsoNamed: s.alsoNamed };
    const ctx: FuzzContext = { foreignIds: refs.foreign };
    const notFound = ["Actions.notFound", "Actions.forbidden", ...(s.notFound ?? [])];
    setSessionUser(sessions.get(s.as)!);
    const before = await databaseDigest(db);
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(invalidPayload(spec, ctx), async (payload) => {
        const answer = await s.call(null, payload.input as never);
        const problem = refusalProblem(spec, payload, answer, notFound);
        if (problem) throw new Error(`${problem}\n${describePayload(payload)}`);
      }),
      { numRuns: NUM_RUNS, seed: fuzzSeed(), examples: (s.examples ?? []).map((e) => [e]) },
    );
    expect(changedTables(before, await databaseDigest(db))).toEqual([]);
    console.info(`[fuzz] ${name} as ${s.as}: ${NUM_RUNS} runs in ${Math.round(performance.now() - started)} ms`);
  }, 600_000);
});
