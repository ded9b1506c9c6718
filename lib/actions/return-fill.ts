"use server";
/** Returns one submitted value to the reporter with a reason, shown at the field: SUBMITTED → RETURNED, audited. */
import * as clock from "@/lib/clock";
import { getTranslations } from "next-intl/server";
import { returnFillSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult } from "./result";

const run = defineAction(
  {
    action: "fill.review",
    schema: returnFillSchema,
    resource: async (input, ctx) => {
      const fill = await ctx.db.fill.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.fillId }, select: { regionId: true } });
      return fill ? { tenantId: ctx.tenant.tenantId, regionId: fill.regionId } : null;
    },
  },
  async (input, ctx): Promise<ActionResult> => {
    const t = await getTranslations("Review");
    const { tenantId } = ctx.tenant;
    const actorId = ctx.user.userId;
    const fill = await ctx.db.fill.findFirst({ where: { tenantId, id: input.fillId } });
    if (!fill || fill.status !== "SUBMITTED") throw new ActionError(t("errors.notSubmitted", { count: 1 }));
    await ctx.db.$transaction(async (tx) => {
      const res = await tx.fill.updateMany({
        where: { tenantId, id: fill.id, version: fill.version, status: "SUBMITTED" },
        data: { status: "RETURNED", reviewReason: input.reason, reviewedById: actorId, reviewedAt: clock.now(), version: { increment: 1 } },
      });
      if (res.count === 0) throw new ActionError(t("errors.changedMeanwhile"));
      await tx.fillAudit.create({
        data: { tenantId, fillId: fill.id, action: "RETURN", oldValue: fill.value, newValue: fill.value, oldStatus: "SUBMITTED", newStatus: "RETURNED", actorId, reason: input.reason },
      });
    });
    return { ok: true, message: t("returned"), data: undefined };
  },
);

export async function returnFill(prev: ActionResult | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
