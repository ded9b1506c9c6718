/**
 * How far a new tenant is set up (the administrator's first-run checklist): regions,
 * indicators, this year's targets, history, users, the first month reported — each with
 * what is there so far. History is any figure of an earlier year; the first month is any
 * figure a county submitted (a history import has no submission time, decision 016).
 */
import type { Db } from "../db/client";
import type { TenantContext } from "./context";

const SETUP_STEPS = ["regions", "indicators", "targets", "history", "users", "firstMonth"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupProgress {
  /** the year whose targets count */
  year: number;
  steps: { key: SetupStep; count: number; done: boolean }[];
  done: boolean;
}

export async function getSetupProgress(db: Db, ctx: TenantContext, year: number): Promise<SetupProgress> {
  const { tenantId } = ctx;
  const [regions, indicators, targets, historyMonths, users, reportedMonths] = await Promise.all([
    db.region.count({ where: { tenantId, active: true, parentId: { not: null } } }),
    db.indicator.count({ where: { tenantId, active: true } }),
    db.target.count({ where: { tenantId, year } }),
    db.fill.groupBy({ by: ["year", "month"], where: { tenantId, year: { lt: year } } }),
    db.membership.count({ where: { tenantId, role: "REPORTER", user: { active: true } } }),
    db.fill.groupBy({ by: ["year", "month"], where: { tenantId, submittedAt: { not: null } } }),
  ]);
  const counts: Record<SetupStep, number> = { regions, indicators, targets, history: historyMonths.length, users, firstMonth: reportedMonths.length };
  const steps = SETUP_STEPS.map((key) => ({ key, count: counts[key], done: counts[key] > 0 }));
  return { year, steps, done: steps.every((s) => s.done) };
}
