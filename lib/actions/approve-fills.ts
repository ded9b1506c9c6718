"use server";
/** Approves submitted fills (one or many): SUBMITTED → APPROVED, audited; an approved cell is locked. */
import * as clock from "@/lib/clock";
import { getTranslations } from "next-intl/server";
import { can } from "../permissions";
import { approveFillsSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult } from "./result";

const run = defineAction(
  {
    action: "fill.review",
    schema: approveFillsSchema,
    resource: async (input, ctx) => {
      const ids = [...new Set(input.fillIds)];
      const { tenantId } = ctx.tenant;
      const found = await ctx.db.fill.findMany({ where: { tenantId, id: { in: ids } }, select: { regionId: true } });
      const regionIds = [...new Set(found.map((f) => f.regionId))];
      // every fill must exist in this tenant and lie in the reviewer's scope (a subtree-bound one's region and below)
      if (found.length !== ids.length || !regionIds.every((regionId) => can(ctx.user, "fill.review", { tenantId, regionId }))) return null;
      return { tenantId, regionId: regionIds[0] };
    },
  },
  async (input, ctx): Promise<ActionResult<{ approved: number }>> => {
    const t = await getTranslations("Review");
    const { tenantId } = ctx.tenant;
    const actorId = ctx.user.userId;
    const now = clock.now();
    const ids = [...new Set(input.fillIds)];
    // one order (year, id) for every approval: two approvals lock shared rows in the same
    // order and cannot deadlock
    const fills = await ctx.db.fill.findMany({
      where: { tenantId, id: { in: ids } },
      select: { id: true, status: true, version: true, value: true },
      orderBy: [{ year: "asc" }, { id: "asc" }],
    });
    const notSubmitted = fills.filter((f) => f.status !== "SUBMITTED");
    if (notSubmitted.length > 0) throw new ActionError(t("errors.notSubmitted", { count: notSubmitted.length }));
    class Stale extends Error {}
    try {
      await ctx.db.$transaction(async (tx) => {
        for (const f of fills) {
          const res = await tx.fill.updateMany({
            where: { tenantId, id: f.id, version: f.version, status: "SUBMITTED" },
            data: { status: "APPROVED", reviewedById: actorId, reviewedAt: now, reviewReason: null, version: { increment: 1 } },
          });
          if (res.count === 0) throw new Stale();
          await tx.fillAudit.create({ data: { tenantId, fillId: f.id, action: "APPROVE", oldValue: f.value, newValue: f.value, oldStatus: "SUBMITTED", newStatus: "APPROVED", actorId } });
        }
      });
    } catch (e) {
      if (e instanceof Stale) throw new ActionError(t("errors.changedMeanwhile"));
      throw e;
    }
    return { ok: true, message: t("approved", { count: fills.length }), data: { approved: fills.length } };
  },
);

export async function approveFills(prev: ActionResult<{ approved: number }> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
