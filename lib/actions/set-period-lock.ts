"use server";
/** An admin locks a month early or re-opens it for every region (PeriodLock), with a reason (audited). */
import * as clock from "@/lib/clock";
import { getTranslations } from "next-intl/server";
import { writeAudit } from "../data/audit";
import { setPeriodLockSchema } from "../schemas/fills";
import { defineAction } from "./client";
import type { ActionResult } from "./result";

const run = defineAction({ action: "period.lock", schema: setPeriodLockSchema }, async (input, ctx): Promise<ActionResult> => {
  const t = await getTranslations("Locks");
  const { tenantId } = ctx.tenant;
  const actorId = ctx.user.userId;
  await ctx.db.$transaction(async (tx) => {
    const before = await tx.periodLock.findUnique({ where: { tenantId_year_month: { tenantId, year: input.year, month: input.month } } });
    const row = await tx.periodLock.upsert({
      where: { tenantId_year_month: { tenantId, year: input.year, month: input.month } },
      create: { tenantId, year: input.year, month: input.month, state: input.state, reason: input.reason, actorId },
      update: { state: input.state, reason: input.reason, actorId, createdAt: clock.now() },
    });
    await writeAudit(tx, { tenantId, userId: actorId }, {
      action: input.state === "LOCKED" ? "period.lock" : "period.reopen",
      entity: "PeriodLock",
      entityId: row.id,
      detail: { before: before ? { state: before.state } : null, after: { year: input.year, month: input.month, state: input.state }, reason: input.reason },
    });
  });
  return { ok: true, message: t(input.state === "LOCKED" ? "periodLocked" : "periodReopened"), data: undefined };
});

export async function setPeriodLock(prev: ActionResult | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
