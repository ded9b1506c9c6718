/**
 * The period loader: for (tenant, year, month) everything the dashboards need — settings,
 * regions, indicators with their curves, the year's targets and the fills of this year up
 * to the month, all of last year and, for STOCK and INCREMENT indicators, the year before
 * (its latest value up to December is the baseline of last year's net change) — in a fixed number of
 * queries (five), however many regions and indicators the tenant has.
 *
 * Returns the metrics engine's input (lib/metrics PeriodInput) plus the display metadata.
 */
import type { Db } from "../db/client";
import * as clock from "../clock";
import { Decimal, fromStored } from "../decimal";
import { buildRegionTree, statusesFromFills, type FillRow, type FillStatus, type MonthStatuses, type IndicatorDef, type MetricsSettings, type PeriodInput, type RegionDef, type TargetRow } from "../metrics";
import type { Period, TenantContext } from "./context";

export interface RegionMeta extends RegionDef {
  level: string;
}

export interface IndicatorMeta extends IndicatorDef {
  unit: string;
  definition: string;
  /** the tenant's group of the indicator (研发投入, …), or null */
  group: string | null;
}

export interface LoadedPeriod {
  input: PeriodInput;
  regions: RegionMeta[];
  indicators: IndicatorMeta[];
  /** The month's approved and pending fills per region (the figures' states). */
  statuses: MonthStatuses[];
}

export interface LoadOptions {
  /** Only these indicators (by code) and the parts of the ratios among them. Default: all active. */
  indicatorCodes?: string[];
  /** "Now", for reporting completeness. Default: lib/clock.ts. */
  asOf?: Date;
  /**
   * Only this region's subtree, with the region as the engine's root: enough for the region's
   * own figures, outlook and series (its page), which do not depend on the rest of the tree.
   * The region keeps its effective activity (a deactivated ancestor deactivates it); the
   * returned `regions` are still every region, for names and codes.
   */
  subtreeOf?: string;
}

export class NotFoundError extends Error {}

const COUNT_PENDING: readonly FillStatus[] = ["SUBMITTED", "APPROVED"];
const APPROVED_ONLY: readonly FillStatus[] = ["APPROVED"];

export async function loadSettings(db: Db, tenantId: string): Promise<MetricsSettings> {
  const s = await db.tenantSettings.findUnique({ where: { tenantId }, include: { tenant: { select: { scoreTiers: { orderBy: { sortOrder: "asc" } } } } } });
  if (!s) throw new NotFoundError("tenant settings");
  return {
    deadlineDay: s.deadlineDay,
    reportedShare: new Decimal(s.reportedSharePercent).div(100),
    rankUnreported: s.rankUnreported,
    childTargets: s.childTargets,
    // 待审核 figures count unless the tenant counts approved ones only
    countedStatuses: s.countPending ? COUNT_PENDING : APPROVED_ONLY,
    behindGap: fromStored(s.behindGap),
    seriousGap: fromStored(s.seriousGap),
    composite: {
      fullMarks: fromStored(s.fullMarks),
      bonusPerPercent: fromStored(s.bonusPerPercent),
      bonusCap: fromStored(s.bonusCap),
      tiers: s.tenant.scoreTiers.map((t) => ({ label: t.label, minScore: fromStored(t.minScore) })),
    },
  };
}

/** Picks the requested indicators plus the numerator and denominator of any ratio among them. */
export function selectIndicators<T extends { id: string; code: string; numeratorId?: string | null; denominatorId?: string | null }>(
  all: T[],
  codes: string[] | undefined,
): T[] {
  if (!codes) return all;
  const byId = new Map(all.map((i) => [i.id, i]));
  const wanted = new Set(all.filter((i) => codes.includes(i.code)).map((i) => i.id));
  for (const id of [...wanted]) {
    const i = byId.get(id)!;
    for (const part of [i.numeratorId, i.denominatorId]) if (part) wanted.add(part);
  }
  return all.filter((i) => wanted.has(i.id));
}

/** The tenant's regions (display order) and active indicators with their curves, as metadata. */
export async function loadRegionsAndIndicators(db: Db, tenantId: string): Promise<{ regions: RegionMeta[]; indicators: IndicatorMeta[] }> {
  const [regionRows, indicatorRows] = await Promise.all([
    db.region.findMany({ where: { tenantId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.indicator.findMany({
      where: { tenantId, active: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      include: { curve: { orderBy: { month: "asc" } } },
    }),
  ]);
  return {
    regions: regionRows.map((r) => ({
      id: r.id, code: r.code, name: r.name, parentId: r.parentId, active: r.active, sortOrder: r.sortOrder, level: r.level,
    })),
    indicators: indicatorRows.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      definition: i.definition,
      group: i.group,
      kind: i.kind,
      direction: i.direction,
      precision: i.precision,
      weight: fromStored(i.weight),
      frequency: i.frequency,
      numeratorId: i.numeratorId,
      denominatorId: i.denominatorId,
      ratioFactor: i.ratioFactor === null ? null : fromStored(i.ratioFactor),
      curve: i.curve.length === 12 ? i.curve.map((p) => fromStored(p.share)) : null,
    })),
  };
}

export async function loadPeriod(db: Db, ctx: TenantContext, period: Period, options: LoadOptions = {}): Promise<LoadedPeriod> {
  const { tenantId } = ctx;
  const { year, month } = period;
  const [settings, { regions, indicators: active }] = await Promise.all([loadSettings(db, tenantId), loadRegionsAndIndicators(db, tenantId)]);
  const chosen = selectIndicators(active, options.indicatorCodes);
  const indicatorIds = chosen.map((i) => i.id);
  const byIndicator = options.indicatorCodes ? { indicatorId: { in: indicatorIds } } : {};
  const engineRegions = options.subtreeOf === undefined ? regions : subtree(regions, options.subtreeOf);
  const byRegion = options.subtreeOf === undefined ? {} : { regionId: { in: engineRegions.map((r) => r.id) } };

  const [targetRows, fillRows] = await Promise.all([
    db.target.findMany({ where: { tenantId, year, ...byIndicator, ...byRegion }, select: { regionId: true, indicatorId: true, value: true } }),
    db.fill.findMany({
      where: {
        tenantId,
        ...byIndicator,
        ...byRegion,
        // the year before last only for the baseline of last year's net change (STOCK, INCREMENT)
        OR: [
          { year, month: { lte: month } },
          { year: year - 1 },
          { year: year - 2, indicatorId: { in: chosen.filter((i) => i.kind === "STOCK" || i.kind === "INCREMENT").map((i) => i.id) } },
        ],
      },
      select: { regionId: true, indicatorId: true, year: true, month: true, value: true, status: true, submittedAt: true },
    }),
  ]);

  const targets: TargetRow[] = targetRows.map((t) => ({ regionId: t.regionId, indicatorId: t.indicatorId, value: fromStored(t.value) }));
  const fills: FillRow[] = fillRows.map((f) => ({
    regionId: f.regionId, indicatorId: f.indicatorId, year: f.year, month: f.month, value: fromStored(f.value), status: f.status, submittedAt: f.submittedAt,
  }));
  return {
    input: { year, month, asOf: options.asOf ?? clock.now(), settings, regions: engineRegions, indicators: chosen, targets, fills },
    regions,
    indicators: chosen,
    statuses: statusesFromFills(fills, year, month),
  };
}

/** A region and everything below it, the region as the root with its effective activity. */
function subtree(regions: RegionMeta[], rootId: string): RegionMeta[] {
  const tree = buildRegionTree(regions);
  const root = tree.byId.get(rootId);
  if (!root) throw new NotFoundError(`region ${rootId}`);
  const below: RegionMeta[] = [];
  const visit = (id: string): void => {
    for (const child of tree.children(id)) {
      below.push(child as RegionMeta);
      visit(child.id);
    }
  };
  visit(rootId);
  return [{ ...(root as RegionMeta), parentId: null, active: tree.isActive(rootId) }, ...below];
}

/** The latest (year, month) with a submitted or approved figure, or null for an empty ledger. */
export async function latestPeriod(db: Db, ctx: TenantContext): Promise<Period | null> {
  const latest = await db.fill.findFirst({
    where: { tenantId: ctx.tenantId, status: { in: ["SUBMITTED", "APPROVED"] } },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { year: true, month: true },
  });
  return latest ? { year: latest.year, month: latest.month } : null;
}
