"use server";
/**
 * Submits a region's month for review: every required (non-ratio) indicator must have a
 * saved value; DRAFT and RETURNED fills become SUBMITTED (audited). Locked cells are refused.
 */
import { getTranslations } from "next-intl/server";
import { getEntrySheet } from "../data/fills";
import { isDueMonth } from "../metrics";
import * as clock from "@/lib/clock";
import { submitFillsSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult, FieldErrors } from "./result";

const run = defineAction(
  {
    // an administrator may submit the figures entered on a region's behalf (lib/permissions.ts)
    action: ["fill.write", "fill.writeOnBehalf"],
    schema: submitFillsSchema,
    resource: async (input, ctx) => {
      const region = await ctx.db.region.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.regionId }, select: { id: true } });
      return region ? { tenantId: ctx.tenant.tenantId, regionId: region.id } : null;
    },
  },
  async (input, ctx): Promise<ActionResult<{ submitted: number }>> => {
    const t = await getTranslations("Entry");
    const now = clock.now();
    const { tenantId } = ctx.tenant;
    const sheet = await getEntrySheet(ctx.db, ctx.tenant, input.regionId, { year: input.year, month: input.month }, now);
    if (!sheet) throw new ActionError(t("errors.notFound"));
    if (sheet.lock.locked) throw new ActionError(t(`locked.${sheet.lock.reason}`));
    const errors: FieldErrors = {};
    const toSubmit: { id: string; version: number; status: "DRAFT" | "RETURNED"; value: string }[] = [];
    for (const row of sheet.rows) {
      if (row.kind === "RATIO") continue;
      const frequencyDue = isDueMonth(input.month, row.frequency);
      if (!row.fill) {
        if (frequencyDue) errors[`cells.${row.indicatorId}`] = [t("errors.missing", { field: row.name })];
        continue;
      }
      if (row.fill.status === "DRAFT" || row.fill.status === "RETURNED") toSubmit.push({ id: row.fill.id, version: row.fill.version, status: row.fill.status, value: row.fill.value });
    }
    if (Object.keys(errors).length > 0) throw new ActionError(t("errors.incomplete"), errors);
    if (toSubmit.length === 0) return { ok: true, message: t("nothingToSubmit"), data: { submitted: 0 } };
    const actorId = ctx.user.userId;
    class Stale extends Error {}
    try {
      await ctx.db.$transaction(async (tx) => {
      for (const f of toSubmit) {
        const res = await tx.fill.updateMany({
          where: { tenantId, id: f.id, version: f.version, status: f.status },
          data: { status: "SUBMITTED", submittedAt: now, reviewReason: null, updatedById: actorId, version: { increment: 1 } },
        });
        if (res.count === 0) throw new Stale();
        await tx.fillAudit.create({ data: { tenantId, fillId: f.id, action: "SUBMIT", oldStatus: f.status, newStatus: "SUBMITTED", actorId } });
      }
      });
    } catch (e) {
      if (e instanceof Stale) throw new ActionError(t("errors.changedMeanwhile"));
      throw e;
    }
    return { ok: true, message: t("submitted", { count: toSubmit.length }), data: { submitted: toSubmit.length } };
  },
);

export async function submitFills(prev: ActionResult<{ submitted: number }> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
