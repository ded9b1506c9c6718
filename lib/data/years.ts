/** The years a tenant's pickers offer: every year holding targets or figures, plus the next one. */
import type { Db } from "../db/client";
import type { TenantContext } from "./context";

/**
 * The years that hold targets or fills, the current year, and the year after the newest
 * of them (so next year's targets can be set), newest first.
 */
export async function tenantYears(db: Db, ctx: TenantContext, currentYear: number): Promise<number[]> {
  const { tenantId } = ctx;
  const [targets, fills] = await Promise.all([
    db.target.groupBy({ by: ["year"], where: { tenantId } }),
    db.fill.groupBy({ by: ["year"], where: { tenantId } }),
  ]);
  const years = new Set([currentYear, ...targets.map((t) => t.year), ...fills.map((f) => f.year)]);
  years.add(Math.max(...years) + 1);
  return [...years].sort((a, b) => b - a);
}
