/**
 * EXPERIMENT (not part of `npm run bench`, not app code): how fast the dashboards could be
 * if the period loader let the database do the carry-forward and the roll-up.
 *
 * Instead of every fill of 25 months (this year to the month, last year, last December of
 * the year before) for every county, one SQL query returns, per ranked unit (active child
 * of the root) × indicator × "point" (year, month) the engine actually reads —
 * (Y, M), (Y, M−1) for the ranking's rank change, (Y−1, M), (Y−1, 12), and (Y−2, 12) for
 * STOCK / INCREMENT baselines — the exact BIGINT sum over the unit's leaves of each leaf's
 * latest counted fill with month ≤ the point (plus the earliest month used and the count).
 * The engine then runs on a reduced tree (root + units) with those sums as the units'
 * "fills": the same completions, ranks, YoY and outlook, from a few hundred rows.
 *
 * Not reproduced here (a real loader would return them as extra columns / a small second
 * query): stale flags and monthUsed of aggregates, partial / missingRegionIds, and the
 * completeness board (which needs the month's fills of the reporting regions).
 *
 *   node --expose-gc --import tsx bench/prototype-aggregated.ts <sqlite|postgresql> <province|national>
 *        [--runs N] [--app-runs N] [--views ranking,overview] [--latest seek|scan] [--bare-style seek|native|window|maxjoin]
 */
import { createDb, type Db } from "../lib/db/client";
import { fromStored } from "../lib/decimal";
import type { TenantContext } from "../lib/data/context";
import { getOverview, getRanking } from "../lib/data/dashboard";
import { loadSettings } from "../lib/data/period-loader";
import { toPlain } from "../lib/data/plain";
import { computePeriod, type FillRow, type IndicatorDef, type PeriodInput, type RegionDef, type TargetRow } from "../lib/metrics";
import { openBareRunner, type LatestStyle } from "./bare-sql";
import { AS_OF, RANKING_INDICATOR, SCALE_DEFS, benchPeriod, databaseUrlFor, type Provider, type ScaleName, type View } from "./config";

interface Period {
  year: number;
  month: number;
}

/** Positional placeholders for Prisma's $queryRawUnsafe: `?` (SQLite, repeated values) or `$n` (PostgreSQL). */
function placeholders(provider: Provider) {
  const values: unknown[] = [];
  const names: string[] = [];
  const p = (name: string, value: unknown): string => {
    if (provider === "sqlite") {
      values.push(value);
      return "?";
    }
    let k = names.indexOf(name);
    if (k < 0) {
      k = names.push(name) - 1;
      values.push(value);
    }
    // @prisma/adapter-pg sends untyped parameters: say what a number is
    return typeof value === "number" ? `CAST($${k + 1} AS INTEGER)` : `$${k + 1}`;
  };
  return { p, values };
}

export type LatestMode = "seek" | "scan";
const latestFlag = process.argv.indexOf("--latest");
/** How the prototype finds each leaf's latest fill ≤ a point: index seeks (default) or a scan of the months. */
const LATEST: LatestMode = latestFlag >= 0 && process.argv[latestFlag + 1] === "scan" ? "scan" : "seek";

export function aggregateSql(
  provider: Provider,
  tenantId: string,
  points: Period[],
  year: number,
  indicatorIds: string[] | null,
  style: LatestMode = "seek",
) {
  const { p, values } = placeholders(provider);
  const t = () => p("tenant", tenantId);
  // fragments with parameters are built where they appear: `?` placeholders are positional
  const pts = () => points.map((pt, k) => `SELECT ${p(`y${k}`, pt.year)} AS year, ${p(`m${k}`, pt.month)} AS month`).join(" UNION ALL ");
  const onlyIndicators = () => (indicatorIds ? ` AND f."indicatorId" IN (${indicatorIds.map((id, k) => p(`i${k}`, id)).join(", ")})` : "");
  const cast = provider === "postgresql" ? "CAST(SUM(x.value) AS BIGINT)" : "SUM(x.value)";
  const latestSelect =
    provider === "sqlite"
      ? `SELECT f."regionId" AS rid, f."indicatorId" AS iid, pt.year AS year, pt.month AS point, MAX(f.month) AS used, f.value AS value`
      : `SELECT DISTINCT ON (f."regionId", f."indicatorId", pt.year, pt.month)
           f."regionId" AS rid, f."indicatorId" AS iid, pt.year AS year, pt.month AS point, f.month AS used, f.value AS value`;
  const latestTail =
    provider === "sqlite"
      ? `GROUP BY f."regionId", f."indicatorId", pt.year, pt.month`
      : `ORDER BY f."regionId", f."indicatorId", pt.year, pt.month, f.month DESC`;
  const sql = `WITH RECURSIVE units AS (
  SELECT c.id AS id, c.id AS top
  FROM "Region" root JOIN "Region" c ON c."tenantId" = root."tenantId" AND c."parentId" = root.id
  WHERE root."tenantId" = ${t()} AND root."parentId" IS NULL AND c.active
  UNION ALL
  SELECT r.id, u.top FROM units u JOIN "Region" r ON r."tenantId" = ${t()} AND r."parentId" = u.id WHERE r.active
),
leaves AS MATERIALIZED (
  SELECT u.id, u.top FROM units u
  WHERE NOT EXISTS (SELECT 1 FROM "Region" k WHERE k."tenantId" = ${t()} AND k."parentId" = u.id AND k.active)
),
pts AS MATERIALIZED (SELECT DISTINCT year, month FROM (${pts()}) q),
baseline AS MATERIALIZED (
  SELECT id FROM "Indicator" WHERE "tenantId" = ${t()} AND kind IN ('STOCK', 'INCREMENT')
),
${
    style === "seek"
      ? `ind AS MATERIALIZED (
  SELECT id, kind FROM "Indicator" WHERE "tenantId" = ${t()} AND kind <> 'RATIO'${onlyIndicators().replaceAll('f."indicatorId"', "id")}
),
seek AS MATERIALIZED (
  SELECT l.id AS rid, i.id AS iid, pt.year AS year, pt.month AS point,
    (SELECT f.month FROM "Fill" f
     WHERE f."tenantId" = ${t()} AND f."regionId" = l.id AND f."indicatorId" = i.id AND f.year = pt.year AND f.month <= pt.month
       AND f.status IN ('SUBMITTED', 'APPROVED')
     ORDER BY f.month DESC LIMIT 1) AS used,
    (SELECT f.value FROM "Fill" f
     WHERE f."tenantId" = ${t()} AND f."regionId" = l.id AND f."indicatorId" = i.id AND f.year = pt.year AND f.month <= pt.month
       AND f.status IN ('SUBMITTED', 'APPROVED')
     ORDER BY f.month DESC LIMIT 1) AS value
  FROM leaves l CROSS JOIN ind i
  JOIN pts pt ON (pt.year > ${p("yearMinus2", year - 2)} OR i.kind IN ('STOCK', 'INCREMENT'))
),
latest AS (
  SELECT rid, iid, year, point, used, value FROM seek WHERE used IS NOT NULL
)`
      : `latest AS (
  ${latestSelect}
  FROM pts pt
  JOIN "Fill" f ON f."tenantId" = ${t()} AND f.year = pt.year AND f.month <= pt.month
  WHERE f.status IN ('SUBMITTED', 'APPROVED')${onlyIndicators()}
    AND (pt.year > ${p("yearMinus2", year - 2)} OR f."indicatorId" IN (SELECT id FROM baseline))
  ${latestTail}
)`
  }
SELECT l.top AS "regionId", x.iid AS "indicatorId", x.year AS year, x.point AS month,
  ${cast} AS value, MIN(x.used) AS used, COUNT(*) AS n
FROM latest x JOIN leaves l ON l.id = x.rid
GROUP BY l.top, x.iid, x.year, x.point`;
  return { sql, values };
}

interface AggRow {
  regionId: string;
  indicatorId: string;
  year: number | bigint;
  month: number | bigint;
  value: bigint | number | string;
  used: number | bigint;
  n: number | bigint;
}

/** The engine input on the reduced tree (root + ranked units), from one aggregate query. */
export async function loadAggregated(
  db: Db,
  provider: Provider,
  ctx: TenantContext,
  period: Period,
  options: { indicatorCodes?: string[]; asOf?: Date; previousMonth?: boolean; latest?: LatestMode } = {},
): Promise<PeriodInput> {
  const { tenantId } = ctx;
  const { year, month } = period;
  const [settings, regionRows, indicatorRows] = await Promise.all([
    loadSettings(db, tenantId),
    db.region.findMany({
      where: { tenantId },
      select: { id: true, code: true, name: true, parentId: true, active: true, sortOrder: true },
    }),
    db.indicator.findMany({ where: { tenantId, active: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], include: { curve: { orderBy: { month: "asc" } } } }),
  ]);
  const root = regionRows.find((r) => r.parentId === null)!;
  const regions: RegionDef[] = regionRows.filter((r) => r.parentId === null || r.parentId === root.id);
  const wanted = new Set(indicatorRows.filter((i) => !options.indicatorCodes || options.indicatorCodes.includes(i.code)).map((i) => i.id));
  for (const i of indicatorRows) if (wanted.has(i.id)) for (const part of [i.numeratorId, i.denominatorId]) if (part) wanted.add(part);
  const chosen = indicatorRows.filter((i) => wanted.has(i.id));
  const indicators: IndicatorDef[] = chosen.map((i) => ({
    id: i.id, code: i.code, name: i.name, kind: i.kind, direction: i.direction, precision: i.precision, weight: fromStored(i.weight),
    frequency: i.frequency, numeratorId: i.numeratorId, denominatorId: i.denominatorId,
    ratioFactor: i.ratioFactor === null ? null : fromStored(i.ratioFactor),
    curve: i.curve.length === 12 ? i.curve.map((c) => fromStored(c.share)) : null,
  }));
  const points: Period[] = [{ year, month }, { year: year - 1, month }, { year: year - 1, month: 12 }, { year: year - 2, month: 12 }];
  if (options.previousMonth && month > 1) points.push({ year, month: month - 1 });
  const nonRatio = chosen.filter((i) => i.kind !== "RATIO").map((i) => i.id);
  const { sql, values } = aggregateSql(provider, tenantId, points, year, options.indicatorCodes ? nonRatio : null, options.latest ?? LATEST);
  const [rows, targetRows] = await Promise.all([
    db.$queryRawUnsafe<AggRow[]>(sql, ...values),
    db.target.findMany({
      where: { tenantId, year, regionId: { in: regions.map((r) => r.id) }, ...(options.indicatorCodes ? { indicatorId: { in: [...wanted] } } : {}) },
      select: { regionId: true, indicatorId: true, value: true },
    }),
  ]);
  const fills: FillRow[] = rows.map((r) => ({
    regionId: r.regionId,
    indicatorId: r.indicatorId,
    year: Number(r.year),
    month: Number(r.month),
    value: fromStored(BigInt(r.value)),
    status: "APPROVED",
    submittedAt: null,
  }));
  const targets: TargetRow[] = targetRows.map((t) => ({ regionId: t.regionId, indicatorId: t.indicatorId, value: fromStored(t.value) }));
  return { year, month, asOf: options.asOf ?? new Date(), settings, regions, indicators, targets, fills };
}

/** The overview's county cells (completion, rank, YoY, outlook) from the aggregated input. */
export async function aggregatedOverview(db: Db, provider: Provider, ctx: TenantContext, period: Period) {
  const input = await loadAggregated(db, provider, ctx, period, { asOf: AS_OF });
  const result = computePeriod(input);
  const counties = new Set(result.countyIds);
  return toPlain({
    cells: result.cells.filter((c) => counties.has(c.regionId)).map((c) => ({
      regionId: c.regionId, indicatorId: c.indicatorId, actual: c.actual.value, completion: c.completion, rank: c.rank,
      yoyGrowth: c.yoy.growth, projectedCompletion: c.outlook.projectedCompletion, status: c.status,
    })),
    city: result.city.map((c) => ({ indicatorId: c.indicatorId, completion: c.completion, projected: c.outlook.projected })),
    composite: result.composite.entries.map((e) => ({ regionId: e.regionId, rank: e.rank, total: e.total })),
  });
}

/** The ranking entries (with last month's rank) from the aggregated input. */
export async function aggregatedRanking(db: Db, provider: Provider, ctx: TenantContext, code: string, period: Period) {
  const input = await loadAggregated(db, provider, ctx, period, { indicatorCodes: [code], previousMonth: true });
  const result = computePeriod(input);
  const indicator = input.indicators.find((i) => i.code === code)!;
  const ranking = result.rankings.find((r) => r.indicatorId === indicator.id)!;
  const previous = period.month > 1 ? computePeriod({ ...input, month: period.month - 1 }) : null;
  const before = new Map(previous?.rankings.find((r) => r.indicatorId === indicator.id)!.entries.map((e) => [e.regionId, e.rank]));
  return toPlain({ entries: ranking.entries.map((e) => ({ ...e, previousRank: before.get(e.regionId) ?? null })) });
}

// ------------------------------------------------------------------ CLI: time it against the app and the bare SQL

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const [provider, scale] = process.argv.slice(2).filter((a) => !a.startsWith("--")) as [Provider, ScaleName];
  const runsFlag = process.argv.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 10;
  const viewsFlag = process.argv.indexOf("--views");
  const views = (viewsFlag >= 0 ? process.argv[viewsFlag + 1].split(",") : ["ranking", "overview"]) as View[];
  const appRunsFlag = process.argv.indexOf("--app-runs");
  const appRuns = appRunsFlag >= 0 ? Number(process.argv[appRunsFlag + 1]) : runs;
  const def = SCALE_DEFS[scale];
  const url = databaseUrlFor(provider, scale);
  const period = benchPeriod(def);
  const ctx: TenantContext = { tenantId: `t-${def.slug}`, userId: null, role: "ADMIN", regionId: null };
  const db = createDb(url);
  const styleFlag = process.argv.indexOf("--bare-style");
  const bare = await openBareRunner(provider, url, styleFlag >= 0 ? (process.argv[styleFlag + 1] as LatestStyle) : "seek");
  const params = { tenantId: ctx.tenantId, year: period.year, month: period.month, indicatorCode: RANKING_INDICATOR };
  const time = async (fn: () => Promise<unknown>, n: number) => {
    await fn();
    const xs: number[] = [];
    for (let k = 0; k < n; k++) {
      (globalThis as { gc?: () => void }).gc?.();
      const t0 = performance.now();
      await fn();
      xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  for (const view of views) {
    // same numbers as the app?
    let mismatches = 0;
    let compared = 0;
    if (view === "overview") {
      const [app, proto] = [await getOverview(db, ctx, period, { asOf: AS_OF }), await aggregatedOverview(db, provider, ctx, period)];
      const protoCells = new Map(proto.cells.map((c) => [`${c.regionId}|${c.indicatorId}`, c]));
      for (const c of app.cells) {
        const q = protoCells.get(`${c.regionId}|${c.indicatorId}`);
        compared++;
        if (!q || q.completion !== c.completion || q.rank !== c.rank || q.yoyGrowth !== c.yoyGrowth || q.actual !== c.actual) mismatches++;
      }
      const appOutlook = new Map(app.cityCells.map((c) => [c.indicatorId, c.outlook.projected]));
      for (const c of proto.city) {
        compared++;
        if (appOutlook.get(c.indicatorId) !== c.projected) mismatches++;
      }
      const appComposite = app.composite.map((e) => `${e.regionId}:${e.rank}:${e.total}`).join(",");
      compared++;
      if (appComposite !== proto.composite.map((e) => `${e.regionId}:${e.rank}:${e.total}`).join(",")) mismatches++;
    } else {
      const app = await getRanking(db, ctx, RANKING_INDICATOR, period);
      const proto = await aggregatedRanking(db, provider, ctx, RANKING_INDICATOR, period);
      app.entries.forEach((e, k) => {
        const q = proto.entries[k];
        compared++;
        if (!q || q.regionId !== e.region.id || q.rank !== e.rank || q.completion !== e.completion || q.previousRank !== e.previousRank) mismatches++;
      });
    }
    const protoMs = await time(
      () => (view === "overview" ? aggregatedOverview(db, provider, ctx, period) : aggregatedRanking(db, provider, ctx, RANKING_INDICATOR, period)),
      runs,
    );
    const bareMs = await time(() => bare.run(view, params), runs);
    const appMs = appRuns > 0
      ? await time(() => (view === "overview" ? getOverview(db, ctx, period, { asOf: AS_OF }) : getRanking(db, ctx, RANKING_INDICATOR, period)), appRuns)
      : NaN;
    console.log(
      `${provider}/${scale}/${view}: app ${appMs.toFixed(1)} ms · aggregated prototype ${protoMs.toFixed(1)} ms · bare ${bareMs.toFixed(1)} ms · ` +
        `ratio app ${(appMs / bareMs).toFixed(1)} → prototype ${(protoMs / bareMs).toFixed(2)} · same figures: ${mismatches === 0 ? "yes" : `NO (${mismatches}/${compared})`} (${compared} compared)`,
    );
  }
  await bare.close();
  await db.$disconnect();
}

if (process.argv[1]?.endsWith("prototype-aggregated.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
