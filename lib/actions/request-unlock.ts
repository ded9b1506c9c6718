"use server";
/** A reporter asks to re-open a locked month of their own region, with a reason (audited). */
import { getTranslations } from "next-intl/server";
import { writeAudit } from "../data/audit";
import { loadLockContext, periodLockStatus } from "../data/fills";
import * as clock from "@/lib/clock";
import { requestUnlockSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult } from "./result";

const run = defineAction(
  {
    action: "unlock.request",
    schema: requestUnlockSchema,
    resource: async (input, ctx) => {
      const region = await ctx.db.region.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.regionId }, select: { id: true } });
      return region ? { tenantId: ctx.tenant.tenantId, regionId: region.id } : null;
    },
  },
  async (input, ctx): Promise<ActionResult> => {
    const t = await getTranslations("Locks");
    const { tenantId } = ctx.tenant;
    const now = clock.now();
    const lc = await loadLockContext(ctx.db, tenantId, input.regionId, input.year, input.month);
    const status = periodLockStatus(lc, input.year, input.month, now);
    if (!status.locked || status.reason === "NOT_YET_OPEN") throw new ActionError(t("errors.notLocked"));
    const pending = await ctx.db.unlockRequest.count({ where: { tenantId, regionId: input.regionId, year: input.year, month: input.month, status: "PENDING" } });
    if (pending > 0) throw new ActionError(t("errors.alreadyPending"));
    await ctx.db.$transaction(async (tx) => {
      const req = await tx.unlockRequest.create({
        data: { tenantId, regionId: input.regionId, year: input.year, month: input.month, reason: input.reason, requestedById: ctx.user.userId },
      });
      await writeAudit(tx, ctx.tenant, {
        action: "unlock.request",
        entity: "UnlockRequest",
        entityId: req.id,
        detail: { after: { regionId: input.regionId, year: input.year, month: input.month }, reason: input.reason },
      });
    });
    return { ok: true, message: t("requested"), data: undefined };
  },
);

export async function requestUnlock(prev: ActionResult | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
