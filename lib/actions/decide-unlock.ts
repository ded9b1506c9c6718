"use server";
/**
 * An admin grants or refuses a pending unlock request (audited). Granting opens the month
 * for the region for `days` days and turns the region's APPROVED fills of that month back
 * to SUBMITTED (FillAudit UNLOCK with the request's reason), so they can be corrected and
 * must be reviewed again.
 */
import { getTranslations } from "next-intl/server";
import { writeAudit } from "../data/audit";
import { DEFAULT_UNLOCK_DAYS } from "../reporting/locks";
import * as clock from "@/lib/clock";
import { decideUnlockSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult } from "./result";

const DAY_MS = 24 * 60 * 60 * 1000;

const run = defineAction(
  {
    action: "period.lock",
    schema: decideUnlockSchema,
    resource: async (input, ctx) => {
      const req = await ctx.db.unlockRequest.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.requestId }, select: { regionId: true } });
      return req ? { tenantId: ctx.tenant.tenantId, regionId: req.regionId } : null;
    },
  },
  async (input, ctx): Promise<ActionResult> => {
    const t = await getTranslations("Locks");
    const { tenantId } = ctx.tenant;
    const actorId = ctx.user.userId;
    const now = clock.now();
    const req = await ctx.db.unlockRequest.findFirst({ where: { tenantId, id: input.requestId } });
    if (!req || req.status !== "PENDING") throw new ActionError(t("errors.notPending"));
    const openUntil = input.decision === "GRANTED" ? new Date(now.getTime() + (input.days ?? DEFAULT_UNLOCK_DAYS) * DAY_MS) : null;
    await ctx.db.$transaction(async (tx) => {
      const res = await tx.unlockRequest.updateMany({
        where: { tenantId, id: req.id, status: "PENDING" },
        data: { status: input.decision, decidedById: actorId, decidedAt: now, decisionNote: input.note || null, openUntil },
      });
      if (res.count === 0) throw new ActionError(t("errors.notPending"));
      if (input.decision === "GRANTED") {
        const approved = await tx.fill.findMany({ where: { tenantId, regionId: req.regionId, year: req.year, month: req.month, status: "APPROVED" } });
        for (const f of approved) {
          await tx.fill.update({ where: { tenantId_id: { tenantId, id: f.id } }, data: { status: "SUBMITTED", version: { increment: 1 } } });
          await tx.fillAudit.create({ data: { tenantId, fillId: f.id, action: "UNLOCK", oldValue: f.value, newValue: f.value, oldStatus: "APPROVED", newStatus: "SUBMITTED", actorId, reason: req.reason } });
        }
      }
      await writeAudit(tx, { tenantId, userId: actorId }, {
        action: `unlock.${input.decision.toLowerCase()}`,
        entity: "UnlockRequest",
        entityId: req.id,
        detail: { before: { status: "PENDING" }, after: { status: input.decision, openUntil }, reason: input.note },
      });
    });
    return { ok: true, message: t(input.decision === "GRANTED" ? "granted" : "refused"), data: undefined };
  },
);

export async function decideUnlock(prev: ActionResult | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
