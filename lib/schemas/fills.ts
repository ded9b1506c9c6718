/** Zod schemas of the monthly reporting actions (one place). Numbers arrive as typed text and are parsed per indicator in the handler. */
import { z } from "zod";
import { integer } from "./integer";

const id = z.string().min(1).max(64);
const year = integer(2000, 2100);
const month = integer(1, 12);
const text = (max: number) => z.string().trim().max(max);

const cellSchema = z.object({
  indicatorId: id,
  value: z.string().max(40),
  note: text(500).default(""),
  /** the version read; 0 when the cell had no fill */
  version: integer(0, Number.MAX_SAFE_INTEGER),
  confirmed: z.boolean().default(false),
});
export type CellInput = z.output<typeof cellSchema>;

/** `reason`: why an administrator enters the figures on the region's behalf (required then, checked in the action). */
export const saveFillsSchema = z.object({ regionId: id, year, month, cells: z.array(cellSchema).min(1).max(200), reason: text(500).default("") });
export const submitFillsSchema = z.object({ regionId: id, year, month });
export const approveFillsSchema = z.object({ fillIds: z.array(id).min(1).max(2000) });
export const returnFillSchema = z.object({ fillId: id, reason: text(500).min(1) });
export const requestUnlockSchema = z.object({ regionId: id, year, month, reason: text(500).min(1) });
export const decideUnlockSchema = z.object({
  requestId: id,
  decision: z.enum(["GRANTED", "REFUSED"]),
  note: text(500).default(""),
  days: integer(1, 60, 7),
});
export const setPeriodLockSchema = z.object({ year, month, state: z.enum(["LOCKED", "OPEN"]), reason: text(500).min(1) });
export const importFillsSchema = z.object({ file: z.instanceof(File), mode: z.enum(["dryRun", "commit"]) });

/** History backfill: the file, and why past months are written (kept in every audit entry). */
export const importHistorySchema = z.object({ file: z.instanceof(File), mode: z.enum(["dryRun", "commit"]), reason: z.string().trim().min(2).max(500) });
