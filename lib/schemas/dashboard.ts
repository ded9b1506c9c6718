/**
 * Query parameters of the dashboards, their exports and the read API:
 * `?year=2026&month=6&indicator=TECH_CONTRACT`. Each parameter is validated on its own;
 * an invalid one is dropped (the page falls back to its default and says so).
 */
import { z } from "zod";
import { integer } from "./integer";

const yearParam = integer(2000, 2100);
const monthParam = integer(1, 12);
const indicatorParam = z.string().trim().regex(/^[A-Z0-9_]{1,40}$/);
/** a region's code (six digits, or an agreed code for a zone) */
const regionParam = z.string().trim().regex(/^[0-9A-Za-z_-]{1,32}$/);
const depthParam = integer(1, 6);

export interface DashboardQuery {
  year?: number;
  month?: number;
  indicator?: string;
  /** the dashboards of this region's children (`?region=<code>`); default: the root's */
  region?: string;
  /** rank the regions this many levels below (`?depth=2`: every county of a province); default 1 */
  depth?: number;
  /** names of the parameters that were given but invalid */
  invalid: ("year" | "month" | "indicator" | "region" | "depth")[];
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseDashboardQuery(params: Params): DashboardQuery {
  const out: DashboardQuery = { invalid: [] };
  const year = get(params, "year");
  const month = get(params, "month");
  const indicator = get(params, "indicator");
  if (year !== undefined && year !== "") {
    const r = yearParam.safeParse(year);
    if (r.success) out.year = r.data;
    else out.invalid.push("year");
  }
  if (month !== undefined && month !== "") {
    const r = monthParam.safeParse(month);
    if (r.success) out.month = r.data;
    else out.invalid.push("month");
  }
  if (indicator !== undefined && indicator !== "") {
    const r = indicatorParam.safeParse(indicator);
    if (r.success) out.indicator = r.data;
    else out.invalid.push("indicator");
  }
  const region = get(params, "region");
  if (region !== undefined && region !== "") {
    const r = regionParam.safeParse(region);
    if (r.success) out.region = r.data;
    else out.invalid.push("region");
  }
  const depth = get(params, "depth");
  if (depth !== undefined && depth !== "") {
    const r = depthParam.safeParse(depth);
    if (r.success) out.depth = r.data;
    else out.invalid.push("depth");
  }
  // a month without a year (or a year without a month) is completed from the default
  return out;
}

// ---------------------------------------------------------------- notes

/** A day of the calendar (YYYY-MM-DD, 2000–2100): "2026-02-30" or "0000-00-00" has the shape but is no date. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalidFormat" })
  .refine((v) => {
    const day = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === v && day.getUTCFullYear() >= 2000 && day.getUTCFullYear() <= 2100;
  }, { message: "invalidFormat" });

export const createNoteSchema = z.object({
  regionId: z.string().trim().min(1).max(64),
  indicatorId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
  year: yearParam,
  month: monthParam,
  body: z.string().trim().min(1).max(2000),
  dueDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(calendarDate.optional()),
});

export const replyNoteSchema = z.object({
  noteId: z.string().trim().min(1).max(64),
  body: z.string().trim().min(1).max(2000),
});

export const closeNoteSchema = z.object({
  noteId: z.string().trim().min(1).max(64),
});

// ---------------------------------------------------------------- API tokens

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
});

export const revokeApiTokenSchema = z.object({
  tokenId: z.string().trim().min(1).max(64),
});
