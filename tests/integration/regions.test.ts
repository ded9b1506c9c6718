/** Region administration on a real database: add, rename, move, deactivate / re-activate, audited; history stays. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";
import { keyTranslations, sessionFor } from "../support/admin-session";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next-intl/server", () => keyTranslations());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveRegion } = await import("../../lib/actions/save-region");
const { moveRegion } = await import("../../lib/actions/move-region");
const { deactivateRegion } = await import("../../lib/actions/deactivate-region");

const db = testDb();
let tenantId: string;
const region = (code: string) => db.region.findFirstOrThrow({ where: { tenantId, code } });

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  session.user = await sessionFor(db, "xiangxi-admin");
}, 180_000);
afterAll(() => db.$disconnect());

describe("region administration", () => {
  it("adds a region with a unique 6-digit code under a parent", async () => {
    const root = await region("433100");
    expect((await saveRegion(null, { code: "43319", name: "x", level: "ZONE", parentId: root.id })).ok).toBe(false);
    expect((await saveRegion(null, { code: "433101", name: "重复", level: "ZONE", parentId: root.id })).ok).toBe(false);
    const jishou = await region("433101");
    const r = await saveRegion(null, { code: "433198", name: "吉首经开区", level: "ZONE", parentId: jishou.id, sortOrder: "20" });
    expect(r.ok).toBe(true);
    expect(await region("433198")).toMatchObject({ name: "吉首经开区", parentId: jishou.id, level: "ZONE", active: true });
  });

  it("renames and re-orders, audited with before and after", async () => {
    const zone = await region("433198");
    expect((await saveRegion(null, { id: zone.id, name: "吉首经济开发区", level: "ZONE", sortOrder: "21" })).ok).toBe(true);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { tenantId, entity: "Region", entityId: zone.id, action: "rename" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ before: { name: "吉首经开区" }, after: { name: "吉首经济开发区", sortOrder: 21 } });
  });

  it("moves a region, but never the root nor under its own descendant", async () => {
    const zone = await region("433198");
    const jishou = await region("433101");
    const root = await region("433100");
    expect((await moveRegion(null, { id: jishou.id, parentId: zone.id })).ok).toBe(false); // under its own child
    expect((await moveRegion(null, { id: root.id, parentId: jishou.id })).ok).toBe(false);
    expect((await moveRegion(null, { id: zone.id, parentId: root.id })).ok).toBe(true);
    expect((await region("433198")).parentId).toBe(root.id);
    expect(await db.auditEntry.count({ where: { tenantId, entity: "Region", entityId: zone.id, action: "move" } })).toBe(1);
  });

  it("deactivates a county keeping its history, refuses the root, re-activates", async () => {
    const baojing = await region("433125");
    const fills = await db.fill.count({ where: { tenantId, regionId: baojing.id } });
    expect((await deactivateRegion(null, { id: baojing.id, active: "false" })).ok).toBe(true);
    const after = await region("433125");
    expect(after.active).toBe(false);
    expect(after.deactivatedAt).not.toBeNull();
    expect(await db.fill.count({ where: { tenantId, regionId: baojing.id } })).toBe(fills);
    expect((await deactivateRegion(null, { id: (await region("433100")).id, active: "false" })).ok).toBe(false);
    expect((await deactivateRegion(null, { id: baojing.id, active: "true" })).ok).toBe(true);
    expect(await region("433125")).toMatchObject({ active: true, deactivatedAt: null });
  });

  it("refuses leaders and reporters, and regions of another tenant", async () => {
    const huaihua = await db.region.findFirstOrThrow({ where: { code: "431202" } });
    expect((await saveRegion(null, { id: huaihua.id, name: "x", level: "DISTRICT" })).ok).toBe(false);
    expect((await db.region.findFirstOrThrow({ where: { code: "431202" } })).name).toBe("鹤城区");
    const admin = session.user;
    for (const account of ["xiangxi-leader", "xiangxi-433125"]) {
      session.user = await sessionFor(db, account);
      expect((await deactivateRegion(null, { id: (await region("433101")).id, active: "false" })).ok).toBe(false);
    }
    session.user = admin;
  });
});
