/**
 * The tenant's words (lib/admin/wording.ts): read by the dashboards and the bulletins, kept
 * in 单位设置 (audited).
 */
import type { Db } from "../db/client";
import type { TenantWording } from "../admin/wording";
import { writeAudit } from "./audit";
import type { TenantContext } from "./context";

const WORDING = { issuer: true, shortName: true, areaWord: true } as const;

export async function getTenantWording(db: Db, ctx: Pick<TenantContext, "tenantId">): Promise<TenantWording> {
  return db.tenantSettings.findUniqueOrThrow({ where: { tenantId: ctx.tenantId }, select: WORDING });
}

export async function saveTenantWording(db: Db, ctx: TenantContext, wording: TenantWording): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.tenantSettings.findUniqueOrThrow({ where: { tenantId: ctx.tenantId }, select: WORDING });
    await tx.tenantSettings.update({ where: { tenantId: ctx.tenantId }, data: wording });
    await writeAudit(tx, ctx, { action: "update", entity: "Settings", entityId: ctx.tenantId, detail: { label: "wording", before, after: wording } });
  });
}
