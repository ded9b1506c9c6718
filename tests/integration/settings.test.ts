/** Tenant settings on a real database: validation, the preview (metrics engine, nothing saved) and saving (audited). */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { fromStored } from "../../lib/decimal";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { keyTranslations, sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next-intl/server", () => keyTranslations());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { previewSettings } = await import("../../lib/actions/preview-settings");
const { updateSettings } = await import("../../lib/actions/update-settings");
const { updateWording } = await import("../../lib/actions/update-wording");
const { generateDraft, getBulletin } = await import("../../lib/data/bulletins");

const db = testDb();
let tenantId: string;
let form: Record<string, unknown>;

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  session.user = await sessionFor(db, "xiangxi-admin");
  const s = await db.tenantSettings.findUniqueOrThrow({ where: { tenantId } });
  const tiers = await db.scoreTier.findMany({ where: { tenantId }, orderBy: { sortOrder: "asc" } });
  const inds = await db.indicator.findMany({ where: { tenantId } });
  form = {
    deadlineDay: String(s.deadlineDay),
    reportedSharePercent: String(s.reportedSharePercent),
    countPending: s.countPending ? "on" : "",
    behindGap: fromStored(s.behindGap).toString(),
    seriousGap: fromStored(s.seriousGap).toString(),
    fullMarks: fromStored(s.fullMarks).toString(),
    bonusPerPercent: fromStored(s.bonusPerPercent).toString(),
    bonusCap: fromStored(s.bonusCap).toString(),
    tierLabel: tiers.map((t) => t.label),
    tierMin: tiers.map((t) => fromStored(t.minScore).toString()),
    weightId: inds.map((i) => i.id),
    weight: inds.map((i) => fromStored(i.weight).toString()),
  };
}, 180_000);
afterAll(() => db.$disconnect());

describe("tenant settings", () => {
  it("refuses a serious-gap above the behind-gap and a deadline day outside 1–28", async () => {
    const r = await updateSettings(null, { ...form, seriousGap: "5", behindGap: "0" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.seriousGap?.[0]).toContain("Settings.errors.seriousAboveBehind");
    expect((await updateSettings(null, { ...form, deadlineDay: "31" })).ok).toBe(false);
  });

  it("previews the latest month's statuses and ranking under proposed settings without saving", async () => {
    const before = await db.tenantSettings.findUniqueOrThrow({ where: { tenantId } });
    const same = await previewSettings(null, form);
    expect(same.ok).toBe(true);
    if (!same.ok) return;
    expect(same.data.period).toEqual({ year: 2026, month: 10 });
    for (const s of same.data.statuses) expect(s.after).toBe(s.before);
    // a much stricter "seriously behind" line moves cells from BEHIND to SERIOUSLY_BEHIND or back
    const strict = await previewSettings(null, { ...form, seriousGap: "-1", tierLabel: ["优秀", "良好", "一般"], tierMin: ["95", "80", "0"] });
    expect(strict.ok).toBe(true);
    if (!strict.ok) return;
    const serious = strict.data.statuses.find((s) => s.status === "SERIOUSLY_BEHIND")!;
    expect(serious.after).toBeGreaterThan(serious.before);
    expect(strict.data.ranking.length).toBe(9);
    expect(strict.data.ranking.every((r) => ["优秀", "良好", "一般", null].includes(r.after.tier))).toBe(true);
    expect(await db.tenantSettings.findUniqueOrThrow({ where: { tenantId } })).toEqual(before);
  });

  it("saves settings, tiers and weights in one go, audited", async () => {
    const ids = form.weightId as string[];
    const weights = [...(form.weight as string[])];
    const rd = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    weights[ids.indexOf(rd.id)] = "20";
    const r = await updateSettings(null, { ...form, deadlineDay: "8", reportedSharePercent: "80", rankUnreported: "on", seriousGap: "-15", tierLabel: ["A", "B", "C", ""], tierMin: ["85", "60", "0", ""], weight: weights });
    expect(r.ok).toBe(true);
    const s = await db.tenantSettings.findUniqueOrThrow({ where: { tenantId } });
    expect([s.deadlineDay, fromStored(s.seriousGap).toString(), s.reportedSharePercent, s.rankUnreported, s.countPending]).toEqual([8, "-15", 80, true, true]);
    expect((await db.scoreTier.findMany({ where: { tenantId }, orderBy: { sortOrder: "asc" } })).map((t) => `${t.label}${fromStored(t.minScore)}`)).toEqual(["A85", "B60", "C0"]);
    expect(fromStored((await db.indicator.findFirstOrThrow({ where: { tenantId, id: rd.id } })).weight).toString()).toBe("20");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId, entity: "Settings" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { deadlineDay: 5, weights: { RD_EXP: "15" } }, after: { deadlineDay: 8, reportedSharePercent: 80, rankUnreported: true, seriousGap: "-15", weights: { RD_EXP: "20" } } });
  });

  it("refuses another tenant's indicator weight and non-admins", async () => {
    const other = await db.indicator.findFirstOrThrow({ where: { tenant: { slug: "huaihua" }, code: "RD_EXP" } });
    expect((await updateSettings(null, { ...form, weightId: [other.id], weight: ["50"] })).ok).toBe(false);
    expect(fromStored((await db.indicator.findFirstOrThrow({ where: { id: other.id } })).weight).toString()).not.toBe("50");
    const admin = session.user;
    session.user = await sessionFor(db, "xiangxi-leader");
    expect((await previewSettings(null, form)).ok).toBe(false);
    session.user = admin;
  });

  it("keeps the tenant's words: the bulletin's issuer and area word are the ones saved, audited; blank ones are refused", async () => {
    const blank = await updateWording(null, { issuer: "", shortName: "湘西州", areaWord: "" });
    expect(!blank.ok && Object.keys(blank.errors).sort()).toEqual(["areaWord", "issuer"]);
    expect(await updateWording(null, { issuer: "湘西州科技和工业信息化局", shortName: "湘西州", areaWord: "全州" })).toMatchObject({ ok: true });
    expect(await db.tenantSettings.findUniqueOrThrow({ where: { tenantId }, select: { issuer: true, shortName: true, areaWord: true } })).toEqual({
      issuer: "湘西州科技和工业信息化局",
      shortName: "湘西州",
      areaWord: "全州",
    });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId, entity: "Settings" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ label: "wording", before: { issuer: "湘西土家族苗族自治州科学技术局" }, after: { issuer: "湘西州科技和工业信息化局" } });

    const ctx = { tenantId, userId: session.user!.userId, role: "ADMIN" as const, regionId: null };
    const { id } = await generateDraft(db, ctx, { type: "HALF_YEAR", year: 2026, period: 1 });
    const doc = (await getBulletin(db, ctx, id, { includeDrafts: true }))!.document;
    expect(doc.issuer).toBe("湘西州科技和工业信息化局");
    expect(doc.tables[0]!.title).toMatch(/^表1 全州/);
    await updateWording(null, { issuer: "湘西土家族苗族自治州科学技术局", shortName: "湘西州", areaWord: "全州" });
  });
});
