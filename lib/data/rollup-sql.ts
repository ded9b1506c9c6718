/**
 * The dashboards' SQL (decisions 006, 010 and 012 in docs/decisions).
 *
 * `rollupSql`: one statement that returns, per child of the root ("unit") × indicator, the
 * sums the metrics engine needs at a few points (year, month) — instead of every fill of
 * 25 months. For every active leaf under a unit (the tree comes from the cached
 * configuration as parameters: RollupTree) and every wanted indicator it finds the leaf's
 * latest counted fill (SUBMITTED/APPROVED) of that year at or before the point's month
 * (carry-forward within a year) — its value and its month, one index seek on the covering
 * index `Fill_rollup_idx` (see `seeksCte`) — and sums per unit:
 *  - LEVEL at each point: how many leaves have a value, Σ value (exact BIGINT), the
 *    earliest month used, the leaves without a value;
 *  - NET at each "net pair" (level point − baseline point, for STOCK/INCREMENT): the same
 *    over the leaves that have both, plus how many have a level but no baseline.
 * Each row also carries the unit's target of the year and the tenant's configuration
 * version (tenant-config.ts). RATIO indicators get rows for their targets only. The root
 * appears as its own unit with itself as the only leaf: its own latest fills (normally
 * none) decide whether it reports itself. Parents below the root that have fills of their
 * own ("report themselves") change the aggregation rule; the query counts such regions
 * (`parentFills`) and the loader then falls back to the full loader.
 *
 * `reportsSql`: per region, its fills of one month (any status) summed up for completeness
 * — one range scan of the covering index `Fill_period_idx` — for the overview and the
 * completeness board alike (lib/data/fills.ts `monthReports`).
 *
 * Both providers get the same statements with small spelling differences: SQLite takes
 * positional `?` (values repeated), PostgreSQL `$n` with integer casts (parameters are
 * sent untyped), `string_agg` for `group_concat`, BIGINT casts of SUM (which PostgreSQL
 * widens to NUMERIC) and an ISO text of `submittedAt` (a timestamp without time zone).
 */
export type SqlProvider = "sqlite" | "postgresql";

export interface RollupPointSpec {
  year: number;
  month: number;
  /** only needed for STOCK and INCREMENT indicators (a baseline) */
  stockOnly: boolean;
}

export interface RollupNetSpec {
  /** index into points: the level */
  level: number;
  /** index into points: the baseline (December of the year before the level's) */
  base: number;
}

/**
 * The region tree as the loader's cached configuration has it (tenant-config.ts), which the
 * query's `configVersion` vouches for: the leaves — every active region below an active
 * child of the root ("unit") that has no active children, with its unit, and the root as
 * its own unit — and the regions below the root that have active children.
 */
export interface RollupTree {
  leafIds: readonly string[];
  leafUnitIds: readonly string[];
  parentIds: readonly string[];
}

export interface RollupQuerySpec {
  tenantId: string;
  tree: RollupTree;
  points: readonly RollupPointSpec[];
  nets: readonly RollupNetSpec[];
  /** Only these indicators (ids); null: every active indicator. RATIO ones get rows for their targets only. */
  indicatorIds: readonly string[] | null;
  /** Year of the targets returned with each row. */
  targetYear: number;
  /** Oldest year read (for the parent-fill check). */
  fromYear: number;
}

const COUNTED = "('SUBMITTED', 'APPROVED')";
const STOCKISH = "('STOCK', 'INCREMENT')";

/** A PostgreSQL array literal of texts. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

function parameters(provider: SqlProvider) {
  const values: unknown[] = [];
  const named = new Map<string, number>();
  /** A placeholder for a value; on PostgreSQL, the same name reuses its `$n`. */
  const p = (name: string, value: string | number): string => {
    if (provider === "sqlite") {
      values.push(value);
      return "?";
    }
    let n = named.get(name);
    if (n === undefined) {
      n = values.push(value);
      named.set(name, n);
    }
    return typeof value === "number" ? `CAST($${n} AS INTEGER)` : `$${n}`;
  };
  return { p, values };
}

/** The placeholders and the provider's spellings of one statement. */
function kit(provider: SqlProvider, tenantId: string) {
  const { p, values } = parameters(provider);
  const pg = provider === "postgresql";
  return {
    p,
    values,
    pg,
    t: () => p("tenant", tenantId),
    agg: (expr: string) => (pg ? `string_agg(${expr}, ',')` : `group_concat(${expr}, ',')`),
    sumOf: (expr: string) => (pg ? `CAST(SUM(${expr}) AS BIGINT)` : `SUM(${expr})`),
  };
}
type Kit = ReturnType<typeof kit>;

// SQLite's `?` are positional: every fragment with parameters is built (called) in text order.

/** The leaves with their units, and the regions in between, as parameters (no recursive walk per call). */
function treeCtes({ p, pg }: Kit, tree: RollupTree): string {
  if (pg) {
    return `leaves AS MATERIALIZED (
  SELECT x.id AS id, x.top AS top FROM unnest(CAST(${p("leafIds", textArray(tree.leafIds))} AS text[]), CAST(${p("leafUnitIds", textArray(tree.leafUnitIds))} AS text[])) AS x(id, top)
),
parents AS MATERIALIZED (SELECT unnest(CAST(${p("parentIds", textArray(tree.parentIds))} AS text[])) AS id)`;
  }
  return `leaves AS MATERIALIZED (
  SELECT value ->> 0 AS id, value ->> 1 AS top FROM json_each(${p("leaves", JSON.stringify(tree.leafIds.map((id, k) => [id, tree.leafUnitIds[k]])))})
),
parents AS MATERIALIZED (SELECT value AS id FROM json_each(${p("parents", JSON.stringify(tree.parentIds))}))`;
}

function indicatorCte({ p, t }: Kit, indicatorIds: readonly string[] | null): string {
  const only = () => (indicatorIds ? ` AND id IN (${indicatorIds.map((id, k) => p(`i${k}`, id)).join(", ")})` : "");
  return `ind AS MATERIALIZED (
  SELECT id, kind FROM "Indicator" WHERE "tenantId" = ${t()} AND active${only()}
)`;
}

/**
 * Does a region between the root and the leaves have counted fills of its own? (then the
 * loader falls back to every fill) — one index probe per such region: as a join,
 * PostgreSQL hashed every fill of the tenant's years (11–13 ms at province scale).
 */
function parentFillsCte({ p, t }: Kit, fromYear: number): string {
  return `pf AS MATERIALIZED (
  SELECT COUNT(*) AS n FROM parents n
  WHERE (SELECT 1 FROM "Fill" f
    WHERE f."tenantId" = ${t()} AND f."regionId" = n.id
      AND f.year >= ${p("fromYear", fromYear)} AND f.status IN ${COUNTED} AND f."indicatorId" IN (SELECT id FROM ind)
    LIMIT 1) IS NOT NULL
)`;
}

/**
 * Per leaf × indicator, the latest counted fill of each point's year up to its month, found
 * by ONE seek that returns its month and value together as text — the month + 10 (always two
 * digits) followed by the value's digits, e.g. "21-1500000" for −1.5 in November — which
 * `raw` splits into the value (pv) and the month (pm). A scalar subquery returns one column
 * and SQLite has no LATERAL; two seeks (one per column) cost the SQLite province overview
 * more (figures in docs/decisions/012-one-seek-per-point.md). Text keeps every BIGINT exact.
 */
function seeksCte({ p, t }: Kit, points: readonly RollupPointSpec[]): string {
  const seek = (k: number, pt: RollupPointSpec) => {
    const kinds = pt.stockOnly ? STOCKISH : "('CUMULATIVE', 'STOCK', 'INCREMENT')";
    return `CASE WHEN i.kind IN ${kinds} THEN (SELECT CAST(f.month + 10 AS TEXT) || CAST(f.value AS TEXT) FROM "Fill" f
      WHERE f."tenantId" = ${t()} AND f."regionId" = l.id AND f."indicatorId" = i.id
        AND f.year = ${p(`y${k}`, pt.year)} AND f.month <= ${p(`m${k}`, pt.month)} AND f.status IN ${COUNTED}
      ORDER BY f.month DESC LIMIT 1) END AS px${k}`;
  };
  const split = (k: number) => `CAST(substr(px${k}, 3) AS BIGINT) AS pv${k}, CAST(substr(px${k}, 1, 2) AS INTEGER) - 10 AS pm${k}`;
  return `found AS MATERIALIZED (
  SELECT l.id AS rid, l.top AS top, i.id AS iid, i.kind AS kind,
    ${points.map((pt, k) => seek(k, pt)).join(",\n    ")}
  FROM leaves l CROSS JOIN ind i
),
raw AS MATERIALIZED (
  SELECT rid, top, iid, kind, ${points.map((_, k) => split(k)).join(", ")} FROM found
)`;
}

/** [expression, alias] of the figure columns; `flow`: NULL where only STOCK/INCREMENT have values. */
function figureColumns({ agg, sumOf }: Kit, spec: RollupQuerySpec, flow: boolean): [string, string][] {
  const both = (a: number, b: number) => `pm${a} IS NOT NULL AND pm${b} IS NOT NULL`;
  const levelCols = (k: number): [string, string][] => [
    [`COUNT(pm${k})`, `n${k}`],
    [sumOf(`pv${k}`), `s${k}`],
    [`MIN(pm${k})`, `u${k}`],
    [agg(`CASE WHEN pm${k} IS NULL THEN rid END`), `m${k}`],
  ];
  const netCols = ({ level: a, base: b }: RollupNetSpec, k: number): [string, string][] => [
    [`COUNT(CASE WHEN ${both(a, b)} THEN 1 END)`, `nn${k}`],
    [sumOf(`CASE WHEN ${both(a, b)} THEN pv${a} - pv${b} END`), `ns${k}`],
    [`MIN(CASE WHEN ${both(a, b)} THEN pm${a} END)`, `nu${k}`],
    [`MIN(CASE WHEN ${both(a, b)} THEN pm${b} END)`, `nb${k}`],
    [agg(`CASE WHEN pm${a} IS NULL OR pm${b} IS NULL THEN rid END`), `nm${k}`],
    [`COUNT(CASE WHEN pm${a} IS NOT NULL AND pm${b} IS NULL THEN 1 END)`, `nz${k}`],
  ];
  const none = (cols: [string, string][]): [string, string][] => cols.map(([, alias]) => ["NULL", alias]);
  return [
    ...spec.points.flatMap((pt, k) => (flow && pt.stockOnly ? none(levelCols(k)) : levelCols(k))),
    ...spec.nets.flatMap((net, k) => (flow ? none(netCols(net, k)) : netCols(net, k))),
  ];
}

/**
 * The figures per unit × indicator. Without net changes every row needs the same columns.
 * With them, the CUMULATIVE and RATIO rows (most of the catalogue) skip the aggregates only
 * STOCK and INCREMENT have values for.
 */
function figuresSelect(q: Kit, spec: RollupQuerySpec): string {
  const { p, t } = q;
  const select = (flow: boolean, where: string) => `SELECT top AS "regionId", iid AS "indicatorId",
  ${figureColumns(q, spec, flow).map(([expr, alias]) => `${expr} AS ${alias}`).join(",\n  ")},
  (SELECT n FROM pf) AS "parentFills",
  (SELECT g.value FROM "Target" g
    WHERE g."tenantId" = ${t()} AND g."regionId" = raw.top AND g."indicatorId" = raw.iid AND g.year = ${p("targetYear", spec.targetYear)}) AS target,
  (SELECT "configVersion" FROM "Tenant" WHERE id = ${t()}) AS "configVersion"
FROM raw${where} GROUP BY top, iid`;
  if (spec.nets.length === 0) return select(false, "");
  return `${select(true, ` WHERE kind NOT IN ${STOCKISH}`)}
UNION ALL
${select(false, ` WHERE kind IN ${STOCKISH}`)}`;
}

export function rollupSql(provider: SqlProvider, spec: RollupQuerySpec): { sql: string; values: unknown[] } {
  const q = kit(provider, spec.tenantId);
  const ctes = [treeCtes(q, spec.tree), indicatorCte(q, spec.indicatorIds), parentFillsCte(q, spec.fromYear), seeksCte(q, spec.points)];
  const sql = `WITH ${ctes.join(",\n")}
${figuresSelect(q, spec)}`;
  return { sql, values: q.values };
}

export interface ReportsSpec {
  tenantId: string;
  year: number;
  month: number;
  /** the indicators a region must fill this month */
  requiredIds: readonly string[];
  /** only these indicators' fills (a dashboard of a few indicators); null: every one */
  indicatorIds?: readonly string[] | null;
}

/**
 * One row per region with fills of (year, month): `subm` and `ret` list the required
 * indicators submitted/approved and returned, `last` is the latest submittedAt of the former
 * (ISO text); `appr` and `pend` list every indicator approved and submitted but not yet
 * approved (the figures' states, lib/metrics/states.ts).
 */
export function reportsSql(provider: SqlProvider, spec: ReportsSpec): { sql: string; values: unknown[] } {
  const { p, values, pg, t, agg } = kit(provider, spec.tenantId);
  // built where used, in text order (SQLite's placeholders are positional)
  const required = () => (spec.requiredIds.length ? `f."indicatorId" IN (${spec.requiredIds.map((id, k) => p(`r${k}`, id)).join(", ")})` : "1 = 0");
  const submitted = () => `${required()} AND f.status IN ${COUNTED}`;
  const only = () => (spec.indicatorIds ? ` AND f."indicatorId" IN (${spec.indicatorIds.map((id, k) => p(`o${k}`, id)).join(", ") || "NULL"})` : "");
  const at = pg ? `to_char(f."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `f."submittedAt"`;
  const sql = `SELECT f."regionId" AS "regionId",
  ${agg(`CASE WHEN ${submitted()} THEN f."indicatorId" END`)} AS subm,
  ${agg(`CASE WHEN ${required()} AND f.status = 'RETURNED' THEN f."indicatorId" END`)} AS ret,
  MAX(CASE WHEN ${submitted()} THEN ${at} END) AS last,
  ${agg(`CASE WHEN f.status = 'APPROVED' THEN f."indicatorId" END`)} AS appr,
  ${agg(`CASE WHEN f.status = 'SUBMITTED' THEN f."indicatorId" END`)} AS pend
FROM "Fill" f
WHERE f."tenantId" = ${t()} AND f.year = ${p("cy", spec.year)} AND f.month = ${p("cm", spec.month)}${only()}
GROUP BY f."regionId"`;
  return { sql, values };
}
