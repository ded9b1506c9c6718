/**
 * Data access for monthly reporting: the entry sheet of one region and month, the review
 * queue, the history of a cell, unlock requests and the completeness board. Every function
 * takes the TenantContext from the session; results are plain data (decimals as strings).
 */
import { providerOf, readRaw, type Db } from "../db/client";
import { fromStored, type Decimal } from "../decimal";
import { buildRegionTree, computeCompleteness, reportingRegionIds, requiredIndicators, type IndicatorDef, type MonthStatuses, type RegionReport, type RegionTree } from "../metrics";
import { increment } from "../reporting/checks";
import { lockStatus, type LockStatus } from "../reporting/locks";
import type { Period, TenantContext } from "./context";
import { reportsSql } from "./rollup-sql";

const s = (v: bigint | null | undefined): string | null => (v === null || v === undefined ? null : fromStored(v).toString());

export async function userNames(db: Db, tenantId: string, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { tenantId, id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function deadlineDayOf(db: Db, tenantId: string): Promise<number> {
  const settings = await db.tenantSettings.findUnique({ where: { tenantId }, select: { deadlineDay: true } });
  return settings?.deadlineDay ?? 5;
}

/** What the lock rules need about (region, period), read in three queries. */
export async function loadLockContext(db: Db, tenantId: string, regionId: string, year: number, month: number) {
  const [deadlineDay, periodLock, grants] = await Promise.all([
    deadlineDayOf(db, tenantId),
    db.periodLock.findUnique({ where: { tenantId_year_month: { tenantId, year, month } }, select: { state: true, createdAt: true, reason: true } }),
    db.unlockRequest.findMany({ where: { tenantId, regionId, year, month, status: "GRANTED" }, select: { openUntil: true } }),
  ]);
  return { deadlineDay, periodLock, grants };
}
export type LockContext = Awaited<ReturnType<typeof loadLockContext>>;

export function periodLockStatus(lc: LockContext, year: number, month: number, now: Date, fill?: { status: string; reviewedAt?: Date | null } | null): LockStatus {
  return lockStatus({ year, month, now, deadlineDay: lc.deadlineDay, periodLock: lc.periodLock, grants: lc.grants, fill });
}

function plainLock(l: LockStatus) {
  return l.locked
    ? { locked: true as const, reason: l.reason, since: l.since?.toISOString() ?? null, until: null }
    : { locked: false as const, reason: l.reason, since: null, until: l.until?.toISOString() ?? null };
}

/** The regions a member may fill or read in the entry form: a reporter their own, others every active county. */
export async function entryRegions(db: Db, ctx: TenantContext) {
  const rows = await db.region.findMany({
    where: { tenantId: ctx.tenantId, parentId: { not: null }, active: true, ...(ctx.role === "REPORTER" ? { id: ctx.regionId ?? "-" } : ctx.subtree ? { id: { in: [...ctx.subtree] } } : {}) },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { id: true, code: true, name: true },
  });
  return rows;
}

/** A region's monthly increments over the 12 months before (year, month), oldest last. */
function incrementHistory(kind: Parameters<typeof increment>[0], year: number, month: number, valueAt: (y: number, m: number) => Decimal | null): string[] {
  const history: string[] = [];
  for (let k = 1; k <= 12; k++) {
    let y = year;
    let m = month - k;
    if (m <= 0) { m += 12; y -= 1; }
    const v = valueAt(y, m);
    if (v === null) continue;
    const prev = kind === "CUMULATIVE" ? (m > 1 ? valueAt(y, m - 1) : null) : valueAt(y, m - 1);
    const inc = increment(kind, m, v, prev);
    if (inc !== null) history.push(inc.toString());
  }
  return history;
}

type StoredFill = { id: string; value: bigint; note: string | null; status: string; version: number; reviewReason: string | null; updatedById: string | null; updatedAt: Date };

function plainFill<F extends StoredFill>(fill: F, names: ReadonlyMap<string, string>) {
  return {
    id: fill.id,
    value: fromStored(fill.value).toString(),
    note: fill.note,
    status: fill.status as F["status"],
    version: fill.version,
    reviewReason: fill.reviewReason,
    updatedBy: fill.updatedById ? (names.get(fill.updatedById) ?? null) : null,
    updatedAt: fill.updatedAt.toISOString(),
  };
}

type SheetIndicator = Awaited<ReturnType<typeof loadSheet>>["indicators"][number];
type SheetFill = Awaited<ReturnType<typeof loadSheet>>["fills"][number];

/**
 * The reads behind a region's entry rows: lock context, indicators with their curves,
 * targets and the fills of the 13 months the checks look back over. `indicatorIds` narrows
 * them to those indicators (a save re-checks only the cells it writes).
 */
async function loadSheet(db: Db, tenantId: string, regionId: string, { year, month }: Period, indicatorIds: readonly string[] | null) {
  const only = indicatorIds ? { in: [...indicatorIds] } : undefined;
  const [lc, indicators, targets, fills] = await Promise.all([
    loadLockContext(db, tenantId, regionId, year, month),
    db.indicator.findMany({
      where: { tenantId, active: true, ...(only ? { id: only } : {}) },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      include: { curve: { orderBy: { month: "asc" } } },
    }),
    db.target.findMany({ where: { tenantId, regionId, year, ...(only ? { indicatorId: only } : {}) }, select: { indicatorId: true, value: true } }),
    db.fill.findMany({
      where: { tenantId, regionId, ...(only ? { indicatorId: only } : {}), OR: [{ year, month: { lte: month } }, { year: year - 1 }, { year: year - 2, month: 12 }] },
    }),
  ]);
  return { lc, indicators, targets, fills };
}

/** One entry row per indicator: what the form shows and what the checks read. */
function sheetRows(
  loaded: { lc: LockContext; indicators: SheetIndicator[]; targets: { indicatorId: string; value: bigint }[]; fills: SheetFill[] },
  { year, month }: Period,
  now: Date,
  names: ReadonlyMap<string, string>,
) {
  const { lc } = loaded;
  const fillOf = new Map(loaded.fills.map((f) => [`${f.indicatorId}|${f.year}|${f.month}`, f]));
  const valueAt = (indicatorId: string, y: number, m: number) => {
    const f = m === 0 ? fillOf.get(`${indicatorId}|${y - 1}|12`) : fillOf.get(`${indicatorId}|${y}|${m}`);
    return f ? fromStored(f.value) : null;
  };
  const targetOf = new Map(loaded.targets.map((t) => [t.indicatorId, t.value]));
  return loaded.indicators.map((ind) => {
    const fill = fillOf.get(`${ind.id}|${year}|${month}`) ?? null;
    const kind = ind.kind;
    const last = kind === "CUMULATIVE" ? (month > 1 ? valueAt(ind.id, year, month - 1) : null) : valueAt(ind.id, year, month - 1);
    const history = kind === "RATIO" ? [] : incrementHistory(kind, year, month, (y, m) => valueAt(ind.id, y, m));
    const cellLock = plainLock(periodLockStatus(lc, year, month, now, fill));
    return {
      indicatorId: ind.id,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      kind,
      direction: ind.direction,
      precision: ind.precision,
      frequency: ind.frequency,
      numeratorId: ind.numeratorId,
      denominatorId: ind.denominatorId,
      ratioFactor: s(ind.ratioFactor),
      curve: ind.curve.length === 12 ? ind.curve.map((p) => fromStored(p.share).toString()) : null,
      target: s(targetOf.get(ind.id)),
      last: last?.toString() ?? null,
      baseline: kind === "INCREMENT" ? (valueAt(ind.id, year, 0)?.toString() ?? null) : null,
      history,
      fill: fill ? plainFill(fill, names) : null,
      lock: cellLock,
    };
  });
}

export async function getEntrySheet(db: Db, ctx: TenantContext, regionId: string, period: Period, now: Date) {
  const { tenantId } = ctx;
  const { year, month } = period;
  const region = await db.region.findFirst({ where: { tenantId, id: regionId }, select: { id: true, code: true, name: true } });
  if (!region) return null;
  const [loaded, requests] = await Promise.all([
    loadSheet(db, tenantId, regionId, period, null),
    db.unlockRequest.findMany({ where: { tenantId, regionId, year, month }, orderBy: { createdAt: "desc" }, take: 5 }),
  ]);
  const { lc } = loaded;
  const names = await userNames(db, tenantId, [...loaded.fills.map((f) => f.updatedById), ...requests.flatMap((r) => [r.requestedById, r.decidedById])]);
  return {
    region,
    year,
    month,
    deadlineDay: lc.deadlineDay,
    lock: plainLock(periodLockStatus(lc, year, month, now)),
    lockReason: lc.periodLock?.reason ?? null,
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      reason: r.reason,
      decisionNote: r.decisionNote,
      openUntil: r.openUntil?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      requestedBy: r.requestedById ? (names.get(r.requestedById) ?? null) : null,
    })),
    rows: sheetRows(loaded, period, now, names),
  };
}

/**
 * The entry rows of the given indicators only, as getEntrySheet builds them but without
 * the unlock requests and the names of who saved (a save re-checks its cells with these;
 * the region is the caller's to have checked).
 */
export async function getCheckRows(db: Db, ctx: TenantContext, regionId: string, period: Period, now: Date, indicatorIds: readonly string[]): Promise<EntryRow[]> {
  const loaded = await loadSheet(db, ctx.tenantId, regionId, period, indicatorIds);
  return sheetRows(loaded, period, now, new Map());
}
/** Lets timers and other requests run between chunks of a long computation. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The entry rows of many (region, month) sheets at once, as getCheckRows builds them for
 * every active indicator — for an import, which checks thousands of cells: the same reads
 * in six queries for all the sheets instead of several per sheet, and the rows built
 * sheet by sheet with the event loop let go between chunks. Keyed by `${regionId}|${year}|${month}`.
 */
export async function getCheckSheets(db: Db, ctx: TenantContext, sheets: readonly RegionPeriod[], now: Date): Promise<Map<string, EntryRow[]>> {
  const out = new Map<string, EntryRow[]>();
  if (sheets.length === 0) return out;
  const { tenantId } = ctx;
  const regionIds = [...new Set(sheets.map((s) => s.regionId))];
  const years = sheets.map((s) => s.year);
  const months = [...new Map(sheets.map((s) => [`${s.year}|${s.month}`, { year: s.year, month: s.month }])).values()];
  const [deadlineDay, periodLocks, grants, indicators, targets, fills] = await Promise.all([
    deadlineDayOf(db, tenantId),
    db.periodLock.findMany({ where: { tenantId, OR: months }, select: { year: true, month: true, state: true, createdAt: true, reason: true } }),
    db.unlockRequest.findMany({ where: { tenantId, regionId: { in: regionIds }, status: "GRANTED", OR: months }, select: { regionId: true, year: true, month: true, openUntil: true } }),
    db.indicator.findMany({ where: { tenantId, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], include: { curve: { orderBy: { month: "asc" } } } }),
    db.target.findMany({ where: { tenantId, regionId: { in: regionIds }, year: { in: [...new Set(years)] } }, select: { regionId: true, year: true, indicatorId: true, value: true } }),
    // the checks look back over the 12 months before and last December of the year before
    db.fill.findMany({ where: { tenantId, regionId: { in: regionIds }, year: { gte: Math.min(...years) - 2, lte: Math.max(...years) } } }),
  ]);
  const byRegion = groupBy(fills, (f) => f.regionId);
  const targetsOf = groupBy(targets, (t) => `${t.regionId}|${t.year}`);
  const grantsOf = groupBy(grants, (g) => `${g.regionId}|${g.year}|${g.month}`);
  const lockOf = new Map(periodLocks.map((l) => [`${l.year}|${l.month}`, { state: l.state, createdAt: l.createdAt, reason: l.reason }]));
  for (const [k, sheet] of sheets.entries()) {
    if (k > 0 && k % 50 === 0) await yieldToEventLoop();
    const { regionId, year, month } = sheet;
    const key = `${regionId}|${year}|${month}`;
    const lc: LockContext = { deadlineDay, periodLock: lockOf.get(`${year}|${month}`) ?? null, grants: grantsOf.get(key) ?? [] };
    out.set(key, sheetRows({ lc, indicators, targets: targetsOf.get(`${regionId}|${year}`) ?? [], fills: byRegion.get(regionId) ?? [] }, sheet, now, new Map()));
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
export type EntrySheet = NonNullable<Awaited<ReturnType<typeof getEntrySheet>>>;
export type EntryRow = EntrySheet["rows"][number];

/** One cell a save writes: the stored value, its note, the version read (0: new), the flags' reason. */
export interface FillWrite {
  indicatorId: string;
  value: bigint;
  note: string;
  version: number;
  reason: string | null;
}
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type RegionPeriod = Period & { regionId: string };
type Audit = Extract<NonNullable<Parameters<Tx["fillAudit"]["createMany"]>[0]>["data"], unknown[]>[number];

/**
 * The writes in one transaction: the cells' current rows read once, every version
 * compared before anything is written, then the rows created (one statement) and updated,
 * and their audit rows written in one statement. Returns the cells saved meanwhile by
 * someone else (nothing is written then); the version condition of each update also
 * catches a save that lands between the read and the write. `keepStatus`: an update leaves
 * the fill's status as it was (an administrator's correction on a region's behalf does not
 * withdraw a submitted figure from review).
 */
export async function writeFills(tx: Tx, tenantId: string, actorId: string, at: RegionPeriod, writes: FillWrite[], keepStatus = false): Promise<string[]> {
  const base = { tenantId, regionId: at.regionId, year: at.year, month: at.month };
  const current = await tx.fill.findMany({ where: { ...base, indicatorId: { in: writes.map((w) => w.indicatorId) } } });
  const currentOf = new Map(current.map((f) => [f.indicatorId, f]));
  const stale = writes.filter((w) => (w.version === 0 ? currentOf.has(w.indicatorId) : currentOf.get(w.indicatorId)?.version !== w.version));
  if (stale.length > 0) return stale.map((w) => w.indicatorId);
  const audits: Audit[] = [];
  const creates = writes.filter((w) => w.version === 0);
  if (creates.length > 0) {
    const created = await tx.fill.createManyAndReturn({
      data: creates.map((w) => ({ ...base, indicatorId: w.indicatorId, value: w.value, note: w.note, status: "DRAFT" as const, createdById: actorId, updatedById: actorId })),
      select: { id: true, indicatorId: true },
    });
    const idOf = new Map(created.map((c) => [c.indicatorId, c.id]));
    for (const w of creates) audits.push({ tenantId, fillId: idOf.get(w.indicatorId)!, action: "CREATE", newValue: w.value, newStatus: "DRAFT", actorId, reason: w.reason });
  }
  const conflicts: string[] = [];
  for (const w of writes.filter((x) => x.version > 0)) {
    const was = currentOf.get(w.indicatorId)!;
    const status = keepStatus || was.status === "RETURNED" ? was.status : "DRAFT";
    const res = await tx.fill.updateMany({
      where: { tenantId, id: was.id, version: w.version, status: { not: "APPROVED" } },
      data: { value: w.value, note: w.note, status, updatedById: actorId, version: { increment: 1 } },
    });
    if (res.count === 0) conflicts.push(w.indicatorId);
    else audits.push({ tenantId, fillId: was.id, action: "UPDATE", oldValue: was.value, newValue: w.value, oldStatus: was.status, newStatus: status, actorId, reason: w.reason });
  }
  if (conflicts.length > 0) return conflicts;
  await tx.fillAudit.createMany({ data: audits });
  return [];
}

/** Submissions awaiting review, one entry per (region, period): newest period first, regions in their display order. */
export async function getReviewQueue(db: Db, ctx: TenantContext) {
  const groups = await db.fill.groupBy({
    by: ["regionId", "year", "month"],
    where: { tenantId: ctx.tenantId, status: "SUBMITTED" },
    _count: { _all: true },
    _max: { submittedAt: true },
    orderBy: [{ year: "desc" }, { month: "desc" }, { regionId: "asc" }],
  });
  const regions = await db.region.findMany({ where: { tenantId: ctx.tenantId }, select: { id: true, code: true, name: true, sortOrder: true } });
  const byId = new Map(regions.map((r) => [r.id, r]));
  return groups
    .filter((g) => !ctx.subtree || ctx.subtree.has(g.regionId))
    .map((g) => ({
      regionId: g.regionId,
      regionCode: byId.get(g.regionId)?.code ?? "",
      regionName: byId.get(g.regionId)?.name ?? "",
      sortOrder: byId.get(g.regionId)?.sortOrder ?? 0,
      year: g.year,
      month: g.month,
      count: g._count._all,
      submittedAt: g._max.submittedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => b.year - a.year || b.month - a.month || a.sortOrder - b.sortOrder || a.regionCode.localeCompare(b.regionCode));
}

export type ReviewQueueItem = Awaited<ReturnType<typeof getReviewQueue>>[number];

/** The audit trail of one cell, newest first. */
export async function getFillHistory(db: Db, ctx: TenantContext, fillId: string) {
  const fill = await db.fill.findFirst({ where: { tenantId: ctx.tenantId, id: fillId }, select: { id: true, regionId: true } });
  if (!fill) return null;
  const audits = await db.fillAudit.findMany({ where: { tenantId: ctx.tenantId, fillId }, orderBy: { createdAt: "desc" } });
  const names = await userNames(db, ctx.tenantId, audits.map((a) => a.actorId));
  return {
    regionId: fill.regionId,
    entries: audits.map((a) => ({
      id: a.id,
      action: a.action,
      oldValue: s(a.oldValue),
      newValue: s(a.newValue),
      oldStatus: a.oldStatus,
      newStatus: a.newStatus,
      actor: a.actorId ? (names.get(a.actorId) ?? null) : null,
      reason: a.reason,
      at: a.createdAt.toISOString(),
    })),
  };
}
export type FillHistory = NonNullable<Awaited<ReturnType<typeof getFillHistory>>>;

export async function getUnlockRequests(db: Db, ctx: TenantContext, status: "PENDING" | "ALL" = "PENDING") {
  const rows = await db.unlockRequest.findMany({
    where: { tenantId: ctx.tenantId, ...(status === "PENDING" ? { status: "PENDING" } : {}) },
    orderBy: { createdAt: "asc" },
    include: { region: { select: { name: true, code: true } } },
  });
  const names = await userNames(db, ctx.tenantId, rows.map((r) => r.requestedById));
  return rows.map((r) => ({
    id: r.id,
    regionName: r.region.name,
    regionCode: r.region.code,
    year: r.year,
    month: r.month,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requestedById ? (names.get(r.requestedById) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** A timestamp as the database driver returns it from raw SQL (ISO text, a Date or epoch milliseconds). */
function instant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string | number);
}

function list(value: unknown): string[] {
  return typeof value === "string" && value.length > 0 ? value.split(",") : [];
}

/**
 * Each region's fills of one month, summed up: the required indicators' for completeness
 * (what `computeCompleteness` takes as `reports`), every indicator's approved and pending
 * ones for the figures' states (`MonthStatuses`) — one read for the dashboards (through the
 * roll-up loader) and the completeness board alike. `indicatorIds`: only those indicators'
 * fills (a ranking reads one indicator's, not the whole month's).
 */
export async function monthReports(
  db: Db,
  tenantId: string,
  period: Period,
  requiredIds: readonly string[],
  indicatorIds: readonly string[] | null = null,
): Promise<(RegionReport & MonthStatuses)[]> {
  const { sql, values } = reportsSql(providerOf(db), { tenantId, year: period.year, month: period.month, requiredIds, indicatorIds });
  // columns in the statement's order: regionId, subm, ret, last, appr, pend
  const { rows } = await readRaw(db, sql, values);
  return rows.map(([regionId, subm, ret, last, appr, pend]) => ({
    regionId: String(regionId), submittedIds: list(subm), returnedIds: list(ret), lastSubmittedAt: instant(last), approvedIds: list(appr), pendingIds: list(pend),
  }));
}

/**
 * The completeness board of one month: status per reporting region with its last
 * submission — computed as the overview computes it (monthReports + computeCompleteness),
 * with the caller's `asOf` (lib/clock.ts, once per request).
 */
export async function getCompletenessBoard(db: Db, ctx: TenantContext, period: Period, asOf: Date, parentId?: string) {
  const { tenantId } = ctx;
  const [deadlineDay, regions, indicators] = await Promise.all([
    deadlineDayOf(db, tenantId),
    db.region.findMany({ where: { tenantId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.indicator.findMany({ where: { tenantId, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
  ]);
  const defs: IndicatorDef[] = indicators.map((i) => ({
    id: i.id, code: i.code, name: i.name, kind: i.kind, direction: i.direction, precision: i.precision, weight: fromStored(i.weight), frequency: i.frequency,
  }));
  const reports = await monthReports(db, tenantId, period, requiredIndicators(defs, period.month).map((i) => i.id));
  // the regions that fill: active leaves below the root (not the cities of a province), or
  // below the region chosen (?region=)
  const tree = buildRegionTree(regions);
  const reporting = reportingRegionIds(tree).filter((id) => parentId === undefined || isBelow(tree, id, parentId));
  const result = computeCompleteness({ ...period, asOf, deadlineDay, regionIds: reporting, indicators: defs, reports });
  const regionOf = new Map(regions.map((r) => [r.id, r]));
  return {
    year: period.year,
    month: period.month,
    deadline: result.deadline.toISOString(),
    deadlinePassed: result.deadlinePassed,
    counts: result.counts,
    total: result.total,
    submissionRate: result.submissionRate?.toString() ?? null,
    regions: result.regions.map((r) => ({
      regionId: r.regionId,
      code: regionOf.get(r.regionId)?.code ?? "",
      name: regionOf.get(r.regionId)?.name ?? "",
      status: r.status,
      requiredCount: r.requiredCount,
      submittedCount: r.submittedCount,
      returnedCount: r.returnedIndicatorIds.length,
      lastSubmittedAt: r.lastSubmittedAt?.toISOString() ?? null,
    })),
  };
}

/** Is `regionId` below `ancestorId`? */
function isBelow(tree: RegionTree, regionId: string, ancestorId: string): boolean {
  for (let r = tree.byId.get(regionId); r && r.parentId !== null; r = tree.byId.get(r.parentId)) if (r.parentId === ancestorId) return true;
  return false;
}

/** The audit trails of several cells at once (for the review table and the entry form). */
export async function getHistories(db: Db, ctx: TenantContext, fillIds: string[]) {
  if (fillIds.length === 0) return {} as Record<string, FillHistory["entries"]>;
  const audits = await db.fillAudit.findMany({ where: { tenantId: ctx.tenantId, fillId: { in: fillIds } }, orderBy: { createdAt: "desc" } });
  const names = await userNames(db, ctx.tenantId, audits.map((a) => a.actorId));
  const out: Record<string, FillHistory["entries"]> = {};
  for (const a of audits) {
    (out[a.fillId] ??= []).push({
      id: a.id,
      action: a.action,
      oldValue: s(a.oldValue),
      newValue: s(a.newValue),
      oldStatus: a.oldStatus,
      newStatus: a.newStatus,
      actor: a.actorId ? (names.get(a.actorId) ?? null) : null,
      reason: a.reason,
      at: a.createdAt.toISOString(),
    });
  }
  return out;
}
