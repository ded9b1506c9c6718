/**
 * The indicator catalogue: listing with how many figures each indicator holds, one
 * indicator for editing, and the facts the change guard needs. Scoped to the caller's tenant.
 */
import type { Db } from "../db/client";
import { fromStored } from "../decimal";
import { storedDecimals } from "../admin/catalogue";
import type { TenantContext } from "./context";

export interface CatalogueRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  group: string | null;
  kind: string;
  direction: string;
  precision: number;
  weight: string;
  frequency: string;
  active: boolean;
  fills: number;
  targets: number;
  curve: boolean;
}

export async function listCatalogue(db: Db, ctx: TenantContext): Promise<CatalogueRow[]> {
  const { tenantId } = ctx;
  const [rows, fills, targets, curves] = await Promise.all([
    db.indicator.findMany({ where: { tenantId }, orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { code: "asc" }] }),
    db.fill.groupBy({ by: ["indicatorId"], where: { tenantId }, _count: { _all: true } }),
    db.target.groupBy({ by: ["indicatorId"], where: { tenantId }, _count: { _all: true } }),
    db.indicatorCurvePoint.groupBy({ by: ["indicatorId"], where: { tenantId }, _count: { _all: true } }),
  ]);
  const f = new Map(fills.map((x) => [x.indicatorId, x._count._all]));
  const t = new Map(targets.map((x) => [x.indicatorId, x._count._all]));
  const c = new Set(curves.filter((x) => x._count._all === 12).map((x) => x.indicatorId));
  return rows.map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    group: i.group,
    kind: i.kind,
    direction: i.direction,
    precision: i.precision,
    weight: fromStored(i.weight).toString(),
    frequency: i.frequency,
    active: i.active,
    fills: f.get(i.id) ?? 0,
    targets: t.get(i.id) ?? 0,
    curve: c.has(i.id),
  }));
}

export interface IndicatorEdit {
  id: string;
  code: string;
  name: string;
  unit: string;
  definition: string;
  group: string;
  kind: string;
  direction: string;
  precision: number;
  weight: string;
  frequency: string;
  numeratorId: string | null;
  denominatorId: string | null;
  ratioFactor: string;
  /** 12 percentages, or empty strings for the linear default */
  curve: string[];
  active: boolean;
  fills: number;
  targets: number;
}

export async function getIndicatorForEdit(db: Db, ctx: TenantContext, code: string): Promise<IndicatorEdit | null> {
  const i = await db.indicator.findFirst({ where: { tenantId: ctx.tenantId, code }, include: { curve: { orderBy: { month: "asc" } } } });
  if (!i) return null;
  const [fills, targets] = await Promise.all([
    db.fill.count({ where: { tenantId: ctx.tenantId, indicatorId: i.id } }),
    db.target.count({ where: { tenantId: ctx.tenantId, indicatorId: i.id } }),
  ]);
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    definition: i.definition,
    group: i.group ?? "",
    kind: i.kind,
    direction: i.direction,
    precision: i.precision,
    weight: fromStored(i.weight).toString(),
    frequency: i.frequency,
    numeratorId: i.numeratorId,
    denominatorId: i.denominatorId,
    ratioFactor: i.ratioFactor === null ? "" : fromStored(i.ratioFactor).toString(),
    curve: i.curve.length === 12 ? i.curve.map((p) => fromStored(p.share).times(100).toString()) : Array(12).fill(""),
    active: i.active,
    fills,
    targets,
  };
}

/** Indicators that can be a ratio's parts (non-ratio, active). */
export async function ratioPartOptions(db: Db, ctx: TenantContext): Promise<{ id: string; code: string; name: string }[]> {
  return db.indicator.findMany({
    where: { tenantId: ctx.tenantId, kind: { not: "RATIO" }, active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true },
  });
}

/** How many figures an indicator holds, and the most decimal places any of them uses. */
export async function figureFacts(db: Db, ctx: TenantContext, indicatorId: string): Promise<{ count: number; maxDecimals: number }> {
  const [fills, targets] = await Promise.all([
    db.fill.findMany({ where: { tenantId: ctx.tenantId, indicatorId }, select: { value: true } }),
    db.target.findMany({ where: { tenantId: ctx.tenantId, indicatorId }, select: { value: true } }),
  ]);
  let maxDecimals = 0;
  for (const r of [...fills, ...targets]) maxDecimals = Math.max(maxDecimals, storedDecimals(r.value));
  return { count: fills.length + targets.length, maxDecimals };
}
