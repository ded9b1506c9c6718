/**
 * Bulletins (通报, domain.md §6): generated from the dashboard figures of a period, kept as
 * a JSON document, edited and published by administrators. Every function takes the
 * TenantContext from the session; every query is scoped by its tenant. Reporters (and any
 * role without bulletin.draft.read) only ever see PUBLISHED bulletins.
 */
import * as clock from "@/lib/clock";
import type { Db } from "../db/client";
import { writeAudit, type AuditDetail } from "./audit";
import { applyEdits, generateBulletin, keepCustomParagraphs, lastMonthOf, parseDocument } from "../bulletins";
import type { BulletinEdits, EditProblem } from "../bulletins/edit";
import { inputFromOverview } from "../bulletins/input";
import type { BulletinDocument, BulletinInput, BulletinPeriodSpec } from "../bulletins/types";
import type { TenantContext } from "./context";
import { unitsLevel, unitsWord } from "../admin/wording";
import { dashboardScope, getOverview } from "./dashboard";
import { getCountyMap } from "./geo";
import { latestPeriod } from "./period-loader";
import { getTenantWording } from "./wording";

export interface BulletinSummary {
  id: string;
  periodType: BulletinPeriodSpec["type"];
  year: number;
  period: number;
  title: string;
  /** 发文字号, e.g. 湘西科通〔2026〕3号 */
  docNumber: string | null;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: string | null;
  updatedAt: string;
}

export interface BulletinRecord extends BulletinSummary {
  document: BulletinDocument;
  createdById: string | null;
  publishedById: string | null;
}

/** Today's date in China, YYYY-MM-DD. */
function todayInChina(now: Date = clock.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The generator's input for a period, from the overview figures of its last month; the regions
 * it ranks named by their level (各县市区 below a city, 各市州 below a province).
 */
async function bulletinInput(db: Db, ctx: TenantContext, spec: BulletinPeriodSpec, issuedOn = todayInChina()): Promise<BulletinInput> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { name: true } });
  const wording = await getTenantWording(db, ctx);
  const month = lastMonthOf(spec);
  const [overview, map, scope] = await Promise.all([getOverview(db, ctx, { year: spec.year, month }), getCountyMap(db, ctx), dashboardScope(db, ctx, undefined)]);
  const outlined = map ? new Set(map.shapes.map((s) => s.code)) : null;
  const options = { tenantName: tenant.name, issuer: wording.issuer, area: wording.areaWord, units: unitsWord(unitsLevel(scope)), period: spec, month, issuedOn };
  return inputFromOverview(overview, options, outlined);
}

/** The latest month with submitted or approved figures (no bulletin for a period after it). */
export async function latestDataMonth(db: Db, ctx: TenantContext) {
  return latestPeriod(db, ctx);
}

/**
 * What a bulletin of the period would have to say about reporting: the counties 未报 and
 * 待审核, and the level of the regions it ranks (the messages' words for them).
 */
export async function bulletinReadiness(db: Db, ctx: TenantContext, spec: BulletinPeriodSpec): Promise<{ unreported: string[]; pending: string[]; units: string }> {
  const [{ unreported, pending }, scope] = await Promise.all([bulletinInput(db, ctx, spec), dashboardScope(db, ctx, undefined)]);
  return { unreported, pending, units: unitsLevel(scope) };
}

const summaryOf = (b: { id: string; periodType: string; year: number; period: number; title: string; docNumber: string | null; status: string; publishedAt: Date | null; updatedAt: Date }): BulletinSummary => ({
  id: b.id,
  periodType: b.periodType as BulletinSummary["periodType"],
  year: b.year,
  period: b.period,
  title: b.title,
  docNumber: b.docNumber,
  status: b.status as BulletinSummary["status"],
  publishedAt: b.publishedAt ? b.publishedAt.toISOString() : null,
  updatedAt: b.updatedAt.toISOString(),
});

/** The archive: newest period first; drafts only when `includeDrafts`. */
export async function listBulletins(db: Db, ctx: TenantContext, options: { includeDrafts: boolean }): Promise<BulletinSummary[]> {
  const rows = await db.bulletin.findMany({
    where: { tenantId: ctx.tenantId, ...(options.includeDrafts ? {} : { status: "PUBLISHED" as const }) },
    orderBy: [{ year: "desc" }, { periodType: "asc" }, { period: "desc" }, { createdAt: "desc" }],
    select: { id: true, periodType: true, year: true, period: true, title: true, docNumber: true, status: true, publishedAt: true, updatedAt: true },
  });
  return rows.map(summaryOf);
}

/** One bulletin of the caller's tenant, or null (also null for a draft when drafts are not visible). */
export async function getBulletin(db: Db, ctx: TenantContext, id: string, options: { includeDrafts: boolean }): Promise<BulletinRecord | null> {
  const row = await db.bulletin.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
  if (!row) return null;
  if (row.status !== "PUBLISHED" && !options.includeDrafts) return null;
  const document = parseDocument(row.content);
  if (!document) return null;
  return { ...summaryOf(row), document, createdById: row.createdById, publishedById: row.publishedById };
}

function audit(db: Db, ctx: TenantContext, action: string, entityId: string, detail: AuditDetail) {
  return writeAudit(db, ctx, { action, entity: "Bulletin", entityId, detail });
}

/**
 * Generates the period's bulletin: a new draft, or — when the period already has a draft —
 * the draft regenerated from the current figures (its custom paragraphs kept). `docNumber`
 * (发文字号) replaces the draft's when given, null clearing it; left out, the draft keeps its own.
 */
export async function generateDraft(db: Db, ctx: TenantContext, spec: BulletinPeriodSpec, docNumber?: string | null): Promise<{ id: string; regenerated: boolean }> {
  const fresh = generateBulletin(await bulletinInput(db, ctx, spec));
  const existing = await db.bulletin.findFirst({
    where: { tenantId: ctx.tenantId, periodType: spec.type, year: spec.year, period: spec.period, status: "DRAFT" },
    orderBy: { createdAt: "desc" },
  });
  if (existing) {
    const previous = parseDocument(existing.content);
    const document = previous ? keepCustomParagraphs(fresh, previous) : fresh;
    const number = docNumber === undefined ? existing.docNumber : docNumber;
    await db.bulletin.update({ where: { tenantId_id: { tenantId: ctx.tenantId, id: existing.id } }, data: { title: document.title, docNumber: number, content: JSON.stringify(document) } });
    await audit(db, ctx, "bulletin.regenerate", existing.id, {
      before: { dataHash: previous?.dataHash ?? null, docNumber: existing.docNumber },
      after: { dataHash: document.dataHash, title: document.title, docNumber: number },
    });
    return { id: existing.id, regenerated: true };
  }
  const created = await db.bulletin.create({
    data: { tenantId: ctx.tenantId, periodType: spec.type, year: spec.year, period: spec.period, title: fresh.title, docNumber: docNumber ?? null, content: JSON.stringify(fresh), status: "DRAFT", createdById: ctx.userId },
  });
  await audit(db, ctx, "bulletin.generate", created.id, { after: { title: fresh.title, dataHash: fresh.dataHash, docNumber: docNumber ?? null } });
  return { id: created.id, regenerated: false };
}

export type SaveOutcome = { ok: true } | { ok: false; reason: "notFound" | "published" | "stale" } | { ok: false; reason: "problems"; problems: EditProblem[] };

/**
 * Applies an administrator's edits (and 发文字号, when given) to a draft; refuses edits of a
 * published bulletin or of a stale copy.
 */
export async function saveDraft(db: Db, ctx: TenantContext, id: string, edits: BulletinEdits & { docNumber?: string | null }, expectedUpdatedAt?: string): Promise<SaveOutcome> {
  const row = await db.bulletin.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } } });
  if (!row) return { ok: false, reason: "notFound" };
  if (row.status !== "DRAFT") return { ok: false, reason: "published" };
  if (expectedUpdatedAt && row.updatedAt.toISOString() !== expectedUpdatedAt) return { ok: false, reason: "stale" };
  const before = parseDocument(row.content);
  if (!before) return { ok: false, reason: "notFound" };
  const { document, problems } = applyEdits(before, edits);
  if (problems.length > 0) return { ok: false, reason: "problems", problems };
  const changed = document.sections.flatMap((s) => s.paragraphs).filter((p) => {
    const old = before.sections.flatMap((s) => s.paragraphs).find((o) => o.id === p.id);
    return !old || old.text !== p.text;
  });
  const removed = before.sections.flatMap((s) => s.paragraphs).filter((p) => !document.sections.some((s) => s.paragraphs.some((q) => q.id === p.id)));
  const numberChanged = edits.docNumber !== undefined && edits.docNumber !== row.docNumber;
  if (changed.length === 0 && removed.length === 0 && !numberChanged) return { ok: true };
  const updated = await db.bulletin.updateMany({
    where: { tenantId: ctx.tenantId, id, status: "DRAFT", updatedAt: row.updatedAt },
    data: { content: JSON.stringify(document), ...(numberChanged ? { docNumber: edits.docNumber } : {}) },
  });
  if (updated.count === 0) return { ok: false, reason: "stale" };
  await audit(db, ctx, "bulletin.edit", id, {
    before: { paragraphs: [...changed, ...removed].map((p) => ({ id: p.id, text: before.sections.flatMap((s) => s.paragraphs).find((o) => o.id === p.id)?.text ?? null })), ...(numberChanged ? { docNumber: row.docNumber } : {}) },
    after: { paragraphs: changed.map((p) => ({ id: p.id, text: p.text })), ...(numberChanged ? { docNumber: edits.docNumber } : {}) },
  });
  return { ok: true };
}

export type PublishOutcome = { ok: true } | { ok: false; reason: "notFound" | "published" };

export async function publishDraft(db: Db, ctx: TenantContext, id: string): Promise<PublishOutcome> {
  const row = await db.bulletin.findUnique({ where: { tenantId_id: { tenantId: ctx.tenantId, id } }, select: { status: true, title: true } });
  if (!row) return { ok: false, reason: "notFound" };
  if (row.status !== "DRAFT") return { ok: false, reason: "published" };
  const now = clock.now();
  const updated = await db.bulletin.updateMany({
    where: { tenantId: ctx.tenantId, id, status: "DRAFT" },
    data: { status: "PUBLISHED", publishedAt: now, publishedById: ctx.userId },
  });
  if (updated.count === 0) return { ok: false, reason: "published" };
  await audit(db, ctx, "bulletin.publish", id, { before: { status: "DRAFT" }, after: { status: "PUBLISHED", publishedAt: now.toISOString(), title: row.title } });
  return { ok: true };
}

/** Whether the figures moved since the draft was generated (the screen offers to regenerate). */
export async function isOutdated(db: Db, ctx: TenantContext, record: BulletinRecord): Promise<boolean> {
  const spec = { type: record.periodType, year: record.year, period: record.period };
  const fresh = generateBulletin(await bulletinInput(db, ctx, spec));
  return fresh.dataHash !== record.document.dataHash;
}
