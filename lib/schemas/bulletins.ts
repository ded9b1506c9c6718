/** Input schemas of the bulletin actions (one place). */
import { z } from "zod";
import { integer } from "./integer";
import { BULLETIN_PERIOD_TYPES } from "../bulletins/types";
import { PERIOD_COUNT } from "../bulletins/period";

export const generateBulletinSchema = z
  .object({
    periodType: z.enum(BULLETIN_PERIOD_TYPES),
    year: integer(2000, 2100),
    period: integer(1, 12),
    /** the second step: generate although counties have not reported or figures await approval */
    confirmIncomplete: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
  })
  .refine((v) => v.period <= PERIOD_COUNT[v.periodType], { path: ["period"], message: "invalidChoice" });

export const bulletinIdSchema = z.object({ id: z.string().min(1).max(64) });

/** Paragraph fields are named `p:<paragraphId>`, additions `add:<sectionId>`. */
export const saveBulletinSchema = z
  .object({
    id: z.string().min(1).max(64),
    updatedAt: z.string().max(64).optional(),
  })
  .catchall(z.string().max(5000));

export const PARAGRAPH_FIELD = "p:";
export const ADDITION_FIELD = "add:";
