/**
 * Input schemas of the administration actions (targets, catalogue, regions, settings).
 * Shape checks only; rules that need the tenant's data (an indicator's precision, a code's
 * uniqueness) are checked by the handlers with messages from the feature's namespace.
 */
import { z } from "zod";
import { integer } from "./integer";

const id = z.string().trim().min(1).max(64);
const yearSchema = integer(2000, 2100);
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

/** A sheet import of the administration (regions, catalogue, users): check, or check and write. */
export const sheetImportSchema = z.object({
  mode: z.enum(["dryRun", "commit"]),
  file: z.instanceof(File),
});

export const copyTargetsSchema = z.object({
  year: yearSchema,
  /** percentage raise, e.g. "8" or "-5"; empty = 0 */
  percent: z.string().trim().max(12).default(""),
  overwrite: checkbox.default(false),
});

export const INDICATOR_KINDS = ["CUMULATIVE", "STOCK", "INCREMENT", "RATIO"] as const;
export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const FREQUENCIES = ["MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY"] as const;

const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
const decimalText = z.string().trim().max(20).regex(/^\d+(\.\d+)?$/, { message: "invalidFormat" });

/** The expected-progress curve: 12 cumulative percentages, or all empty for the linear default. */
export const curveSchema = z
  .array(z.string().trim().max(10))
  .length(12)
  .superRefine((values, ctx) => {
    if (values.every((v) => v === "")) return;
    let prev = -1;
    values.forEach((v, i) => {
      const ok = /^\d+(\.\d{1,4})?$/.test(v) && Number(v) <= 100; // comparison only; stored through Decimal
      if (!ok) {
        ctx.addIssue({ code: "custom", path: [i], message: "curveRange", params: { month: i + 1 } });
        return;
      }
      if (Number(v) < prev) ctx.addIssue({ code: "custom", path: [i], message: "curveOrder", params: { month: i + 1 } });
      prev = Math.max(prev, Number(v));
    });
    if (values[11] !== "" && Number(values[11]) !== 100) ctx.addIssue({ code: "custom", path: [11], message: "curveEnd", params: { month: 12 } });
  });

export const saveIndicatorSchema = z.object({
  id: optionalId,
  code: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "invalidFormat" }),
  name: z.string().trim().min(1).max(60),
  unit: z.string().trim().min(1).max(20),
  definition: z.string().trim().max(2000).default(""),
  /** the indicator's group (研发投入, 企业培育, …); blank: none */
  group: z.string().trim().max(20).default(""),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  precision: integer(0, 6),
  weight: decimalText,
  frequency: z.enum(FREQUENCIES),
  numeratorId: optionalId,
  denominatorId: optionalId,
  ratioFactor: z.string().trim().max(20).default(""),
  curve: z.preprocess((v) => (v === undefined ? Array(12).fill("") : v), curveSchema),
});

export const deactivateIndicatorSchema = z.object({ id, active: checkbox });

export const REGION_LEVELS = ["PROVINCE", "PREFECTURE", "COUNTY", "COUNTY_CITY", "DISTRICT", "ZONE"] as const;

/** Create (no id: code and parent required) or edit (rename, level, order) a region. */
export const saveRegionSchema = z.object({
  id: optionalId,
  code: z.string().trim().max(6).default(""),
  name: z.string().trim().min(1).max(40),
  level: z.enum(REGION_LEVELS),
  parentId: optionalId,
  sortOrder: integer(0, 9999, 0),
});

export const moveRegionSchema = z.object({ id, parentId: id });
export const deactivateRegionSchema = z.object({ id, active: checkbox });

const list = (inner: z.ZodType<string>) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(inner).max(200));
const signedText = z.string().trim().max(20);

/** Tenant settings as typed in the form (decimals as text; parsed with Decimal by lib/admin/settings). */
export const settingsSchema = z.object({
  deadlineDay: integer(1, 28),
  reportedSharePercent: integer(1, 100),
  rankUnreported: checkbox,
  countPending: checkbox,
  childTargets: checkbox,
  behindGap: signedText,
  seriousGap: signedText,
  fullMarks: signedText,
  bonusPerPercent: signedText,
  bonusCap: signedText,
  tierLabel: list(z.string().trim().max(20)),
  tierMin: list(signedText),
  weightId: list(id),
  weight: list(signedText),
});
export type SettingsInput = z.output<typeof settingsSchema>;

/** The tenant's words (lib/admin/wording.ts): the issuing organ, the short name, the area word. */
export const wordingFields = {
  issuer: z.string().trim().min(1).max(64),
  shortName: z.string().trim().min(1).max(32),
  areaWord: z.string().trim().min(1).max(8),
};

export const tenantWordingSchema = z.object(wordingFields);
