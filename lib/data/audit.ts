/**
 * The audit trail: writing AuditEntry rows (administrative changes) and reading them
 * together with the fill changes (FillAudit) for the audit viewer. Always scoped to the
 * caller's tenant.
 */
import type { Db } from "../db/client";
import { fromStoredOrNull } from "../decimal";
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

export const AUDIT_ENTITIES = ["Target", "Indicator", "Region", "Settings", "User", "PeriodLock", "Fill"] as const;

export interface AuditRow {
  id: string;
  at: string;
  actor: string | null;
  entity: string;
  action: string;
  label: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

function show(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** The latest entries, newest first; `entity` filters ("Fill" = the fill changes). */
export async function listAudit(db: Db, ctx: TenantContext, options: { entity?: string | null; take?: number } = {}): Promise<AuditRow[]> {
  const take = Math.min(options.take ?? 200, 1000);
  const entity = options.entity || null;
  const [entries, fills] = await Promise.all([
    entity === "Fill"
      ? Promise.resolve([])
      : db.auditEntry.findMany({
          where: { tenantId: ctx.tenantId, ...(entity ? { entity } : {}) },
          orderBy: { createdAt: "desc" },
          take,
        }),
    entity && entity !== "Fill"
      ? Promise.resolve([])
      : db.fillAudit.findMany({
          where: { tenantId: ctx.tenantId },
          orderBy: { createdAt: "desc" },
          take,
          include: { fill: { select: { year: true, month: true, region: { select: { name: true } }, indicator: { select: { name: true, precision: true } } } } },
        }),
  ]);
  const actorIds = [...new Set([...entries.map((e) => e.actorId), ...fills.map((f) => f.actorId)].filter((x): x is string => !!x))];
  const users = actorIds.length
    ? await db.user.findMany({ where: { tenantId: ctx.tenantId, id: { in: actorIds } }, select: { id: true, name: true, account: true } })
    : [];
  const who = new Map(users.map((u) => [u.id, `${u.name}（${u.account}）`]));

  const rows: AuditRow[] = [
    ...entries.map((e) => {
      let d: AuditDetail = {};
      try {
        d = JSON.parse(e.detail) as AuditDetail;
      } catch {
        /* keep empty */
      }
      return {
        id: `a-${e.id}`,
        at: e.createdAt.toISOString(),
        actor: e.actorId ? (who.get(e.actorId) ?? null) : null,
        entity: e.entity,
        action: e.action,
        label: d.label ?? e.entityId ?? "",
        before: show(d.before),
        after: show(d.after),
        reason: d.reason ?? null,
      };
    }),
    ...fills.map((f) => {
      const p = f.fill.indicator.precision;
      return {
        id: `f-${f.id}`,
        at: f.createdAt.toISOString(),
        actor: f.actorId ? (who.get(f.actorId) ?? null) : null,
        entity: "Fill",
        action: f.action,
        label: `${f.fill.region.name} · ${f.fill.indicator.name} · ${f.fill.year}-${String(f.fill.month).padStart(2, "0")}`,
        before: [fromStoredOrNull(f.oldValue)?.toFixed(p), f.oldStatus].filter(Boolean).join(" ") || null,
        after: [fromStoredOrNull(f.newValue)?.toFixed(p), f.newStatus].filter(Boolean).join(" ") || null,
        reason: f.reason,
      };
    }),
  ];
  rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return rows.slice(0, take);
}
