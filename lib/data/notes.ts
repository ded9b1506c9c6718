/**
 * Supervision notes (督办): a leader or admin attaches a note to (region, indicator?,
 * period) with an optional due date; the county replies; the author (or an admin/leader)
 * closes it. Every query is scoped by the session's tenant.
 */
import type { Db } from "../db/client";
import { writeAudit } from "./audit";
import type { TenantContext } from "./context";

export interface NoteReplyView {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: string;
}

export interface NoteView {
  id: string;
  regionId: string;
  regionCode: string;
  regionName: string;
  indicatorId: string | null;
  indicatorName: string | null;
  indicatorCode: string | null;
  year: number;
  month: number;
  body: string;
  dueDate: string | null;
  status: "OPEN" | "CLOSED";
  authorName: string | null;
  createdAt: string;
  closedAt: string | null;
  replies: NoteReplyView[];
}

export interface NoteFilter {
  regionId?: string;
  status?: "OPEN" | "CLOSED";
  take?: number;
}

export async function listNotes(db: Db, ctx: TenantContext, filter: NoteFilter = {}): Promise<NoteView[]> {
  const { tenantId } = ctx;
  const notes = await db.supervisionNote.findMany({
    where: { tenantId, ...(filter.regionId ? { regionId: filter.regionId } : {}), ...(filter.status ? { status: filter.status } : {}) },
    orderBy: [{ createdAt: "desc" }],
    take: filter.take ?? 100,
    include: {
      region: { select: { code: true, name: true } },
      indicator: { select: { code: true, name: true } },
      replies: { orderBy: { createdAt: "asc" } },
    },
  });
  const authorIds = new Set<string>();
  for (const n of notes) {
    if (n.authorId) authorIds.add(n.authorId);
    for (const r of n.replies) if (r.authorId) authorIds.add(r.authorId);
  }
  const users = authorIds.size
    ? await db.user.findMany({ where: { tenantId, id: { in: [...authorIds] } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return notes.map((n) => ({
    id: n.id,
    regionId: n.regionId,
    regionCode: n.region.code,
    regionName: n.region.name,
    indicatorId: n.indicatorId,
    indicatorName: n.indicator?.name ?? null,
    indicatorCode: n.indicator?.code ?? null,
    year: n.year,
    month: n.month,
    body: n.body,
    dueDate: n.dueDate ? n.dueDate.toISOString().slice(0, 10) : null,
    status: n.status,
    authorName: n.authorId ? (nameOf.get(n.authorId) ?? null) : null,
    createdAt: n.createdAt.toISOString(),
    closedAt: n.closedAt ? n.closedAt.toISOString() : null,
    replies: n.replies.map((r) => ({
      id: r.id,
      body: r.body,
      authorName: r.authorId ? (nameOf.get(r.authorId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
    })),
  }));
}

/** The note's region inside the caller's tenant (for the permission check), or null. */
export async function noteResource(db: Db, tenantId: string, noteId: string): Promise<{ tenantId: string; regionId: string; status: string } | null> {
  const note = await db.supervisionNote.findUnique({ where: { tenantId_id: { tenantId, id: noteId } }, select: { regionId: true, status: true } });
  return note ? { tenantId, regionId: note.regionId, status: note.status } : null;
}

/** A county-level region of the tenant (by id), or null. */
export async function regionResource(db: Db, tenantId: string, regionId: string): Promise<{ tenantId: string; regionId: string } | null> {
  const region = await db.region.findUnique({ where: { tenantId_id: { tenantId, id: regionId } }, select: { id: true } });
  return region ? { tenantId, regionId: region.id } : null;
}

export async function indicatorExists(db: Db, tenantId: string, indicatorId: string): Promise<boolean> {
  return !!(await db.indicator.findUnique({ where: { tenantId_id: { tenantId, id: indicatorId } }, select: { id: true } }));
}

export interface NewNote {
  regionId: string;
  indicatorId?: string;
  year: number;
  month: number;
  body: string;
  dueDate?: string;
}

export async function createNote(db: Db, ctx: TenantContext, input: NewNote) {
  const { tenantId } = ctx;
  return db.$transaction(async (tx) => {
    const note = await tx.supervisionNote.create({
      data: {
        tenantId,
        regionId: input.regionId,
        indicatorId: input.indicatorId ?? null,
        year: input.year,
        month: input.month,
        body: input.body,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
        authorId: ctx.userId,
      },
    });
    await writeAudit(tx, ctx, { action: "note.create", entity: "SupervisionNote", entityId: note.id, detail: { after: input } });
    return note;
  });
}

export async function addReply(db: Db, ctx: TenantContext, noteId: string, body: string) {
  const { tenantId } = ctx;
  return db.$transaction(async (tx) => {
    const reply = await tx.noteReply.create({ data: { tenantId, noteId, body, authorId: ctx.userId } });
    await writeAudit(tx, ctx, { action: "note.reply", entity: "SupervisionNote", entityId: noteId, detail: { after: { body } } });
    return reply;
  });
}

export async function closeNote(db: Db, ctx: TenantContext, noteId: string) {
  const { tenantId } = ctx;
  return db.$transaction(async (tx) => {
    const before = await tx.supervisionNote.findUniqueOrThrow({ where: { tenantId_id: { tenantId, id: noteId } }, select: { status: true } });
    const note = await tx.supervisionNote.update({
      where: { tenantId_id: { tenantId, id: noteId } },
      data: { status: "CLOSED", closedAt: new Date() },
    });
    await writeAudit(tx, ctx, { action: "note.close", entity: "SupervisionNote", entityId: noteId, detail: { before, after: { status: "CLOSED" } } });
    return note;
  });
}
