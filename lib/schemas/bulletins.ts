/** Input schemas of the bulletin actions (one place). */
import { z } from "zod";
import { integer } from "./integer";
import { BULLETIN_PERIOD_TYPES } from "../bulletins/types";
import { PERIOD_COUNT } from "../bulletins/period";

/**
 * 发文字号 (GB/T 9704): 机关代字〔年份〕序号号, e.g. 湘西科通〔2026〕3号. The brackets people type
 * instead of 六角括号 ([], （）, 【】) are read as 〔〕; an empty field means no number.
 */
const DOC_NUMBER = /^[\p{Script=Han}A-Za-z]{1,20}〔\d{4}〕[1-9]\d{0,3}号$/u;
const docNumberSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().replace(/[[［【(（]\s*(\d{4})\s*[\]］】)）]/u, "〔$1〕") : v),
  z
    .string()
    .max(40)
    .refine((v) => v === "" || DOC_NUMBER.test(v), { message: "docNumberFormat" })
    .transform((v) => (v === "" ? null : v)),
);

export const generateBulletinSchema = z
  .object({
    periodType: z.enum(BULLETIN_PERIOD_TYPES),
    year: integer(2000, 2100),
    period: integer(1, 12),
    /** the second step: generate although counties have not reported or figures await approval */
    confirmIncomplete: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
    /** absent: a regenerated draft keeps its number */
    docNumber: docNumberSchema.optional(),
  })
  .refine((v) => v.period <= PERIOD_COUNT[v.periodType], { path: ["period"], message: "invalidChoice" });

export const bulletinIdSchema = z.object({ id: z.string().min(1).max(64) });

/** Paragraph fields are named `p:<paragraphId>`, additions `add:<sectionId>`. */
export const saveBulletinSchema = z
  .object({
    id: z.string().min(1).max(64),
    updatedAt: z.string().max(64).optional(),
    docNumber: docNumberSchema.optional(),
  })
  .catchall(z.string().max(5000));

export const PARAGRAPH_FIELD = "p:";
export const ADDITION_FIELD = "add:";
