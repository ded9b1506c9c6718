/**
 * Input schemas of the administration actions (targets, catalogue, regions, settings).
 * Shape checks only; rules that need the tenant's data (an indicator's precision, a code's
 * uniqueness) are checked by the handlers with messages from the feature's namespace.
 */
import { z } from "zod";

const id = z.string().trim().min(1).max(64);
export const yearSchema = z.coerce.number().int().min(2000).max(2100);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const setTargetSchema = z.object({
  regionId: id,
  indicatorId: id,
  year: yearSchema,
  /** what the person typed; empty removes the target */
  value: z.string().max(40).default(""),
});

export const importTargetsSchema = z.object({
  year: yearSchema,
  mode: z.enum(["dryRun", "commit"]),
  file: z.instanceof(File),
});

export const copyTargetsSchema = z.object({
  year: yearSchema,
  /** percentage raise, e.g. "8" or "-5"; empty = 0 */
  percent: z.string().trim().max(12).default(""),
  overwrite: checkbox.default(false),
});
