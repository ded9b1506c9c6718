"use server";
/**
 * Saves a region's monthly figures as a draft (domain.md §4). Each cell names the version
 * it read: a cell saved meanwhile by someone else is a conflict (nothing is written; the
 * message shows the other value and who saved it). Every value is re-parsed and re-checked
 * here whatever the browser sent; a flagged value needs `confirmed` and a note. Status after
 * saving: DRAFT — a SUBMITTED fill is withdrawn from review until submitted again — except
 * that a RETURNED fill stays RETURNED (with the reviewer's reason) until it is resubmitted.
 * An administrator may save on a region's behalf (lib/permissions.ts `fillWriteMode`): a
 * reason is required, the lock rules hold as for the reporter, a saved fill keeps its status,
 * and one audit entry names the region, the administrator, the figures and the reason.
 */
import { getTranslations } from "next-intl/server";
import { Decimal, formatMaxMeasure, fromStored, toStored } from "../decimal";
import { writeAudit } from "../data/audit";
import { getCheckRows, userNames, writeFills, type EntryRow, type FillWrite as Write } from "../data/fills";
import { fillWriteMode } from "../permissions";
import { formatFixed } from "../format";
import { checkInputOf, checkValue, flagValues, parseEntry } from "../reporting/checks";
import * as clock from "@/lib/clock";
import { saveFillsSchema, type CellInput } from "../schemas/fills";
import { ActionError, defineAction, type ActionContext } from "./client";
import type { ActionResult, FieldErrors } from "./result";

class Conflict extends Error {
  constructor(readonly indicatorIds: string[]) {
    super("conflict");
  }
}

type Translate = Awaited<ReturnType<typeof getTranslations<"Entry">>>;
type Row = EntryRow;
type Cell = CellInput;

/** One typed cell re-parsed and re-checked: the write it asks for, nothing (unchanged or empty), or its error. */
function checkCell(cell: Cell, row: Row | undefined, month: number, t: Translate): { write: Write } | { error: string } | null {
  if (!row || row.kind === "RATIO") return { error: t("errors.notFillable") };
  const label = row.name;
  if (cell.value.trim() === "") return row.fill ? { error: t("errors.required", { field: label }) } : null;
  const parsed = parseEntry(cell.value, row.precision);
  if ("error" in parsed) return { error: t(`errors.${parsed.error}`, { field: label, precision: row.precision, maximum: formatMaxMeasure() }) };
  const unchanged = row.fill !== null && new Decimal(row.fill.value).eq(parsed.value) && row.fill.note === cell.note;
  if (unchanged && row.fill?.version === cell.version) return null;
  if (row.lock.locked) return { error: t(`locked.${row.lock.reason}`) };
  const input = checkInputOf(row, month, parsed.value);
  const flags = checkValue(input);
  if (flags.length > 0 && (!cell.confirmed || cell.note.trim() === "")) {
    const values = flagValues(input, row.unit);
    return { error: t("errors.needsConfirmation", { field: label, flags: flags.map((f) => t(`flags.${f}`, values)).join("；") }) };
  }
  return { write: { indicatorId: row.indicatorId, value: toStored(parsed.value), note: cell.note, version: cell.version, reason: flags.length > 0 ? cell.note : null } };
}

type Period = { regionId: string; year: number; month: number };

/** The conflict message of each cell saved meanwhile: the other value and who saved it. */
async function conflictErrors(ctx: ActionContext, at: Period, ids: string[], rowOf: Map<string, Row>, t: Translate): Promise<FieldErrors> {
  const { tenantId } = ctx.tenant;
  const fresh = await ctx.db.fill.findMany({ where: { tenantId, regionId: at.regionId, year: at.year, month: at.month, indicatorId: { in: ids } } });
  const names = await userNames(ctx.db, tenantId, fresh.map((f) => f.updatedById));
  const errors: FieldErrors = {};
  for (const id of ids) {
    const f = fresh.find((x) => x.indicatorId === id);
    errors[`cells.${id}`] = [
      t("errors.conflict", {
        field: rowOf.get(id)!.name,
        name: (f?.updatedById && names.get(f.updatedById)) || t("someoneElse"),
        value: f ? formatFixed(fromStored(f.value), rowOf.get(id)!.precision) : "—",
      }),
    ];
  }
  return errors;
}

/** The audit entry of a save on a region's behalf: who (the actor), which region and month, each figure from → to, why. */
function onBehalfAudit(region: { id: string; name: string }, at: Period, writes: Write[], rowOf: Map<string, Row>, reason: string) {
  return {
    action: "fill.enterOnBehalf",
    entity: "Fill",
    entityId: region.id,
    detail: {
      label: `${region.name} · ${at.year}年${at.month}月`,
      before: writes.map((w) => ({ indicator: rowOf.get(w.indicatorId)!.name, value: rowOf.get(w.indicatorId)!.fill?.value ?? null })),
      after: writes.map((w) => ({ indicator: rowOf.get(w.indicatorId)!.name, value: fromStored(w.value).toString() })),
      reason,
    },
  };
}

const run = defineAction(
  {
    action: ["fill.write", "fill.writeOnBehalf"],
    schema: saveFillsSchema,
    resource: async (input, ctx) => {
      const region = await ctx.db.region.findFirst({ where: { tenantId: ctx.tenant.tenantId, id: input.regionId }, select: { id: true } });
      return region ? { tenantId: ctx.tenant.tenantId, regionId: region.id } : null;
    },
  },
  async (input, ctx): Promise<ActionResult<{ saved: number }>> => {
    const t = await getTranslations("Entry");
    const { tenantId } = ctx.tenant;
    const onBehalf = fillWriteMode(ctx.user, { tenantId, regionId: input.regionId }) === "onBehalf";
    if (onBehalf && input.reason === "") throw new ActionError(t("errors.fix"), { reason: [t("errors.onBehalfReason")] });
    // the region was found in this tenant by `resource`; only the cells sent are re-checked
    const ids = input.cells.map((c) => c.indicatorId);
    const rows = await getCheckRows(ctx.db, ctx.tenant, input.regionId, { year: input.year, month: input.month }, clock.now(), ids);
    const rowOf = new Map(rows.map((r) => [r.indicatorId, r]));
    const errors: FieldErrors = {};
    const writes: Write[] = [];
    for (const cell of input.cells) {
      const checked = checkCell(cell, rowOf.get(cell.indicatorId), input.month, t);
      if (checked && "error" in checked) errors[`cells.${cell.indicatorId}`] = [checked.error];
      else if (checked) writes.push(onBehalf ? { ...checked.write, reason: [input.reason, checked.write.reason].filter(Boolean).join("；") } : checked.write);
    }
    if (Object.keys(errors).length > 0) throw new ActionError(t("errors.fix"), errors);
    if (writes.length === 0) return { ok: true, message: t("nothingChanged"), data: { saved: 0 } };
    try {
      await ctx.db.$transaction(async (tx) => {
        const conflicts = await writeFills(tx, tenantId, ctx.user.userId, input, writes, onBehalf);
        if (conflicts.length > 0) throw new Conflict(conflicts);
        if (onBehalf) {
          const region = await tx.region.findFirstOrThrow({ where: { tenantId, id: input.regionId }, select: { id: true, name: true } });
          await writeAudit(tx, ctx.tenant, onBehalfAudit(region, input, writes, rowOf, input.reason));
        }
      });
    } catch (error) {
      const ids = error instanceof Conflict ? error.indicatorIds : isUniqueViolation(error) ? writes.map((w) => w.indicatorId) : null;
      if (!ids) throw error;
      throw new ActionError(t("errors.conflictTitle"), await conflictErrors(ctx, input, ids, rowOf, t));
    }
    return { ok: true, message: t(onBehalf ? "savedOnBehalf" : "saved", { count: writes.length }), data: { saved: writes.length } };
  },
);

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function saveFills(prev: ActionResult<{ saved: number }> | null, input: FormData | Record<string, unknown>) {
  return run(prev, input);
}
