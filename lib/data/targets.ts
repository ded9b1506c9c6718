/**
 * Annual targets: the region × indicator grid of a year, the city-versus-counties check,
 * and every write (one cell, an import, a copy of last year's), each in one transaction
 * and audited (AuditEntry entity "Target", before/after). Scoped to the caller's tenant;
 * a reporter sees only their own region's row.
 */
import type { Db } from "../db/client";
import { Decimal, fromStored, toStored } from "../decimal";
import { cityCheck, raiseTarget, type CityCheckStatus } from "../admin/targets";
import type { ImportRef } from "../admin/targets-import";
import { writeAudit, type AuditEntryInput, type DbTx } from "./audit";
import type { TenantContext } from "./context";
import { boundRegion, subtreeOf } from "../permissions";

export interface GridRegion {
  id: string;
  code: string;
  name: string;
  isRoot: boolean;
}
export interface GridIndicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  kind: string;
  precision: number;
}
export interface GridCheck {
  indicatorId: string;
  status: CityCheckStatus;
  city: string | null;
  sum: string | null;
  difference: string | null;
  counted: number;
  counties: number;
}
export interface TargetGrid {
  year: number;
  regions: GridRegion[];
  indicators: GridIndicator[];
  /** `${regionId}|${indicatorId}` → the value at the indicator's precision */
  values: Record<string, string>;
  /** per indicator (empty for a reporter, who sees only their own row) */
  checks: GridCheck[];
  /** the same check for every region between the root and the leaves: its own target against its children's */
  parentChecks: { regionId: string; checks: GridCheck[]; levels: CheckLevels }[];
  /** the root's level and its children's, which the root's check names (市级目标, 县市区) */
  levels: CheckLevels;
}

/** The levels a check's words come from: the parent's (its target: 省级, 市级) and its children's. */
export interface CheckLevels {
  level: string;
  units: string;
}

async function catalogue(db: DbTx, tenantId: string) {
  const [regions, indicators] = await Promise.all([
    db.region.findMany({ where: { tenantId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.indicator.findMany({ where: { tenantId, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  return { regions, indicators };
}

function fmt(v: Decimal, precision: number): string {
  return v.toFixed(precision);
}

export async function getTargetGrid(db: Db, ctx: TenantContext, year: number): Promise<TargetGrid> {
  const { tenantId } = ctx;
  // a region-scoped reader (a reporter) sees only their own region's row, without the city check
  const reporter = boundRegion(ctx, "target.read") !== null;
  // a subtree-bound reader (a city's bureau in a province) sees their region as the grid's top, with its regions below
  const subtree = subtreeOf(ctx, "target.read");
  const [{ regions, indicators }, targets] = await Promise.all([
    catalogue(db, tenantId),
    db.target.findMany({
      where: { tenantId, year, ...(reporter ? { regionId: ctx.regionId ?? "-" } : subtree ? { regionId: { in: [...subtree] } } : {}) },
      select: { regionId: true, indicatorId: true, value: true },
    }),
  ]);
  const root = regions.find((r) => (subtree ? r.id === ctx.regionId : r.parentId === null));
  const isTop = (r: { id: string }) => r.id === root?.id;
  const visible = regions
    .filter((r) => r.active && (!reporter || r.id === ctx.regionId) && (!subtree || subtree.has(r.id)))
    .sort((a, b) => (isTop(a) ? -1 : isTop(b) ? 1 : 0));
  const precision = new Map(indicators.map((i) => [i.id, i.precision]));
  const values: Record<string, string> = {};
  const dec = new Map<string, Decimal>();
  for (const t of targets) {
    const p = precision.get(t.indicatorId);
    if (p === undefined) continue;
    const v = fromStored(t.value);
    dec.set(`${t.regionId}|${t.indicatorId}`, v);
    values[`${t.regionId}|${t.indicatorId}`] = fmt(v, p);
  }
  const childrenOf = (id: string) => regions.filter((r) => r.active && r.parentId === id);
  const childValue = await childTargetValue(db, tenantId, dec, childrenOf);
  const checksOf = (parentId: string): GridCheck[] =>
    indicators.map((i) => {
      const c = cityCheck(i.kind, dec.get(`${parentId}|${i.id}`) ?? null, childrenOf(parentId).map((r) => childValue(r.id, i.id)));
      const f = (v: Decimal | null) => (v === null ? null : fmt(v, i.precision));
      return { indicatorId: i.id, status: c.status, city: f(c.city), sum: f(c.sum), difference: f(c.difference), counted: c.counted, counties: c.counties };
    });
  const checks: GridCheck[] = reporter || !root ? [] : checksOf(root.id);
  const levelsOf = (r: { id: string; level: string }): CheckLevels => ({ level: r.level, units: mostFrequent(childrenOf(r.id).map((c) => c.level)) ?? "COUNTY" });
  const parents = reporter || !root ? [] : visible.filter((r) => !isTop(r) && childrenOf(r.id).length > 0);
  return {
    year,
    regions: visible.map((r) => ({ id: r.id, code: r.code, name: r.name, isRoot: isTop(r) })),
    indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit, kind: i.kind, precision: i.precision })),
    values,
    checks,
    parentChecks: parents.map((r) => ({ regionId: r.id, checks: checksOf(r.id), levels: levelsOf(r) })),
    levels: root ? levelsOf(root) : { level: "PREFECTURE", units: "COUNTY" },
  };
}

/** The most frequent value (the first of equals), or undefined for none. */
function mostFrequent(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].reduce<[string, number] | undefined>((best, entry) => (best === undefined || entry[1] > best[1] ? entry : best), undefined)?.[0];
}

/**
 * A child's target as its parent's check counts it: its own, or — without one, when the
 * tenant measures such regions by their children's (TenantSettings.childTargets) — the Σ of
 * its children's, when every one has one (as the dashboards do; lib/metrics EffectiveTargets).
 */
async function childTargetValue(db: Db, tenantId: string, dec: ReadonlyMap<string, Decimal>, childrenOf: (id: string) => { id: string }[]) {
  const settings = await db.tenantSettings.findUnique({ where: { tenantId }, select: { childTargets: true } });
  const fromChildren = settings?.childTargets ?? true;
  const value = (regionId: string, indicatorId: string): Decimal | null => {
    const own = dec.get(`${regionId}|${indicatorId}`);
    if (own !== undefined || !fromChildren) return own ?? null;
    const children = childrenOf(regionId);
    if (children.length === 0) return null;
    let total = new Decimal(0);
    for (const c of children) {
      const v = value(c.id, indicatorId);
      if (v === null) return null;
      total = total.plus(v);
    }
    return total;
  };
  return value;
}

/** Codes → ids of the tenant's regions and indicators, for validating an import. */
export async function loadImportRef(db: Db, ctx: TenantContext): Promise<ImportRef> {
  const [regions, allIndicators] = await Promise.all([
    db.region.findMany({ where: { tenantId: ctx.tenantId }, select: { id: true, code: true, name: true, active: true } }),
    db.indicator.findMany({ where: { tenantId: ctx.tenantId }, select: { id: true, code: true, name: true, precision: true, active: true } }),
  ]);
  return {
    regions: new Map(regions.map((r) => [r.code, { id: r.id, name: r.name, active: r.active }])),
    indicators: new Map(allIndicators.map((i) => [i.code.toUpperCase(), { id: i.id, name: i.name, precision: i.precision, active: i.active }])),
  };
}

export interface TargetChange {
  regionId: string;
  indicatorId: string;
  /** null removes the target */
  value: Decimal | null;
}

export interface ApplyResult {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/**
 * Applies target changes for one year in ONE transaction (all or nothing), auditing every
 * change with its before and after. Ids must already be known to belong to the tenant.
 */
export async function applyTargetChanges(db: Db, ctx: TenantContext, year: number, changes: TargetChange[], action: string, reason?: string): Promise<ApplyResult> {
  const { tenantId } = ctx;
  return db.$transaction(async (tx) => {
    const { regions, indicators } = await catalogue(tx, tenantId);
    const regionById = new Map(regions.map((r) => [r.id, r]));
    const indicatorById = new Map(indicators.map((i) => [i.id, i]));
    const allInd = await tx.indicator.findMany({ where: { tenantId }, select: { id: true, name: true, code: true, precision: true } });
    for (const i of allInd) if (!indicatorById.has(i.id)) indicatorById.set(i.id, i as never);
    const existing = await tx.target.findMany({ where: { tenantId, year } });
    const byKey = new Map(existing.map((t) => [`${t.regionId}|${t.indicatorId}`, t]));
    const result: ApplyResult = { created: 0, updated: 0, removed: 0, unchanged: 0 };
    const audits: AuditEntryInput[] = [];
    for (const c of changes) {
      const region = regionById.get(c.regionId);
      const indicator = indicatorById.get(c.indicatorId);
      if (!region || !indicator) throw new Error("target change names a region or indicator outside the tenant");
      const label = `${region.name} · ${indicator.name} · ${year}`;
      const p = indicator.precision;
      const old = byKey.get(`${c.regionId}|${c.indicatorId}`);
      const before = old ? fmt(fromStored(old.value), p) : null;
      if (c.value === null) {
        if (!old) {
          result.unchanged++;
          continue;
        }
        await tx.target.delete({ where: { tenantId_id: { tenantId, id: old.id } } });
        result.removed++;
        audits.push({ action: "delete", entity: "Target", entityId: old.id, detail: { label, before, after: null, ...(reason ? { reason } : {}) } });
        continue;
      }
      const stored = toStored(c.value);
      const after = fmt(c.value, p);
      if (old && old.value === stored) {
        result.unchanged++;
        continue;
      }
      if (old) {
        await tx.target.update({ where: { tenantId_id: { tenantId, id: old.id } }, data: { value: stored, updatedById: ctx.userId } });
        result.updated++;
        audits.push({ action: action === "set" ? "update" : action, entity: "Target", entityId: old.id, detail: { label, before, after, ...(reason ? { reason } : {}) } });
      } else {
        const row = await tx.target.create({ data: { tenantId, regionId: c.regionId, indicatorId: c.indicatorId, year, value: stored, updatedById: ctx.userId } });
        byKey.set(`${c.regionId}|${c.indicatorId}`, row);
        result.created++;
        audits.push({ action: action === "set" ? "create" : action, entity: "Target", entityId: row.id, detail: { label, before: null, after, ...(reason ? { reason } : {}) } });
      }
    }
    await writeAudit(tx, ctx, audits);
    return result;
  });
}

/**
 * The changes that copy `fromYear`'s targets into `year`, each raised by `percent`
 * (rounded to the indicator's precision, half up). Ratio targets are copied as they are
 * (a percentage rise of a rate is not what anyone means). Existing targets of `year` are
 * kept unless `overwrite`.
 */
export async function planCopyTargets(db: Db, ctx: TenantContext, fromYear: number, year: number, percent: Decimal, overwrite: boolean): Promise<TargetChange[]> {
  const { tenantId } = ctx;
  const [source, present, indicators, regions] = await Promise.all([
    db.target.findMany({ where: { tenantId, year: fromYear } }),
    db.target.findMany({ where: { tenantId, year }, select: { regionId: true, indicatorId: true } }),
    db.indicator.findMany({ where: { tenantId, active: true }, select: { id: true, kind: true, precision: true } }),
    db.region.findMany({ where: { tenantId, active: true }, select: { id: true } }),
  ]);
  const ind = new Map(indicators.map((i) => [i.id, i]));
  const activeRegions = new Set(regions.map((r) => r.id));
  const taken = new Set(present.map((t) => `${t.regionId}|${t.indicatorId}`));
  const changes: TargetChange[] = [];
  for (const t of source) {
    const i = ind.get(t.indicatorId);
    if (!i || !activeRegions.has(t.regionId)) continue;
    if (!overwrite && taken.has(`${t.regionId}|${t.indicatorId}`)) continue;
    const v = fromStored(t.value);
    changes.push({ regionId: t.regionId, indicatorId: t.indicatorId, value: i.kind === "RATIO" ? v : raiseTarget(v, percent, i.precision) });
  }
  return changes;
}

/** Rows for the export (the import's layout): the reporter's own row only. */
export async function targetExportRows(db: Db, ctx: TenantContext, year: number): Promise<(string | number | null)[][]> {
  const grid = await getTargetGrid(db, ctx, year);
  const rows: (string | number | null)[][] = [];
  for (const i of grid.indicators) {
    for (const r of grid.regions) {
      const v = grid.values[`${r.id}|${i.id}`];
      rows.push([r.code, r.name, i.code, i.name, year, v === undefined ? null : Number(v)]);
    }
  }
  return rows;
}
