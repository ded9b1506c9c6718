/**
 * Supervision notes (督办) through their server actions, with a mocked session: a leader
 * writes, the county's reporter replies, another county's reporter is refused, the
 * leader closes; API tokens are admin-only.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "../../lib/auth/types";
import { loadUser } from "../../lib/auth/user";
import { DEMO_CURRENT_YEAR, seedDemo } from "../../prisma/seed";
import { testDb } from "../support/db";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createNote } = await import("../../lib/actions/create-note");
const { replyNote } = await import("../../lib/actions/reply-note");
const { closeNote } = await import("../../lib/actions/close-note");
const { createApiToken } = await import("../../lib/actions/create-api-token");
const { revokeApiToken } = await import("../../lib/actions/revoke-api-token");
const { listNotes } = await import("../../lib/data/notes");

const db = testDb();
const ids: Record<string, string> = {};

async function as(account: string) {
  const loaded = await loadUser(db, { account });
  session.user = { ...loaded!.user, mustChangePassword: false };
}

beforeAll(async () => {
  await seedDemo(db);
  const t = await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } });
  ids.tenant = t.id;
  for (const code of ["433125", "433122"]) ids[code] = (await db.region.findUniqueOrThrow({ where: { tenantId_code: { tenantId: t.id, code } } })).id;
  ids.TECH_CONTRACT = (await db.indicator.findUniqueOrThrow({ where: { tenantId_code: { tenantId: t.id, code: "TECH_CONTRACT" } } })).id;
}, 180_000);
afterAll(() => db.$disconnect());

describe("supervision notes", () => {
  let noteId = "";

  it("a leader leaves a note on 保靖县 for 技术合同成交额", async () => {
    await as("xiangxi-leader");
    const r = await createNote(null, { regionId: ids["433125"], indicatorId: ids.TECH_CONTRACT, year: DEMO_CURRENT_YEAR, month: 10, body: "请说明滞后原因", dueDate: "2026-12-15" });
    expect(r).toMatchObject({ ok: true, message: "created" });
    noteId = r.ok ? r.data.id : "";
    const audit = await db.auditEntry.findFirst({ where: { tenantId: ids.tenant, entity: "SupervisionNote", entityId: noteId } });
    expect(audit?.action).toBe("note.create");
  });

  it("rejects an empty note and a malformed due date, naming the fields", async () => {
    const r = await createNote(null, { regionId: ids["433125"], year: 2026, month: 10, body: " ", dueDate: "15/12/2026" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["body", "dueDate"]);
  });

  it("a reporter may not write notes", async () => {
    await as("xiangxi-433125");
    expect(await createNote(null, { regionId: ids["433125"], year: 2026, month: 10, body: "x" })).toMatchObject({ ok: false, message: "forbidden" });
  });

  it("the county's reporter replies; another county's reporter is refused", async () => {
    await as("xiangxi-433122");
    expect(await replyNote(null, { noteId, body: "not mine" })).toMatchObject({ ok: false, message: "forbidden" });
    await as("xiangxi-433125");
    expect(await replyNote(null, { noteId, body: "已部署整改" })).toMatchObject({ ok: true });
    const notes = await listNotes(db, { tenantId: ids.tenant, userId: null, role: "ADMIN", regionId: null }, { regionId: ids["433125"], status: "OPEN" });
    const note = notes.find((n) => n.id === noteId)!;
    expect(note.body).toBe("请说明滞后原因");
    expect(note.dueDate).toBe("2026-12-15");
    expect(note.indicatorName).toBe("技术合同成交额");
    expect(note.replies.map((r) => r.body)).toEqual(["已部署整改"]);
    expect(note.replies[0].authorName).toBeTruthy();
  });

  it("a reporter cannot close; the leader closes, then replies are refused", async () => {
    expect(await closeNote(null, { noteId })).toMatchObject({ ok: false, message: "forbidden" });
    await as("xiangxi-leader");
    expect(await closeNote(null, { noteId })).toMatchObject({ ok: true });
    expect(await replyNote(null, { noteId, body: "late" })).toMatchObject({ ok: false, message: "alreadyClosed" });
    const open = await listNotes(db, { tenantId: ids.tenant, userId: null, role: "ADMIN", regionId: null }, { status: "OPEN" });
    expect(open.map((n) => n.id)).not.toContain(noteId);
  });
});

describe("API token actions", () => {
  it("only an admin creates and revokes tokens", async () => {
    await as("xiangxi-leader");
    expect(await createApiToken(null, { name: "x" })).toMatchObject({ ok: false, message: "forbidden" });
    await as("xiangxi-admin");
    const r = await createApiToken(null, { name: "统计局数据中台" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.token).toMatch(/^sti_/);
    await as("xiangxi-leader");
    expect(await revokeApiToken(null, { tokenId: r.data.id })).toMatchObject({ ok: false, message: "forbidden" });
    await as("xiangxi-admin");
    expect(await revokeApiToken(null, { tokenId: r.data.id })).toMatchObject({ ok: true });
    const row = await db.apiToken.findUniqueOrThrow({ where: { tenantId_id: { tenantId: ids.tenant, id: r.data.id } } });
    expect(row.revokedAt).not.toBeNull();
  });
});
