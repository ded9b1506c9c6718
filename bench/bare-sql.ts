/**
 * The lower bound of each dashboard view: the single bare SQL query that returns the
 * same ranking, run through the raw driver (better-sqlite3 / pg) — no ORM, no engine.
 *
 * Semantics reproduced from lib/metrics (for the synthetic tenants of synthetic.ts):
 * - ranked units = the active children of the root (the engine's "counties"), of a given
 *   region, or the root's grandchildren (bench/config.ts View); a unit's
 *   actual is the sum over its active leaf descendants (a leaf is its own unit in a
 *   flat tenant), each leaf contributing its latest counted fill (SUBMITTED / APPROVED)
 *   of year Y with month ≤ M (carry-forward within the year);
 * - INCREMENT: that level minus the leaf's latest counted level of year Y−1;
 * - RATIO (overview): numerator sum / denominator sum × factor (ratio of sums);
 * - completion = actual / the unit's own target of year Y (targets ≤ 0 left out);
 *   ranked best first, ties share a rank (RANK() OVER, "1, 2, 2, 4").
 * Not reproduced (not needed for these tenants, and this is only the lower bound):
 * parents reporting their own fills, LOWER_IS_BETTER, stale flags, YoY, outlook,
 * composite, completeness.
 *
 * Values are BIGINT fixed-point ×10^6; completion is computed as a floating-point
 * ratio of the integers (exact enough to order, not to display).
 *
 * The query comes in several equivalent formulations (LatestStyle below); the scenario
 * times each briefly and keeps the fastest for the database at hand — the lower bound
 * is the best single query, not a particular spelling of it. On PostgreSQL the bare
 * connection runs with `jit = off` (JIT compile time would otherwise dominate), and the
 * query is a named prepared statement, as the app's roll-up query is.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { SQLITE_READER_CACHE_KIB } from "../lib/db/reader";
import { isRankingView, type Provider, type View } from "./config";

export interface BareParams {
  tenantId: string;
  year: number;
  month: number;
  /** ranking only */
  indicatorCode?: string;
  /** child-overview only: the region whose children are ranked */
  parentId?: string;
}

export interface BareRow {
  regionId: string;
  indicatorId: string;
  completion: number;
  rank: number;
}

const COUNTED = "('SUBMITTED', 'APPROVED')";

/** The ranked units of a view: the root's active children, a given region's, or the root's grandchildren. */
function rankedUnits(view: View, p: (name: string) => string): string {
  if (view === "child-overview") {
    return `SELECT c.id AS id, c.id AS top
  FROM "Region" c
  WHERE c."tenantId" = ${p("tenant")} AND c."parentId" = ${p("parent")} AND c.active`;
  }
  const grand = view === "depth-ranking";
  return `SELECT ${grand ? "g" : "c"}.id AS id, ${grand ? "g" : "c"}.id AS top
  FROM "Region" root
  JOIN "Region" c ON c."tenantId" = root."tenantId" AND c."parentId" = root.id${
    grand ? `\n  JOIN "Region" g ON g."tenantId" = root."tenantId" AND g."parentId" = c.id AND g.active` : ""
  }
  WHERE root."tenantId" = ${p("tenant")} AND root."parentId" IS NULL AND root.active AND c.active`;
}

/** Regions under each ranked unit, tagged with that unit (`top`), and the leaves among them. */
function unitsCte(view: View, p: (name: string) => string): string {
  return `units AS (
  ${rankedUnits(view, p)}
  UNION ALL
  SELECT r.id, u.top
  FROM units u
  JOIN "Region" r ON r."tenantId" = ${p("tenant")} AND r."parentId" = u.id
  WHERE r.active
),
leaves AS MATERIALIZED (
  SELECT u.id, u.top FROM units u
  WHERE NOT EXISTS (SELECT 1 FROM "Region" k WHERE k."tenantId" = ${p("tenant")} AND k."parentId" = u.id AND k.active)
)`;
}

/**
 * How "the latest counted fill with month ≤ M per (leaf, indicator, year)" is written:
 * - "native": the fastest form of each database — SQLite's bare column beside MAX()
 *   (documented: the other columns come from the row holding the maximum), PostgreSQL's
 *   DISTINCT ON … ORDER BY month DESC;
 * - "window": ROW_NUMBER() OVER (PARTITION BY … ORDER BY month DESC) = 1 (portable);
 * - "maxjoin": MAX(month) per group, joined back to Fill on the unique key (portable);
 * - "seek": for each (leaf, indicator, year) a correlated subquery that walks the unique
 *   index (tenantId, regionId, indicatorId, year, month) backwards from month M and stops
 *   at the first counted fill — reads ~1 row per cell instead of every month (portable);
 *   each row carries its leaf's unit, so no join back to the leaves.
 */
export type LatestStyle = "native" | "window" | "maxjoin" | "seek";
export const LATEST_STYLES: LatestStyle[] = ["native", "window", "maxjoin", "seek"];

function seekCte(p: (name: string) => string, ind: string, baseline: boolean): string {
  const int = (name: string) => `CAST(${p(name)} AS INTEGER)`;
  const years = baseline
    ? `SELECT ${int("year")} AS year, ${int("month")} AS month, 0 AS baseline UNION ALL SELECT ${int("lastYear")}, 12, 1`
    : `SELECT ${int("year")} AS year, ${int("month")} AS month, 0 AS baseline`;
  return `years AS MATERIALIZED (${years}),
latest AS (
  SELECT s."regionId" AS "regionId", s.top AS top, s."indicatorId" AS "indicatorId", s.year AS year, s.value AS value FROM (
    SELECT l.id AS "regionId", l.top AS top, i.id AS "indicatorId", y.year AS year,
      (SELECT f.value FROM "Fill" f
       WHERE f."tenantId" = ${p("tenant")} AND f."regionId" = l.id AND f."indicatorId" = i.id
         AND f.year = y.year AND f.month <= y.month AND f.status IN ${COUNTED}
       ORDER BY f.month DESC LIMIT 1) AS value
    FROM leaves l CROSS JOIN ${ind} i JOIN years y ON (y.baseline = 0 OR i.kind = 'INCREMENT')
    WHERE i.kind <> 'RATIO'
  ) s
  WHERE s.value IS NOT NULL
)`;
}

function latestCte(
  provider: Provider,
  style: LatestStyle,
  ind: string,
  where: string,
  tenant: string,
  seek: { p: (name: string) => string; baseline: boolean },
): string {
  if (style === "seek") return seekCte(seek.p, ind, seek.baseline);
  const from = `FROM "Fill" f JOIN ${ind} ON ${ind}.id = f."indicatorId"
  WHERE ${where} AND f.status IN ${COUNTED}`;
  const keys = `f."regionId", f."indicatorId", f.year`;
  if (style === "native" && provider === "sqlite") {
    return `latest AS (
  SELECT f."regionId" AS "regionId", f."indicatorId" AS "indicatorId", f.year AS year, MAX(f.month) AS month, f.value AS value
  ${from}
  GROUP BY ${keys}
)`;
  }
  if (style === "native") {
    return `latest AS (
  SELECT DISTINCT ON (${keys}) f."regionId" AS "regionId", f."indicatorId" AS "indicatorId", f.year AS year, f.value AS value
  ${from}
  ORDER BY ${keys}, f.month DESC
)`;
  }
  if (style === "window") {
    return `latest AS (
  SELECT "regionId", "indicatorId", year, value FROM (
    SELECT f."regionId" AS "regionId", f."indicatorId" AS "indicatorId", f.year AS year, f.value AS value,
      ROW_NUMBER() OVER (PARTITION BY ${keys} ORDER BY f.month DESC) AS rn
    ${from}
  ) w WHERE rn = 1
)`;
  }
  return `latest_month AS (
  SELECT f."regionId" AS "regionId", f."indicatorId" AS "indicatorId", f.year AS year, MAX(f.month) AS month
  ${from}
  GROUP BY ${keys}
),
latest AS (
  SELECT m."regionId" AS "regionId", m."indicatorId" AS "indicatorId", m.year AS year, f.value AS value
  FROM latest_month m
  JOIN "Fill" f ON f."tenantId" = ${tenant} AND f."regionId" = m."regionId" AND f."indicatorId" = m."indicatorId"
    AND f.year = m.year AND f.month = m.month
)`;
}

/** The seeks carry each leaf's unit along; the other forms find it by joining the leaves. */
const top = (style: LatestStyle): string => (style === "seek" ? "x.top" : "l.top");
const withTop = (style: LatestStyle): string => (style === "seek" ? "latest x" : `latest x JOIN leaves l ON l.id = x."regionId"`);

function rankingSql(provider: Provider, view: View, style: LatestStyle, p: (name: string) => string): string {
  const float = provider === "sqlite" ? "REAL" : "DOUBLE PRECISION";
  return `WITH RECURSIVE ${unitsCte(view, p)},
ind AS MATERIALIZED (SELECT id, kind FROM "Indicator" WHERE "tenantId" = ${p("tenant")} AND code = ${p("code")}),
${latestCte(provider, style, "ind", `f."tenantId" = ${p("tenant")} AND f.year = ${p("year")} AND f.month <= ${p("month")}`, p("tenant"), { p, baseline: false })},
actual AS (
  SELECT ${top(style)} AS top, SUM(x.value) AS value
  FROM ${withTop(style)}
  GROUP BY ${top(style)}
)
SELECT a.top AS "regionId", ind.id AS "indicatorId",
  CAST(a.value AS ${float}) / g.value AS completion,
  RANK() OVER (ORDER BY CAST(a.value AS ${float}) / g.value DESC) AS rank
FROM actual a
JOIN ind ON true
JOIN "Target" g ON g."tenantId" = ${p("tenant")} AND g."regionId" = a.top AND g."indicatorId" = ind.id AND g.year = ${p("year")}
WHERE g.value > 0
ORDER BY rank, a.top`;
}

function overviewSql(provider: Provider, view: View, style: LatestStyle, p: (name: string) => string): string {
  const float = provider === "sqlite" ? "REAL" : "DOUBLE PRECISION";
  return `WITH RECURSIVE ${unitsCte(view, p)},
ind AS MATERIALIZED (
  SELECT id, kind, "numeratorId", "denominatorId", "ratioFactor"
  FROM "Indicator" WHERE "tenantId" = ${p("tenant")} AND active
),
${latestCte(
  provider,
  style,
  "ind",
  `f."tenantId" = ${p("tenant")} AND ((f.year = ${p("year")} AND f.month <= ${p("month")}) OR (f.year = ${p("lastYear")} AND ind.kind = 'INCREMENT'))`,
  p("tenant"),
  { p, baseline: true },
)},
actual AS (
  SELECT ${top(style)} AS top, x."indicatorId" AS "indicatorId",
    SUM(CASE WHEN x.year = ${p("year")} THEN x.value ELSE -x.value END) AS value
  FROM ${withTop(style)}
  GROUP BY ${top(style)}, x."indicatorId"
),
completion AS (
  SELECT a.top AS "regionId", a."indicatorId" AS "indicatorId", CAST(a.value AS ${float}) / g.value AS completion
  FROM actual a
  JOIN "Target" g ON g."tenantId" = ${p("tenant")} AND g."regionId" = a.top AND g."indicatorId" = a."indicatorId" AND g.year = ${p("year")}
  WHERE g.value > 0
  UNION ALL
  SELECT n.top, i.id, CAST(n.value AS ${float}) / d.value * i."ratioFactor" / g.value
  FROM ind i
  JOIN actual n ON n."indicatorId" = i."numeratorId"
  JOIN actual d ON d.top = n.top AND d."indicatorId" = i."denominatorId"
  JOIN "Target" g ON g."tenantId" = ${p("tenant")} AND g."regionId" = n.top AND g."indicatorId" = i.id AND g.year = ${p("year")}
  WHERE i.kind = 'RATIO' AND d.value <> 0 AND g.value > 0
)
SELECT "regionId", "indicatorId", completion,
  RANK() OVER (PARTITION BY "indicatorId" ORDER BY completion DESC) AS rank
FROM completion
ORDER BY "indicatorId", rank, "regionId"`;
}

/** The SQL text of a view's bare query for a provider, with its parameter names in order. */
export function bareSql(provider: Provider, view: View, style: LatestStyle = "native"): { text: string; params: string[] } {
  const names: string[] = [];
  const p = (name: string): string => {
    if (provider === "sqlite") return `@${name}`;
    let k = names.indexOf(name);
    if (k < 0) k = names.push(name) - 1;
    return `$${k + 1}`;
  };
  const text = isRankingView(view) ? rankingSql(provider, view, style, p) : overviewSql(provider, view, style, p);
  return { text, params: names };
}

function paramValues(params: BareParams): Record<string, string | number> {
  return {
    tenant: params.tenantId,
    year: params.year,
    lastYear: params.year - 1,
    month: params.month,
    code: params.indicatorCode ?? "",
    parent: params.parentId ?? "",
  };
}

export interface BareRunner {
  provider: Provider;
  /** Runs the view's bare query once; returns its rows. */
  run(view: View, params: BareParams): Promise<BareRow[]>;
  /** EXPLAIN (query plan) text, for the report. */
  explain(view: View, params: BareParams): Promise<string>;
  close(): Promise<void>;
}

function toRow(r: Record<string, unknown>): BareRow {
  return { regionId: String(r.regionId), indicatorId: String(r.indicatorId), completion: Number(r.completion), rank: Number(r.rank) };
}

export async function openBareRunner(provider: Provider, url: string, style: LatestStyle = "native"): Promise<BareRunner> {
  if (provider === "sqlite") {
    const db = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    // the page cache the app's read connection has (lib/db/reader.ts), so both read alike
    db.pragma(`cache_size = -${SQLITE_READER_CACHE_KIB}`);
    const statements = new Map<View, Database.Statement>();
    const stmt = (view: View) => {
      let s = statements.get(view);
      if (!s) {
        s = db.prepare(bareSql("sqlite", view, style).text);
        statements.set(view, s);
      }
      return s;
    };
    const bind = (view: View, params: BareParams) => {
      const all = paramValues(params);
      // better-sqlite3 refuses named parameters the statement does not use
      const used = stmt(view).source;
      return Object.fromEntries(Object.entries(all).filter(([k]) => used.includes(`@${k}`)));
    };
    return {
      provider,
      run: async (view, params) => (stmt(view).all(bind(view, params)) as Record<string, unknown>[]).map(toRow),
      explain: async (view, params) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${bareSql("sqlite", view, style).text}`).all(bind(view, params)) as { detail: string }[])
          .map((r) => r.detail)
          .join("\n"),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // JIT compilation (on by default, kicks in above jit_above_cost) adds ~100–150 ms of
  // compile time to these short analytic queries; the lower bound runs without it.
  await client.query("SET jit = off");
  const query = (view: View, params: BareParams, prefix = "") => {
    const { text, params: names } = bareSql("postgresql", view, style);
    const values = paramValues(params);
    return { text: prefix + text, values: names.map((n) => values[n]) };
  };
  return {
    provider,
    run: async (view, params) => {
      // a named prepared statement, parsed once per connection: the lower bound
      const result = await client.query({ name: `bare_${view}_${style}`, ...query(view, params) });
      return (result.rows as Record<string, unknown>[]).map(toRow);
    },
    explain: async (view, params) => {
      const q = query(view, params, "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ");
      const result = await client.query(q);
      return (result.rows as Record<string, string>[]).map((r) => r["QUERY PLAN"]).join("\n");
    },
    close: async () => client.end(),
  };
}
