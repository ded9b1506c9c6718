/**
 * History backfill: an administrator's past months, many in one file, written as approved
 * history (decision 016). No lock is asked and none is reopened; a new cell carries no
 * submission time, so completeness counts it on time, never late; every written cell is
 * audited as HISTORY with the administrator's reason. All or nothing.
 */
import type { Db } from "../db/client";
import { fromStored, toStored, type Decimal } from "../decimal";
import type { TenantContext } from "./context";

export interface HistoryRow {
  regionId: string;
  indicatorId: string;
  year: number;
  month: number;
  value: Decimal;
  note: string;
}

export interface StoredCell {
  id: string;
  value: Decimal;
  status: string;
}

/** The stored cells of the rows' regions and years, by `${regionId}|${indicatorId}|${year}|${month}`. */
export async function storedCells(db: Db, ctx: TenantContext, rows: HistoryRow[]): Promise<Map<string, StoredCell>> {
  const fills = await db.fill.findMany({
    where: { tenantId: ctx.tenantId, regionId: { in: [...new Set(rows.map((r) => r.regionId))] }, year: { in: [...new Set(rows.map((r) => r.year))] } },
    select: { id: true, regionId: true, indicatorId: true, year: true, month: true, value: true, status: true },
  });
  return new Map(fills.map((f) => [`${f.regionId}|${f.indicatorId}|${f.year}|${f.month}`, { id: f.id, value: fromStored(f.value), status: f.status }]));
}

/** Writes the rows that differ from what is stored, as APPROVED, each audited as HISTORY. */
export async function applyHistoryImport(db: Db, ctx: TenantContext, rows: (HistoryRow & { stored: StoredCell | null })[], reason: string, now: Date): Promise<void> {
  const { tenantId, userId: actorId } = ctx;
  await db.$transaction(
    async (tx) => {
      for (const r of rows) {
        const value = toStored(r.value);
        const reviewed = { status: "APPROVED" as const, reviewedById: actorId, reviewedAt: now, updatedById: actorId };
        if (r.stored) {
          await tx.fill.update({ where: { tenantId_id: { tenantId, id: r.stored.id } }, data: { value, note: r.note, ...reviewed, version: { increment: 1 } } });
          await tx.fillAudit.create({ data: { tenantId, fillId: r.stored.id, action: "HISTORY", oldValue: toStored(r.stored.value), newValue: value, oldStatus: r.stored.status as never, newStatus: "APPROVED", actorId, reason } });
        } else {
          const created = await tx.fill.create({ data: { tenantId, regionId: r.regionId, indicatorId: r.indicatorId, year: r.year, month: r.month, value, note: r.note, createdById: actorId, ...reviewed } });
          await tx.fillAudit.create({ data: { tenantId, fillId: created.id, action: "HISTORY", newValue: value, newStatus: "APPROVED", actorId, reason } });
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
