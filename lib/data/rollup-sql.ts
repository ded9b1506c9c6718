/**
 * The roll-up query of the period loader (decision 006): one SQL statement that returns,
 * per child of the root ("unit") × indicator, the sums the metrics engine needs at a few
 * points (year, month) — instead of every fill of 25 months.
 *
 * For every active leaf under a unit (the tree comes from the cached configuration as
 * parameters: RollupTree) and every wanted indicator it finds, with one index
 * seek per point, the leaf's latest counted fill (SUBMITTED/APPROVED) of that year at or
 * before the point's month (carry-forward within a year) — value and month in one integer,
 * value × 16 + month (exact: stored measures stay below 2^59, lib/decimal.ts) — and sums
 * per unit:
 *  - LEVEL at each point: how many leaves have a value, Σ value (exact BIGINT), the
 *    earliest month used, the leaves without a value;
 *  - NET at each "net pair" (level point − baseline point, for STOCK/INCREMENT): the same
 *    over the leaves that have both, plus how many have a level but no baseline.
 * Each row also carries the unit's target of the year and the tenant's configuration
 * version (tenant-config.ts). RATIO indicators get rows for their targets only.
 * The root appears as its own unit with itself as the only leaf: its own latest fills
 * (normally none) decide whether it reports itself. Optionally, per region, its fills of
 * the month (any status) summed up for the completeness board — one range scan of the
 * covering index `Fill (tenantId, year, month, regionId, indicatorId, status, submittedAt)`;
 * the loader keeps the rows of the reporting leaves.
 *
 * Parents below the root that have fills of their own ("report themselves") change the
 * aggregation rule; the query counts such regions (`parentFills`) and the loader then falls
 * back to the full loader.
 *
 * Both providers get the same statement with small spelling differences: SQLite takes
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
  /**
   * Also one row per region with fills of this (year, month) (indicatorId null), summing up
   * those of the required indicators, for completeness: `subm` and `ret` list the
   * submitted/approved and returned ones, `last` is the latest submittedAt of the former.
   */
  completeness: { year: number; month: number; requiredIds: readonly string[] } | null;
  /** Oldest year read (for the parent-fill check). */
  fromYear: number;
}

const COUNTED = "('SUBMITTED', 'APPROVED')";
const STOCKISH = "('STOCK', 'INCREMENT')";

/** A PostgreSQL array literal of texts (built once per configuration, not by the driver per call). */
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

export function rollupSql(provider: SqlProvider, spec: RollupQuerySpec): { sql: string; values: unknown[] } {
  const { p, values } = parameters(provider);
  const pg = provider === "postgresql";
  const t = () => p("tenant", spec.tenantId);
  const agg = (expr: string) => (pg ? `string_agg(${expr}, ',')` : `group_concat(${expr}, ',')`);
  const sumOf = (expr: string) => (pg ? `CAST(SUM(${expr}) AS BIGINT)` : `SUM(${expr})`);
  const onlyIndicators = (column: string) =>
    spec.indicatorIds ? ` AND ${column} IN (${spec.indicatorIds.map((id, k) => p(`i${k}`, id)).join(", ")})` : "";

  // SQLite's `?` are positional: every fragment with parameters is built (called) in text order.
  // The tree comes as parameters, built once per configuration (a JSON array of [leaf, unit]
  // pairs on SQLite, text arrays on PostgreSQL): no recursive walk of the regions per call.
  const leaves = pg
    ? `leaves AS MATERIALIZED (
  SELECT x.id AS id, x.top AS top FROM unnest(CAST(${p("leafIds", textArray(spec.tree.leafIds))} AS text[]), CAST(${p("leafUnitIds", textArray(spec.tree.leafUnitIds))} AS text[])) AS x(id, top)
),
parents AS MATERIALIZED (SELECT unnest(CAST(${p("parentIds", textArray(spec.tree.parentIds))} AS text[])) AS id)`
    : `leaves AS MATERIALIZED (
  SELECT value ->> 0 AS id, value ->> 1 AS top FROM json_each(${p("leaves", JSON.stringify(spec.tree.leafIds.map((id, k) => [id, spec.tree.leafUnitIds[k]])))})
),
parents AS MATERIALIZED (SELECT value AS id FROM json_each(${p("parents", JSON.stringify(spec.tree.parentIds))}))`;
  const ind = `ind AS MATERIALIZED (
  SELECT id, kind FROM "Indicator" WHERE "tenantId" = ${t()} AND active${onlyIndicators("id")}
)`;
  // does a region between the root and the leaves have counted fills of its own? (then the
  // loader falls back to every fill) — one index probe per such region: as a join,
  // PostgreSQL hashed every fill of the tenant's years (11–13 ms at province scale)
  const pf = `pf AS MATERIALIZED (
  SELECT COUNT(*) AS n FROM parents n
  WHERE (SELECT 1 FROM "Fill" f
    WHERE f."tenantId" = ${t()} AND f."regionId" = n.id
      AND f.year >= ${p("fromYear", spec.fromYear)} AND f.status IN ${COUNTED} AND f."indicatorId" IN (SELECT id FROM ind)
    LIMIT 1) IS NOT NULL
)`;
  // the leaf's latest counted fill of the point's year up to its month, as value × 16 + month
  const seek = (k: number, pt: RollupPointSpec) => {
    const sub = `(SELECT f.value * 16 + f.month FROM "Fill" f
      WHERE f."tenantId" = ${t()} AND f."regionId" = l.id AND f."indicatorId" = i.id
        AND f.year = ${p(`y${k}`, pt.year)} AND f.month <= ${p(`m${k}`, pt.month)} AND f.status IN ${COUNTED}
      ORDER BY f.month DESC LIMIT 1)`;
    return `CASE WHEN i.kind IN ${pt.stockOnly ? STOCKISH : "('CUMULATIVE', 'STOCK', 'INCREMENT')"} THEN ${sub} END AS p${k}`;
  };
  const raw = `raw AS MATERIALIZED (
  SELECT l.id AS rid, l.top AS top, i.id AS iid, i.kind AS kind,
    ${spec.points.map((pt, k) => seek(k, pt)).join(",\n    ")}
  FROM leaves l CROSS JOIN ind i
)`;
  const value = (k: number) => `(p${k} >> 4)`;
  const month = (k: number) => `(p${k} & 15)`;
  const both = (a: number, b: number) => `p${a} IS NOT NULL AND p${b} IS NOT NULL`;
  const levelCols = (k: number): [string, string][] => [
    [`COUNT(p${k})`, `n${k}`],
    [sumOf(value(k)), `s${k}`],
    [`MIN(${month(k)})`, `u${k}`],
    [agg(`CASE WHEN p${k} IS NULL THEN rid END`), `m${k}`],
  ];
  const netCols = ({ level: a, base: b }: RollupNetSpec, k: number): [string, string][] => [
    [`COUNT(CASE WHEN ${both(a, b)} THEN 1 END)`, `nn${k}`],
    [sumOf(`CASE WHEN ${both(a, b)} THEN ${value(a)} - ${value(b)} END`), `ns${k}`],
    [`MIN(CASE WHEN ${both(a, b)} THEN ${month(a)} END)`, `nu${k}`],
    [`MIN(CASE WHEN ${both(a, b)} THEN ${month(b)} END)`, `nb${k}`],
    [agg(`CASE WHEN p${a} IS NULL OR p${b} IS NULL THEN rid END`), `nm${k}`],
    [`COUNT(CASE WHEN p${a} IS NOT NULL AND p${b} IS NULL THEN 1 END)`, `nz${k}`],
  ];
  /** [expression, alias] of the figure columns; `flow`: NULL where only STOCK/INCREMENT have values */
  const figureCols = (flow: boolean): [string, string][] => {
    const none = (cols: [string, string][]): [string, string][] => cols.map(([, alias]) => ["NULL", alias]);
    return [
      ...spec.points.flatMap((pt, k) => (flow && pt.stockOnly ? none(levelCols(k)) : levelCols(k))),
      ...spec.nets.flatMap((net, k) => (flow ? none(netCols(net, k)) : netCols(net, k))),
    ];
  };
  const completenessCols = spec.completeness ? ["subm", "ret", "last"] : [];
  // looked up once (a CTE), whichever branches of the query read it
  const parentFills = `(SELECT n FROM pf) AS "parentFills"`;
  const target = () => `(SELECT g.value FROM "Target" g
    WHERE g."tenantId" = ${t()} AND g."regionId" = raw.top AND g."indicatorId" = raw.iid AND g.year = ${p("targetYear", spec.targetYear)}) AS target`;
  const version = () => `(SELECT "configVersion" FROM "Tenant" WHERE id = ${t()}) AS "configVersion"`;

  const select = (flow: boolean, where: string) => `SELECT top AS "regionId", iid AS "indicatorId",
  ${[...figureCols(flow).map(([expr, alias]) => `${expr} AS ${alias}`), ...completenessCols.map((c) => `NULL AS ${c}`)].join(",\n  ")},
  ${parentFills},
  ${target()},
  ${version()}
FROM raw${where} GROUP BY top, iid`;
  // Without net changes every row needs the same columns. With them, the CUMULATIVE and RATIO
  // rows (most of the catalogue) skip the aggregates only STOCK and INCREMENT have values for.
  const figures = spec.nets.length === 0
    ? select(false, "")
    : `${select(true, ` WHERE kind NOT IN ${STOCKISH}`)}
UNION ALL
${select(false, ` WHERE kind IN ${STOCKISH}`)}`;
  const figureAliases = figureCols(false).map(([, alias]) => alias);
  const reports = () => {
    if (!spec.completeness) return "";
    const { year, month, requiredIds } = spec.completeness;
    const submitted = `f.status IN ${COUNTED}`;
    const at = pg ? `to_char(f."submittedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : `f."submittedAt"`;
    const nulls = figureAliases.map((alias) => `NULL AS ${alias}`);
    return `
UNION ALL
SELECT f."regionId" AS "regionId", NULL AS "indicatorId",
  ${nulls.join(", ")},
  ${agg(`CASE WHEN ${submitted} THEN f."indicatorId" END`)} AS subm,
  ${agg(`CASE WHEN f.status = 'RETURNED' THEN f."indicatorId" END`)} AS ret,
  MAX(CASE WHEN ${submitted} THEN ${at} END) AS last,
  NULL AS "parentFills", NULL AS target, NULL AS "configVersion"
FROM "Fill" f
WHERE f."tenantId" = ${t()} AND f.year = ${p("cy", year)} AND f.month = ${p("cm", month)}${
      requiredIds.length ? ` AND f."indicatorId" IN (${requiredIds.map((id, k) => p(`r${k}`, id)).join(", ")})` : " AND 1 = 0"
    }
GROUP BY f."regionId"`;
  };
  const sql = `WITH ${leaves},
${ind},
${pf},
${raw}
${figures}${reports()}`;
  return { sql, values };
}
