/**
 * Uploading county outlines on a real database (SQLite and PostgreSQL): a good file is
 * matched, simplified, stored in place of the previous outlines and audited, with the
 * features that matched no county and the counties left without an outline reported; a
 * bad file is refused with what is wrong and where, and changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { keyTranslations, sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user, requireUser: async () => session.user }));
vi.mock("next-intl/server", () => keyTranslations());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { uploadBoundaries } = await import("../../lib/actions/upload-boundaries");
const { TenantData } = await import("../../lib/data/tenant");
const { MAX_UPLOAD_BYTES } = await import("../../lib/schemas/upload");

const db = testDb();
const fixtures = path.join(import.meta.dirname, "../fixtures");
const fixture = (name: string) => new File([fs.readFileSync(path.join(fixtures, name))], name, { type: "application/geo+json" });
let xiangxi: string;
let huaihua: string;

const form = (file: File, fields: Record<string, string> = {}) => {
  const fd = new FormData();
  fd.set("file", file);
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const shapes = (tenantId: string) => db.regionShape.findMany({ where: { tenantId }, select: { geometry: true, region: { select: { code: true } } }, orderBy: { regionId: "asc" } });
const uploads = () => db.auditEntry.count({ where: { tenantId: xiangxi, action: "map.upload" } });

beforeAll(async () => {
  await seedDemo(db);
  xiangxi = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  huaihua = (await db.tenant.findUniqueOrThrow({ where: { slug: "huaihua" } })).id;
  session.user = await sessionFor(db, "xiangxi-admin");
}, 180_000);
afterAll(() => db.$disconnect());

describe("uploading county outlines", () => {
  it("the demo tenants ship their outlines: every county but the zone inside another", async () => {
    expect((await shapes(xiangxi)).map((s) => s.region.code).sort()).toEqual(["433101", "433122", "433123", "433124", "433125", "433126", "433127", "433130"]);
    expect((await shapes(huaihua)).map((s) => s.region.code)).not.toContain("431271");
    expect(await shapes(huaihua)).toHaveLength(12);
    expect((await db.tenantMap.findUniqueOrThrow({ where: { tenantId: xiangxi } })).attribution).toMatch(/MIT/);
  });

  it("a bad file is refused with the problem and the feature it is in; nothing changes", async () => {
    const before = await shapes(xiangxi);
    const swapped = await uploadBoundaries(null, form(fixture("outlines-swapped.geojson")));
    expect(swapped).toMatchObject({ ok: false, message: "MapUpload.rejected" });
    const errors = swapped.ok ? [] : swapped.errors.file!;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("MapUpload.problemAt");
    expect(errors[0]).toContain('"feature":1');
    expect(errors[0]).toContain('"path":"features.0.geometry.coordinates.0.0.1"');
    expect(errors[0]).toContain("MapUpload.problems.latitude");

    const notJson = await uploadBoundaries(null, form(new File(["<kml></kml>"], "outlines.geojson")));
    expect(notJson.ok ? null : notJson.errors.file).toEqual(["MapUpload.problems.json"]);
    const big = await uploadBoundaries(null, form(new File([new Uint8Array(MAX_UPLOAD_BYTES + 1)], "big.geojson")));
    expect(big.ok ? null : big.errors.file).toEqual(['MapUpload.tooLarge {"max":5}']);
    const kml = await uploadBoundaries(null, form(new File(["{}"], "outlines.kml")));
    expect(kml.ok ? null : kml.errors.file).toEqual(["MapUpload.fileType"]);
    const wrongProperty = await uploadBoundaries(null, form(fixture("xiangxi-outlines.geojson"), { codeProperty: "gb" }));
    expect(wrongProperty.ok ? null : wrongProperty.errors.file).toEqual(['MapUpload.noMatchProperty {"property":"gb"}']);

    expect(await shapes(xiangxi)).toEqual(before);
    expect(await uploads()).toBe(0);
  });

  it("a good file replaces the outlines, reports what did not match and is audited", async () => {
    const result = await uploadBoundaries(null, form(fixture("xiangxi-outlines.geojson"), { attribution: "湘西州测绘院" }));
    expect(result.ok && result.data).toEqual({
      matched: 8,
      unmatched: ['MapUpload.unmatchedFeature {"feature":9,"code":"433100","name":"湘西土家族苗族自治州（全州轮廓）"}'],
      missing: ["433199 湘西高新区"],
    });
    const stored = await shapes(xiangxi);
    expect(stored).toHaveLength(8);
    const geometry = JSON.parse(stored.find((s) => s.region.code === "433125")!.geometry) as { type: string; coordinates: number[][][] };
    expect(geometry.type).toBe("Polygon");
    expect(geometry.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
    expect(await shapes(huaihua)).toHaveLength(12); // the other tenant's outlines stay

    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId: xiangxi, action: "map.upload" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ label: "xiangxi-outlines.geojson", before: { shapes: 8 }, after: { shapes: 8, matched: 8, unmatched: 1, missing: ["433199"], attribution: "湘西州测绘院" } });

    const map = await new TenantData({ tenantId: xiangxi, userId: null, role: "LEADER", regionId: null }, db).countyMap();
    expect(map?.attribution).toBe("湘西州测绘院");
    expect(map?.shapes.map((s) => s.code).sort()).toEqual(stored.map((s) => s.region.code).sort());
    expect(map?.shapes.every((s) => /^M[\d.,LMZ-]+$/.test(s.d))).toBe(true);
  });

  it("a leader may not upload outlines", async () => {
    session.user = await sessionFor(db, "xiangxi-leader");
    const result = await uploadBoundaries(null, form(fixture("xiangxi-outlines.geojson")));
    expect(result).toMatchObject({ ok: false, message: "Actions.forbidden" });
    expect(await uploads()).toBe(1);
    session.user = await sessionFor(db, "xiangxi-admin");
  });
});
