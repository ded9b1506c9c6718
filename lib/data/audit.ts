/**
 * The audit trail: writing AuditEntry rows (administrative changes) and reading them
 * together with the fill changes (FillAudit) for the audit viewer. Always scoped to the
 * caller's tenant.
 */
import type { Db } from "../db/client";
import { fromStoredOrNull } from "../decimal";
import { CHINA_UTC_OFFSET_MS } from "../metrics/completeness";
import type { TenantContext } from "./context";

/** A Prisma client or an interactive transaction's client. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface AuditDetail {
  /** a human label of the changed thing, e.g. "吉首市 · 全社会研发经费投入 · 2027" */
  label?: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Who wrote the entry: a TenantContext fits, or the tenant and user of an account action. */
export interface AuditActor {
  tenantId: string;
  userId: string | null;
}

export interface AuditEntryInput {
  /** dotted verb, e.g. "region.move", "user.resetPassword" */
  action: string;
  /** the changed model, e.g. "Region" (AUDIT_ENTITIES lists those the viewer filters by) */
  entity: string;
  entityId?: string | null;
  detail?: AuditDetail;
}

/**
 * The one audit writer: one entry or several, in the caller's transaction (`tx`) or on the
 * database directly, always in the actor's tenant.
 */
export async function writeAudit(tx: DbTx, actor: AuditActor, entries: AuditEntryInput | AuditEntryInput[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const data = list.map((e) => ({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
  }));
  if (data.length === 1) await tx.auditEntry.create({ data: data[0] });
  else await tx.auditEntry.createMany({ data });
}

export const AUDIT_ENTITIES = ["Target", "Indicator", "Region", "Settings", "User", "PeriodLock", "Fill", "UnlockRequest", "Bulletin", "SupervisionNote", "ApiToken"] as const;

/** One line of the audit viewer: the raw parts its sentence is made of. */
export interface AuditRow {
  id: string;
  at: string;
  actor: string | null;
  entity: string;
  action: string;
  /** what was changed, in words: "吉首市 · 全社会研发经费投入 · 2027", a bulletin's title, a user's name */
  label: string;
  /** before and after: a plain value as text, or the recorded object (the viewer names its fields) */
  before: unknown;
  after: unknown;
  reason: string | null;
  /** a figure change: the figure's region, indicator, unit and month, and its statuses */
  fill?: { region: string; indicator: string; unit: string; year: number; month: number; oldStatus: string | null; newStatus: string | null };
}

export interface AuditQuery {
  entity?: string | null;
  actorId?: string | null;
  /** only changes made in this month (China time) */
  month?: { year: number; month: number } | null;
  page?: number;
  pageSize?: number;
}

/** The instants a month spans in China time, [from, to). */
function monthSpan({ year, month }: { year: number; month: number }) {
  return { gte: new Date(Date.UTC(year, month - 1, 1) - CHINA_UTC_OFFSET_MS), lt: new Date(Date.UTC(year, month, 1) - CHINA_UTC_OFFSET_MS) };
}

function parseDetail(text: string): AuditDetail {
  try {
    return JSON.parse(text) as AuditDetail;
  } catch {
    return {};
  }
}

/** Reads a field of a recorded object, when it is one. */
const field = (v: unknown, key: string): unknown => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined);

/** The words naming an entry's subject when it recorded no label: a title, a name, a period, a region, a user. */
function subjectOf(e: { entity: string; entityId: string | null }, d: AuditDetail, names: ReadonlyMap<string, string>): string {
  if (d.label && d.label !== "settings") return d.label;
  for (const key of ["title", "name", "account"]) {
    const v = field(d.after, key) ?? field(d.before, key);
    if (typeof v === "string") return v;
  }
  const region = field(d.after, "regionId");
  const year = field(d.after, "year");
  const month = field(d.after, "month");
  const period = typeof year === "number" && typeof month === "number" ? `${year}年${month}月` : "";
  const where = typeof region === "string" ? (names.get(region) ?? "") : "";
  if (where || period) return [where, period].filter(Boolean).join(" ");
  return (e.entityId && names.get(e.entityId)) || "";
}

/** A page of the audit trail (administrative changes and figure changes merged), newest first, and how many there are. */
export async function listAudit(db: Db, ctx: TenantContext, query: AuditQuery = {}): Promise<{ rows: AuditRow[]; total: number }> {
  const pageSize = Math.min(query.pageSize ?? 50, 500);
  const skip = (Math.max(1, query.page ?? 1) - 1) * pageSize;
  const entity = query.entity || null;
  const when = query.month ? { createdAt: monthSpan(query.month) } : {};
  const who = query.actorId ? { actorId: query.actorId } : {};
  const entryWhere = { tenantId: ctx.tenantId, ...(entity ? { entity } : {}), ...when, ...who };
  const fillWhere = { tenantId: ctx.tenantId, ...when, ...who };
  // "Fill" takes the figure changes and the entries about figures (entered on a region's behalf)
  const withFills = !entity || entity === "Fill";
  // both sources up to the end of the page, merged; deep pages read more, which an audit viewer can afford
  const [entries, fills, entryCount, fillCount] = await Promise.all([
    db.auditEntry.findMany({ where: entryWhere, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: skip + pageSize }),
    withFills
      ? db.fillAudit.findMany({
          where: fillWhere,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: skip + pageSize,
          include: { fill: { select: { year: true, month: true, region: { select: { name: true } }, indicator: { select: { name: true, unit: true, precision: true } } } } },
        })
      : Promise.resolve([]),
    db.auditEntry.count({ where: entryWhere }),
    withFills ? db.fillAudit.count({ where: fillWhere }) : Promise.resolve(0),
  ]);
  const names = await auditNames(db, ctx.tenantId, entries, fills);
  const rows: AuditRow[] = [
    ...entries.map((e) => {
      const d = parseDetail(e.detail);
      return { id: `a-${e.id}`, at: e.createdAt.toISOString(), actor: e.actorId ? (names.get(e.actorId) ?? null) : null, entity: e.entity, action: e.action, label: subjectOf(e, d, names), before: d.before ?? null, after: d.after ?? null, reason: d.reason ?? null };
    }),
    ...fills.map((f) => {
      const p = f.fill.indicator.precision;
      return {
        id: `f-${f.id}`,
        at: f.createdAt.toISOString(),
        actor: f.actorId ? (names.get(f.actorId) ?? null) : null,
        entity: "Fill",
        action: f.action,
        label: `${f.fill.region.name} · ${f.fill.indicator.name} · ${f.fill.year}年${f.fill.month}月`,
        before: fromStoredOrNull(f.oldValue)?.toFixed(p) ?? null,
        after: fromStoredOrNull(f.newValue)?.toFixed(p) ?? null,
        reason: f.reason,
        fill: { region: f.fill.region.name, indicator: f.fill.indicator.name, unit: f.fill.indicator.unit, year: f.fill.year, month: f.fill.month, oldStatus: f.oldStatus, newStatus: f.newStatus },
      };
    }),
  ];
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { rows: rows.slice(skip, skip + pageSize), total: entryCount + fillCount };
}

/** Names of the users and regions the entries name (actors, users changed, regions of requests). */
async function auditNames(db: Db, tenantId: string, entries: { actorId: string | null; entityId: string | null; detail: string }[], fills: { actorId: string | null }[]) {
  const ids = new Set<string>();
  for (const x of [...entries, ...fills]) if (x.actorId) ids.add(x.actorId);
  const regionIds = new Set<string>();
  for (const e of entries) {
    if (e.entityId) ids.add(e.entityId);
    const region = field(parseDetail(e.detail).after, "regionId");
    if (typeof region === "string") regionIds.add(region);
  }
  const [users, regions] = await Promise.all([
    ids.size ? db.user.findMany({ where: { tenantId, id: { in: [...ids] } }, select: { id: true, name: true, account: true } }) : Promise.resolve([]),
    regionIds.size ? db.region.findMany({ where: { tenantId, id: { in: [...regionIds] } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  return new Map([...users.map((u) => [u.id, `${u.name}（${u.account}）`] as const), ...regions.map((r) => [r.id, r.name] as const)]);
}

/** The tenant's members, for the viewer's "who" filter. */
export async function auditActors(db: Db, ctx: TenantContext): Promise<{ id: string; label: string }[]> {
  const users = await db.user.findMany({ where: { tenantId: ctx.tenantId }, orderBy: { account: "asc" }, select: { id: true, name: true, account: true } });
  return users.map((u) => ({ id: u.id, label: `${u.name}（${u.account}）` }));
}
