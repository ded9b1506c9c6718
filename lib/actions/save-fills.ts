"use server";
/**
 * Saves a region's monthly figures as a draft (DESIGN.md §4). Each cell names the version
 * it read: a cell saved meanwhile by someone else is a conflict (nothing is written; the
 * message shows the other value and who saved it). Every value is re-parsed and re-checked
 * here whatever the browser sent; a flagged value needs `confirmed` and a note. Status after
 * saving: DRAFT — a SUBMITTED fill is withdrawn from review until submitted again — except
 * that a RETURNED fill stays RETURNED (with the reviewer's reason) until it is resubmitted.
 */
import { getTranslations } from "next-intl/server";
import { Decimal, formatMaxMeasure, fromStored, toStored } from "../decimal";
import { getEntrySheet, userNames } from "../data/fills";
import { checkValue, parseEntry } from "../reporting/checks";
import * as clock from "@/lib/clock";
import { saveFillsSchema } from "../schemas/fills";
import { ActionError, defineAction } from "./client";
import type { ActionResult, FieldErrors } from "./result";

class Conflict extends Error {
  constructor(readonly indicatorIds: string[]) {
    super("conflict");
  }
}

const run = defineAction(
  {
    action: "fill.write",
    schema: saveFillsSchema,
    resource: async (input, ctx) => {
      const region = await ctx.db.region.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.regionId }, select: { id: true } });
      return region ? { tenantId: ctx.tenant.tenantId, regionId: region.id } : null;
    },
  },
  async (input, ctx): Promise<ActionResult<{ saved: number }>> => {
    const t = await getTranslations("Entry");
    const now = clock.now();
    const { tenantId } = ctx.tenant;
    const sheet = await getEntrySheet(ctx.db, ctx.tenant, input.regionId, { year: input.year, month: input.month }, now);
    if (!sheet) throw new ActionError(t("errors.notFound"));
    const rowOf = new Map(sheet.rows.map((r) => [r.indicatorId, r]));
    const errors: FieldErrors = {};
    const writes: { indicatorId: string; value: bigint; note: string; version: number; existing: (typeof sheet.rows)[number]["fill"]; reason: string | null }[] = [];

    for (const cell of input.cells) {
      const field = `cells.${cell.indicatorId}`;
      const row = rowOf.get(cell.indicatorId);
      if (!row || row.kind === "RATIO") {
        errors[field] = [t("errors.notFillable")];
        continue;
      }
      const label = row.name;
      if (cell.value.trim() === "") {
        if (row.fill) errors[field] = [t("errors.required", { field: label })];
        continue;
      }
      const parsed = parseEntry(cell.value, row.precision);
      if ("error" in parsed) {
        errors[field] = [t(`errors.${parsed.error}`, { field: label, precision: row.precision, maximum: formatMaxMeasure() })];
        continue;
      }
      const unchanged = row.fill !== null && new Decimal(row.fill.value).eq(parsed.value) && row.fill.note === cell.note;
      if (unchanged && row.fill?.version === cell.version) continue;
      if (row.lock.locked) {
        errors[field] = [t(`locked.${row.lock.reason}`)];
        continue;
      }
      const d = (v: string | null) => (v === null ? null : new Decimal(v));
      const flags = checkValue({
        kind: row.kind,
        month: input.month,
        precision: row.precision,
        value: parsed.value,
        lastMonth: d(row.last),
        baseline: d(row.baseline),
        target: d(row.target),
        history: row.history.map((h) => new Decimal(h)),
      });
      if (flags.length > 0 && (!cell.confirmed || cell.note.trim() === "")) {
        errors[field] = [t("errors.needsConfirmation", { field: label, flags: flags.map((f) => t(`flags.${f}`)).join("；") })];
        continue;
      }
      writes.push({ indicatorId: row.indicatorId, value: toStored(parsed.value), note: cell.note, version: cell.version, existing: row.fill, reason: flags.length > 0 ? cell.note : null });
    }
    if (Object.keys(errors).length > 0) throw new ActionError(t("errors.fix"), errors);
    if (writes.length === 0) return { ok: true, message: t("nothingChanged"), data: { saved: 0 } };

    const actorId = ctx.user.userId;
    try {
      await ctx.db.$transaction(async (tx) => {
        const conflicts: string[] = [];
        for (const w of writes) {
          const base = { tenantId, regionId: input.regionId, indicatorId: w.indicatorId, year: input.year, month: input.month };
          if (w.version === 0) {
            const there = await tx.fill.findUnique({ where: { tenantId_regionId_indicatorId_year_month: base }, select: { id: true } });
            if (there) {
              conflicts.push(w.indicatorId);
              continue;
            }
            const created = await tx.fill.create({ data: { ...base, value: w.value, note: w.note, status: "DRAFT", createdById: actorId, updatedById: actorId } });
            await tx.fillAudit.create({ data: { tenantId, fillId: created.id, action: "CREATE", newValue: w.value, newStatus: "DRAFT", actorId, reason: w.reason } });
            continue;
          }
          const current = await tx.fill.findUnique({ where: { tenantId_regionId_indicatorId_year_month: base } });
          if (!current || current.version !== w.version) {
            conflicts.push(w.indicatorId);
            continue;
          }
          const status = current.status === "RETURNED" ? "RETURNED" : "DRAFT";
          const res = await tx.fill.updateMany({
            where: { tenantId, id: current.id, version: w.version, status: { not: "APPROVED" } },
            data: { value: w.value, note: w.note, status, updatedById: actorId, version: { increment: 1 } },
          });
          if (res.count === 0) {
            conflicts.push(w.indicatorId);
            continue;
          }
          await tx.fillAudit.create({
            data: { tenantId, fillId: current.id, action: "UPDATE", oldValue: current.value, newValue: w.value, oldStatus: current.status, newStatus: status, actorId, reason: w.reason },
          });
        }
        if (conflicts.length > 0) throw new Conflict(conflicts);
      });
    } catch (error) {
      const ids = error instanceof Conflict ? error.indicatorIds : isUniqueViolation(error) ? writes.map((w) => w.indicatorId) : null;
      if (!ids) throw error;
      const fresh = await ctx.db.fill.findMany({ where: { tenantId, regionId: input.regionId, year: input.year, month: input.month, indicatorId: { in: ids } } });
      const names = await userNames(ctx.db, tenantId, fresh.map((f) => f.updatedById));
      const conflictErrors: FieldErrors = {};
      for (const id of ids) {
        const f = fresh.find((x) => x.indicatorId === id);
        const row = rowOf.get(id)!;
        conflictErrors[`cells.${id}`] = [
          t("errors.conflict", {
            field: row.name,
            name: (f?.updatedById && names.get(f.updatedById)) || t("someoneElse"),
            value: f ? fromStored(f.value).toString() : "—",
          }),
        ];
      }
      throw new ActionError(t("errors.conflictTitle"), conflictErrors);
    }
    return { ok: true, message: t("saved", { count: writes.length }), data: { saved: writes.length } };
  },
);

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function saveFills(prev: ActionResult<{ saved: number }> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
