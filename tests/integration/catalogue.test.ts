/**
 * The indicator catalogue on a real database: creating with a curve, the refusal of changes
 * that would re-interpret stored figures, precision loss, deactivation guarded by ratios,
 * and the audit of each change.
 */
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

const { saveIndicator } = await import("../../lib/actions/save-indicator");
const { deactivateIndicator } = await import("../../lib/actions/deactivate-indicator");
const { getIndicatorForEdit } = await import("../../lib/data/catalogue");

const db = testDb();
let tenantId: string;

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  session.user = await sessionFor(db, "xiangxi-admin");
}, 180_000);
afterAll(() => db.$disconnect());

const curve = ["0", "0", "5", "10", "15", "20", "30", "40", "50", "70", "85", "100"];
const base = { code: "PATENT_NEW", name: "新增发明专利", unit: "件", definition: "本年新授权发明专利件数", kind: "CUMULATIVE", direction: "HIGHER_IS_BETTER", precision: "0", weight: "3", frequency: "MONTHLY", curve };

async function edit(code: string) {
  const ctx = { tenantId, userId: session.user!.userId, role: "ADMIN" as const, regionId: session.user!.regionId };
  return (await getIndicatorForEdit(db, ctx, code))!;
}
const asInput = (e: Awaited<ReturnType<typeof edit>>) => ({ ...e, precision: String(e.precision), numeratorId: e.numeratorId ?? "", denominatorId: e.denominatorId ?? "" });

describe("indicator catalogue", () => {
  it("creates an indicator with its expected-progress curve and audits it", async () => {
    const r = await saveIndicator(null, base);
    expect(r).toMatchObject({ ok: true });
    const row = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "PATENT_NEW" }, include: { curve: { orderBy: { month: "asc" } } } });
    expect(row.curve.map((p) => fromStored(p.share).toString())).toEqual(["0", "0", "0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.7", "0.85", "1"]);
    expect(await db.auditEntry.count({ where: { tenantId, entity: "Indicator", entityId: row.id, action: "create" } })).toBe(1);
    // the code is unique in the tenant
    expect((await saveIndicator(null, base)).ok).toBe(false);
  });

  it("refuses a curve that decreases or does not end at 100 %", async () => {
    const down = await saveIndicator(null, { ...base, code: "X_ONE", curve: ["10", "5", ...curve.slice(2)] });
    expect(down.ok).toBe(false);
    if (!down.ok) expect(Object.keys(down.errors)).toContain("curve.1");
    const end = await saveIndicator(null, { ...base, code: "X_TWO", curve: [...curve.slice(0, 11), "90"] });
    expect(end.ok).toBe(false);
  });

  it("allows changing anything while an indicator holds no figures", async () => {
    const e = await edit("PATENT_NEW");
    const r = await saveIndicator(null, { ...asInput(e), kind: "STOCK", unit: "项" });
    expect(r.ok).toBe(true);
  });

  it("refuses a change of kind, unit or ratio parts of an indicator with figures, naming the field", async () => {
    const rd = await edit("RD_EXP");
    expect(rd.fills).toBeGreaterThan(0);
    const kind = await saveIndicator(null, { ...asInput(rd), kind: "STOCK" });
    expect(kind.ok).toBe(false);
    if (!kind.ok) expect(kind.errors.kind?.[0]).toContain("Catalogue.refused.kind");
    const unit = await saveIndicator(null, { ...asInput(rd), unit: "万元" });
    expect(unit.ok).toBe(false);
    if (!unit.ok) expect(unit.errors.unit?.[0]).toContain("Catalogue.refused.unit");

    const intensity = await edit("RD_INTENSITY");
    const gdp = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "TECH_CONTRACT" } });
    const parts = await saveIndicator(null, { ...asInput(intensity), denominatorId: gdp.id });
    expect(parts.ok).toBe(false);
    if (!parts.ok) expect(parts.errors.numeratorId?.[0]).toContain("Catalogue.refused.ratioParts");
    const factor = await saveIndicator(null, { ...asInput(intensity), ratioFactor: "1000" });
    expect(factor.ok).toBe(false);

    // nothing changed
    const after = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    expect([after.kind, after.unit]).toEqual(["CUMULATIVE", "亿元"]);
  });

  it("refuses a precision that would cut digits off stored values, allows name, weight and curve changes", async () => {
    const rd = await edit("RD_EXP");
    const fewer = await saveIndicator(null, { ...asInput(rd), precision: "0" });
    expect(fewer.ok).toBe(false);
    if (!fewer.ok) expect(fewer.errors.precision?.[0]).toContain("Catalogue.refused.precision");
    const ok = await saveIndicator(null, { ...asInput(rd), name: "全社会研发经费投入（R&D）", weight: "16", precision: "3" });
    expect(ok.ok).toBe(true);
    const row = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "RD_EXP" } });
    expect([row.name, fromStored(row.weight).toString(), row.precision]).toEqual(["全社会研发经费投入（R&D）", "16", 3]);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId, entity: "Indicator", entityId: row.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { weight: "15" }, after: { weight: "16" } });
  });

  it("refuses to deactivate a ratio's part, deactivates and re-activates other indicators", async () => {
    const gdp = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "GDP" } });
    expect((await deactivateIndicator(null, { id: gdp.id, active: false })).ok).toBe(false);
    const talent = await db.indicator.findFirstOrThrow({ where: { tenantId, code: "TALENT" } });
    expect((await deactivateIndicator(null, { id: talent.id, active: false })).ok).toBe(true);
    expect((await db.indicator.findFirstOrThrow({ where: { tenantId, id: talent.id } })).active).toBe(false);
    expect(await db.fill.count({ where: { tenantId, indicatorId: talent.id } })).toBeGreaterThan(0);
    expect((await deactivateIndicator(null, { id: talent.id, active: true })).ok).toBe(true);
  });

  it("refuses leaders and reporters", async () => {
    const admin = session.user;
    for (const account of ["xiangxi-leader", "xiangxi-433125"]) {
      session.user = await sessionFor(db, account);
      expect((await saveIndicator(null, { ...base, code: "X_THREE" })).ok).toBe(false);
    }
    session.user = admin;
  });
});
