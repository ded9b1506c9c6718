/**
 * Synthetic benchmark tenants, built FAST into a migrated database with the raw drivers
 * (better-sqlite3 prepared statements in one transaction; pg multi-row inserts via
 * unnest() in batches of 20k rows, in one transaction) — never Prisma row by row.
 *
 * Scales (config.ts):
 * - province: 1 province → 14 cities → 115 counties (130 regions), 2023–2025 (36 months);
 * - national: 1 nation → 31 provinces → 330 cities → 2,482 counties (2,844), 2024–2025 (24 months).
 * 16 indicators (8 CUMULATIVE, 4 STOCK, 2 INCREMENT, 2 RATIO — the demo catalogue minus two),
 * annual targets for every region × indicator × year, monthly fills for every county
 * (leaf) × non-RATIO indicator × month. Deterministic: a seeded PRNG (prisma/seed/figures.ts).
 *
 * Fill statuses: APPROVED up to two months before the end, then SUBMITTED; in the last
 * month ~2 % of the county × indicator fills are still DRAFT (so the dashboards carry the
 * previous month forward). submittedAt in the first days of the next month.
 *
 * Cache: a database that already holds the scale's tenant (slug `bench-<scale>`, name
 * carrying BUILD_VERSION) is reused; `rebuild` forces a fresh one.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { INDICATORS, type IndicatorDef as CatalogueIndicator } from "../prisma/seed/catalogue";
import { prng } from "../prisma/seed/figures";
import { prisma } from "../scripts/prisma-cli";
import {
  BENCH_TMP,
  BUILD_VERSION,
  SCALE_DEFS,
  databaseUrlFor,
  pgAdminUrl,
  pgDatabaseName,
  pgUrlFor,
  sqliteFile,
  type Provider,
  type Scale,
  type ScaleName,
} from "./config";

// ------------------------------------------------------------------ data model (columnar)

type ColType = "text" | "int" | "bigint" | "bool" | "timestamp" | `enum:${string}`;

interface Column {
  name: string;
  type: ColType;
  /** one value per row … */
  values?: unknown[];
  /** … or the same value for every row */
  constant?: unknown;
}

interface TableData {
  table: string;
  rows: number;
  columns: Column[];
}

export interface SyntheticTenant {
  scale: Scale;
  tenantId: string;
  tables: TableData[];
  counts: { regions: number; leaves: number; indicators: number; targets: number; fills: number };
}

const BENCH_CODES_DROPPED = new Set(["FOREIGN_EXPERT", "PUBLICITY"]);
/** The 16 indicators: the demo catalogue without two CUMULATIVE ones. */
export const BENCH_INDICATORS: CatalogueIndicator[] = INDICATORS.filter((i) => !BENCH_CODES_DROPPED.has(i.code));

const STORED = 1_000_000;
const SEASONAL_WEIGHTS = [5, 5, 8, 8, 8, 10, 7, 7, 9, 9, 10, 14];
const SEASONAL_SHAPE = (() => {
  const total = SEASONAL_WEIGHTS.reduce((a, b) => a + b, 0);
  let run = 0;
  return SEASONAL_WEIGHTS.map((w) => (run += w) / total);
})();

function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join("|")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** China-time wall clock → epoch ms. */
function chinaTime(year: number, month: number, day: number, hour: number, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour - 8, minute);
}

interface RegionNode {
  id: string;
  code: string;
  name: string;
  level: string;
  parent: number;
  sortOrder: number;
  depth: number;
  children: number[];
  scale: number;
  pace: number[];
}

/** Splits `total` items over `groups` as evenly as possible (the first groups get one more). */
function spread(total: number, groups: number): number[] {
  const base = Math.floor(total / groups);
  const extra = total % groups;
  return Array.from({ length: groups }, (_, i) => base + (i < extra ? 1 : 0));
}

function buildTree(scale: Scale, rand: () => number): RegionNode[] {
  const nodes: RegionNode[] = [];
  const years = scale.years.length;
  const add = (code: string, name: string, level: string, parent: number, sortOrder: number): number => {
    // economic size: log-normal-ish around 1 (0.3 … 3.5); pace per year around 1
    const g = (rand() + rand() + rand() - 1.5) * 1.2;
    const regionScale = Math.min(3.5, Math.max(0.3, Math.exp(g * 0.6)));
    const basePace = 0.8 + rand() * 0.35;
    nodes.push({
      id: `r${String(nodes.length).padStart(6, "0")}`,
      code,
      name,
      level,
      parent,
      sortOrder,
      depth: parent < 0 ? 0 : nodes[parent].depth + 1,
      children: [],
      scale: regionScale,
      pace: Array.from({ length: years }, () => basePace + (rand() - 0.5) * 0.12),
    });
    const index = nodes.length - 1;
    if (parent >= 0) nodes[parent].children.push(index);
    return index;
  };
  const pad2 = (n: number) => String(n).padStart(2, "0");
  if (scale.level2 === 0) {
    // province → cities → counties, codes 43CC00 / 43CCNN
    const root = add("430000", "基准省", "PROVINCE", -1, 0);
    const perCity = spread(scale.leaves, scale.level1);
    for (let c = 0; c < scale.level1; c++) {
      const cc = pad2(c + 1);
      const city = add(`43${cc}00`, `第${c + 1}市`, "PREFECTURE", root, c + 1);
      for (let k = 0; k < perCity[c]; k++) add(`43${cc}${pad2(k + 1)}`, `第${c + 1}市第${k + 1}县`, "COUNTY", city, k + 1);
    }
  } else {
    // nation → provinces → cities → counties, codes PP0000 / PPCC00 / PPCCNN
    const root = add("000000", "全国", "PROVINCE", -1, 0);
    const citiesPer = spread(scale.level2, scale.level1);
    const countiesPer = spread(scale.leaves, scale.level2);
    let cityNo = 0;
    for (let p = 0; p < scale.level1; p++) {
      const pp = pad2(11 + p);
      const prov = add(`${pp}0000`, `第${p + 1}省`, "PROVINCE", root, p + 1);
      for (let c = 0; c < citiesPer[p]; c++) {
        const cc = pad2(c + 1);
        const city = add(`${pp}${cc}00`, `第${p + 1}省第${c + 1}市`, "PREFECTURE", prov, c + 1);
        for (let k = 0; k < countiesPer[cityNo]; k++) {
          add(`${pp}${cc}${pad2(k + 1)}`, `第${p + 1}省第${c + 1}市第${k + 1}县`, "COUNTY", city, k + 1);
        }
        cityNo++;
      }
    }
  }
  return nodes;
}

/**
 * Targets and 12 monthly values per year for one (county, indicator) in integer units of
 * 10^-precision — the number version of prisma/seed/figures.ts `generateSeries`.
 */
function series(node: RegionNode, ind: CatalogueIndicator, years: number, rand: () => number) {
  const gen = ind.gen!;
  const unit = 10 ** ind.precision;
  const scale = gen.scaled === false ? 1 : node.scale;
  const jitter = (s: number) => 1 + (rand() * 2 - 1) * s;
  const curve = ind.curve?.map(Number);
  const shape = (m: number) => (curve ? curve[m - 1] : ind.kind === "CUMULATIVE" ? SEASONAL_SHAPE[m - 1] : m / 12);
  let level = gen.opening ? Math.round(Number(gen.opening) * scale * jitter(0.15) * unit) : 0;
  let base = Number(gen.base) * scale * jitter(0.12) * unit;
  const out: { target: number; months: number[] }[] = [];
  for (let y = 0; y < years; y++) {
    const pace = node.pace[y] * jitter(0.07);
    const rise = base === 0 ? 0 : Math.max(Math.round(base), 1);
    const months: number[] = [];
    let target: number;
    if (ind.kind === "CUMULATIVE") {
      target = Math.round(base);
      let previous = 0;
      for (let m = 1; m <= 12; m++) {
        previous = Math.max(previous, Math.round(target * pace * shape(m) * jitter(0.03)));
        months.push(previous);
      }
    } else {
      const opening = level;
      target = ind.kind === "STOCK" ? opening + rise : rise;
      let previous = opening;
      for (let m = 1; m <= 12; m++) {
        previous = Math.max(previous, Math.round(opening + rise * pace * shape(m)));
        months.push(previous);
      }
      level = months[11];
    }
    out.push({ target, months });
    base *= 1.06 + rand() * 0.09;
  }
  return out;
}

/** Generates the whole tenant in memory (columnar, ready for either driver). */
export function generateTenant(scaleName: ScaleName): SyntheticTenant {
  const scale = SCALE_DEFS[scaleName];
  const tenantId = `t-${scale.slug}`;
  const years = scale.years;
  const nYears = years.length;
  const lastYear = years[nYears - 1];
  const rand = prng(hash("tree", scale.slug));
  const nodes = buildTree(scale, rand);
  const now = Date.UTC(lastYear + 1, 0, 15);

  // ---- tenant, settings, tiers
  const tables: TableData[] = [];
  const one = (table: string, cols: Record<string, [ColType, unknown]>): TableData => ({
    table,
    rows: 1,
    columns: Object.entries(cols).map(([name, [type, v]]) => ({ name, type, values: [v] })),
  });
  tables.push(one("Tenant", { id: ["text", tenantId], slug: ["text", scale.slug], name: ["text", tenantName(scale)], active: ["bool", true], createdAt: ["timestamp", now] }));
  tables.push(
    one("TenantSettings", {
      tenantId: ["text", tenantId], deadlineDay: ["int", 5], behindGap: ["bigint", 0], seriousGap: ["bigint", -10 * STORED],
      fullMarks: ["bigint", 100 * STORED], bonusPerPercent: ["bigint", 0.1 * STORED], bonusCap: ["bigint", 4 * STORED], updatedAt: ["timestamp", now],
      // the bare query ranks every unit on its leaves' latest figures (carried forward), so
      // the synthetic tenants choose that ranking rule: app and bare rank the same units
      rankUnreported: ["bool", true],
    }),
  );
  tables.push({
    table: "ScoreTier",
    rows: 3,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "id", type: "text", values: ["tier-a", "tier-b", "tier-c"] },
      { name: "label", type: "text", values: ["A", "B", "C"] },
      { name: "minScore", type: "bigint", values: [80 * STORED, 60 * STORED, 0] },
      { name: "sortOrder", type: "int", values: [1, 2, 3] },
    ],
  });

  // ---- regions (parents before children)
  tables.push({
    table: "Region",
    rows: nodes.length,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "id", type: "text", values: nodes.map((n) => n.id) },
      { name: "code", type: "text", values: nodes.map((n) => n.code) },
      { name: "name", type: "text", values: nodes.map((n) => n.name) },
      { name: "level", type: "enum:RegionLevel", values: nodes.map((n) => n.level) },
      { name: "parentId", type: "text", values: nodes.map((n) => (n.parent < 0 ? null : nodes[n.parent].id)) },
      { name: "sortOrder", type: "int", values: nodes.map((n) => n.sortOrder) },
      { name: "active", type: "bool", constant: true },
      { name: "createdAt", type: "timestamp", constant: now },
    ],
  });

  // ---- indicators (ratio parts before the ratios) and curves
  const indicatorId = new Map(BENCH_INDICATORS.map((ind, k) => [ind.code, `i${String(k + 1).padStart(2, "0")}`]));
  const ordered = [...BENCH_INDICATORS.filter((i) => i.kind !== "RATIO"), ...BENCH_INDICATORS.filter((i) => i.kind === "RATIO")];
  const sortOrderOf = new Map(BENCH_INDICATORS.map((ind, k) => [ind.code, k + 1]));
  tables.push({
    table: "Indicator",
    rows: ordered.length,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "id", type: "text", values: ordered.map((i) => indicatorId.get(i.code)) },
      { name: "code", type: "text", values: ordered.map((i) => i.code) },
      { name: "name", type: "text", values: ordered.map((i) => i.name) },
      { name: "unit", type: "text", values: ordered.map((i) => i.unit) },
      { name: "definition", type: "text", values: ordered.map((i) => i.definition) },
      { name: "kind", type: "enum:IndicatorKind", values: ordered.map((i) => i.kind) },
      { name: "direction", type: "enum:Direction", values: ordered.map((i) => i.direction ?? "HIGHER_IS_BETTER") },
      { name: "precision", type: "int", values: ordered.map((i) => i.precision) },
      { name: "weight", type: "bigint", values: ordered.map((i) => Math.round(Number(i.weight) * STORED)) },
      { name: "frequency", type: "enum:Frequency", values: ordered.map((i) => i.frequency ?? "MONTHLY") },
      { name: "numeratorId", type: "text", values: ordered.map((i) => (i.numerator ? indicatorId.get(i.numerator) : null)) },
      { name: "denominatorId", type: "text", values: ordered.map((i) => (i.denominator ? indicatorId.get(i.denominator) : null)) },
      { name: "ratioFactor", type: "bigint", values: ordered.map((i) => (i.ratioFactor ? Math.round(Number(i.ratioFactor) * STORED) : null)) },
      { name: "sortOrder", type: "int", values: ordered.map((i) => sortOrderOf.get(i.code)) },
      { name: "active", type: "bool", constant: true },
      { name: "createdAt", type: "timestamp", constant: now },
      { name: "updatedAt", type: "timestamp", constant: now },
    ],
  });
  const curved = BENCH_INDICATORS.filter((i) => i.curve);
  tables.push({
    table: "IndicatorCurvePoint",
    rows: curved.length * 12,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "indicatorId", type: "text", values: curved.flatMap((i) => Array(12).fill(indicatorId.get(i.code))) },
      { name: "month", type: "int", values: curved.flatMap(() => Array.from({ length: 12 }, (_, m) => m + 1)) },
      { name: "share", type: "bigint", values: curved.flatMap((i) => i.curve!.map((s) => Math.round(Number(s) * STORED))) },
    ],
  });

  // ---- figures: county series, parent targets summed bottom-up
  const additive = BENCH_INDICATORS.filter((i) => i.kind !== "RATIO");
  const nAdd = additive.length;
  const leaves = nodes.map((n, k) => (n.children.length === 0 ? k : -1)).filter((k) => k >= 0);
  // targets in integer units of 10^-precision, [node][indicator][year]
  const targetUnits = new Float64Array(nodes.length * nAdd * nYears);
  const tIndex = (node: number, ind: number, y: number) => (node * nAdd + ind) * nYears + y;

  const nFills = leaves.length * nAdd * nYears * 12;
  const f = {
    id: new Array<string>(nFills),
    regionId: new Array<string>(nFills),
    indicatorId: new Array<string>(nFills),
    year: new Array<number>(nFills),
    month: new Array<number>(nFills),
    value: new Array<number>(nFills),
    status: new Array<string>(nFills),
    submittedAt: new Array<number | null>(nFills),
    reviewedAt: new Array<number | null>(nFills),
    createdAt: new Array<number>(nFills),
    updatedAt: new Array<number>(nFills),
  };
  let n = 0;
  for (const leaf of leaves) {
    const node = nodes[leaf];
    const statusRand = prng(hash("status", scale.slug, node.code));
    // a county reports at its own rhythm: day 1–4 usually, a few late ones day 6–9
    const late = statusRand() < 0.08;
    for (let a = 0; a < nAdd; a++) {
      const ind = additive[a];
      const iid = indicatorId.get(ind.code)!;
      const toStoredFactor = 10 ** (6 - ind.precision);
      const rand2 = prng(hash(scale.slug, node.code, ind.gen?.levelOf ?? ind.code));
      const s = series(node, ind, nYears, rand2);
      for (let y = 0; y < nYears; y++) {
        targetUnits[tIndex(leaf, a, y)] = s[y].target;
        const year = years[y];
        for (let month = 1; month <= 12; month++) {
          const ny = month === 12 ? year + 1 : year;
          const nm = month === 12 ? 1 : month + 1;
          const day = late ? 6 + Math.floor(statusRand() * 4) : 1 + Math.floor(statusRand() * 4);
          const submitted = chinaTime(ny, nm, day, 9 + Math.floor(statusRand() * 9), Math.floor(statusRand() * 60));
          const recent = year === lastYear && month >= 11;
          const draft = year === lastYear && month === 12 && statusRand() < 0.02;
          f.id[n] = `f${n.toString(36)}`;
          f.regionId[n] = node.id;
          f.indicatorId[n] = iid;
          f.year[n] = year;
          f.month[n] = month;
          f.value[n] = s[y].months[month - 1] * toStoredFactor;
          f.status[n] = draft ? "DRAFT" : recent ? "SUBMITTED" : "APPROVED";
          f.submittedAt[n] = draft ? null : submitted;
          f.reviewedAt[n] = draft || recent ? null : submitted + 5 * 86_400_000;
          f.createdAt[n] = submitted - 86_400_000;
          f.updatedAt[n] = f.reviewedAt[n] ?? submitted;
          n++;
        }
      }
    }
  }
  // parents: their own target from above, a little below the sum of their children's (STOCK: the sum)
  const byDepth = nodes.map((_, k) => k).sort((p, q) => nodes[q].depth - nodes[p].depth);
  for (const k of byDepth) {
    const node = nodes[k];
    if (node.children.length === 0) continue;
    for (let a = 0; a < nAdd; a++) {
      const factor = additive[a].kind === "STOCK" ? 1 : 0.98;
      for (let y = 0; y < nYears; y++) {
        let total = 0;
        for (const c of node.children) total += targetUnits[tIndex(c, a, y)];
        targetUnits[tIndex(k, a, y)] = Math.round(total * factor);
      }
    }
  }
  const t = { id: [] as string[], regionId: [] as string[], indicatorId: [] as string[], year: [] as number[], value: [] as number[] };
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k];
    for (let a = 0; a < nAdd; a++) {
      const factor = 10 ** (6 - additive[a].precision);
      for (let y = 0; y < nYears; y++) {
        t.id.push(`t${t.id.length.toString(36)}`);
        t.regionId.push(node.id);
        t.indicatorId.push(indicatorId.get(additive[a].code)!);
        t.year.push(years[y]);
        t.value.push(targetUnits[tIndex(k, a, y)] * factor);
      }
    }
    for (const ratio of BENCH_INDICATORS.filter((i) => i.kind === "RATIO")) {
      const leaf = node.children.length === 0;
      const baseTarget = leaf
        ? Number(ratio.ratioTarget!.county) + (node.scale - 1) * 0.15
        : Number(ratio.ratioTarget!.city);
      for (let y = 0; y < nYears; y++) {
        t.id.push(`t${t.id.length.toString(36)}`);
        t.regionId.push(node.id);
        t.indicatorId.push(indicatorId.get(ratio.code)!);
        t.year.push(years[y]);
        t.value.push(Math.round((baseTarget + 0.1 * y) * 100) * 10_000);
      }
    }
  }
  tables.push({
    table: "Target",
    rows: t.id.length,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "id", type: "text", values: t.id },
      { name: "regionId", type: "text", values: t.regionId },
      { name: "indicatorId", type: "text", values: t.indicatorId },
      { name: "year", type: "int", values: t.year },
      { name: "value", type: "bigint", values: t.value },
      { name: "createdAt", type: "timestamp", constant: now },
      { name: "updatedAt", type: "timestamp", constant: now },
    ],
  });
  tables.push({
    table: "Fill",
    rows: nFills,
    columns: [
      { name: "tenantId", type: "text", constant: tenantId },
      { name: "id", type: "text", values: f.id },
      { name: "regionId", type: "text", values: f.regionId },
      { name: "indicatorId", type: "text", values: f.indicatorId },
      { name: "year", type: "int", values: f.year },
      { name: "month", type: "int", values: f.month },
      { name: "value", type: "bigint", values: f.value },
      { name: "status", type: "enum:FillStatus", values: f.status },
      { name: "submittedAt", type: "timestamp", values: f.submittedAt },
      { name: "reviewedAt", type: "timestamp", values: f.reviewedAt },
      { name: "createdAt", type: "timestamp", values: f.createdAt },
      { name: "updatedAt", type: "timestamp", values: f.updatedAt },
    ],
  });
  return {
    scale,
    tenantId,
    tables,
    counts: { regions: nodes.length, leaves: leaves.length, indicators: BENCH_INDICATORS.length, targets: t.id.length, fills: nFills },
  };
}

function tenantName(scale: Scale): string {
  return `Bench ${scale.name} v${BUILD_VERSION}`;
}

// ------------------------------------------------------------------ loading

const BATCH_ROWS = 20_000;

function sqliteValue(type: ColType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === "bool") return v ? 1 : 0;
  if (type === "timestamp") return new Date(v as number).toISOString().replace("Z", "+00:00");
  return v;
}

function pgValue(type: ColType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  // timestamp(3) without time zone holds UTC wall-clock time, as Prisma writes it
  if (type === "timestamp") return new Date(v as number).toISOString().slice(0, 23).replace("T", " ");
  if (type === "bigint") return String(v);
  return v;
}

function pgArrayType(type: ColType): string {
  if (type.startsWith("enum:")) return `"${type.slice(5)}"[]`;
  if (type === "timestamp") return "timestamp(3)[]";
  if (type === "bool") return "boolean[]";
  if (type === "int") return "int[]";
  if (type === "bigint") return "bigint[]";
  return "text[]";
}

function pgScalarType(type: ColType): string {
  return pgArrayType(type).slice(0, -2);
}

function loadSqlite(file: string, data: SyntheticTenant, progress: (msg: string) => void): void {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.pragma("foreign_keys = OFF");
    db.pragma("cache_size = -200000");
    db.transaction(() => {
      for (const t of data.tables) {
        const names = t.columns.map((c) => `"${c.name}"`).join(", ");
        const stmt = db.prepare(`INSERT INTO "${t.table}" (${names}) VALUES (${t.columns.map(() => "?").join(", ")})`);
        const consts = t.columns.map((c) => sqliteValue(c.type, c.constant));
        const row = new Array<unknown>(t.columns.length);
        for (let i = 0; i < t.rows; i++) {
          for (let c = 0; c < t.columns.length; c++) {
            const col = t.columns[c];
            row[c] = col.values ? sqliteValue(col.type, col.values[i]) : consts[c];
          }
          stmt.run(row);
          if (t.rows >= 100_000 && (i + 1) % 200_000 === 0) progress(`  ${t.table}: ${i + 1}/${t.rows}`);
        }
      }
    })();
    db.exec("ANALYZE");
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
}

async function loadPostgres(url: string, data: SyntheticTenant, progress: (msg: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("BEGIN");
    // bulk load: skip the foreign-key triggers (needs a superuser; the data is consistent by construction)
    try {
      await client.query("SAVEPOINT fk");
      await client.query("SET LOCAL session_replication_role = replica");
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT fk");
    }
    for (const t of data.tables) {
      const varying = t.columns.filter((c) => c.values);
      const constant = t.columns.filter((c) => !c.values);
      const names = [...varying, ...constant].map((c) => `"${c.name}"`).join(", ");
      const arrays = varying.map((c, k) => `$${k + 1}::${pgArrayType(c.type)}`).join(", ");
      const consts = constant.map((c, k) => `$${varying.length + k + 1}::${pgScalarType(c.type)}`);
      const sql = `INSERT INTO "${t.table}" (${names}) SELECT u.*${consts.map((c) => `, ${c}`).join("")} FROM unnest(${arrays}) AS u`;
      for (let start = 0; start < t.rows; start += BATCH_ROWS) {
        const end = Math.min(t.rows, start + BATCH_ROWS);
        const params: unknown[] = varying.map((c) => c.values!.slice(start, end).map((v) => pgValue(c.type, v)));
        for (const c of constant) params.push(pgValue(c.type, c.constant));
        await client.query(sql, params);
        if (t.rows >= 100_000 && (end % 200_000 < BATCH_ROWS || end === t.rows)) progress(`  ${t.table}: ${end}/${t.rows}`);
      }
    }
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ cache + build

export interface BuildReport {
  provider: Provider;
  scale: ScaleName;
  url: string;
  tenantId: string;
  reused: boolean;
  /** generation + load + analyze, ms (0 when reused) */
  buildMs: number;
  migrateMs: number;
  generateMs: number;
  loadMs: number;
  rows: { regions: number; indicators: number; targets: number; fills: number; total: number };
}

async function pgAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether the PostgreSQL admin server answers; the error message when not. */
export async function postgresReachable(): Promise<string | null> {
  try {
    await pgAdmin((c) => c.query("SELECT 1"));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.constructor.name : String(error);
  }
}

interface Counted {
  tenantId: string;
  regions: number;
  indicators: number;
  targets: number;
  fills: number;
}

const COUNT_SQL = `SELECT t.id AS "tenantId", t.name AS name,
  (SELECT COUNT(*) FROM "Region" WHERE "tenantId" = t.id) AS regions,
  (SELECT COUNT(*) FROM "Indicator" WHERE "tenantId" = t.id) AS indicators,
  (SELECT COUNT(*) FROM "Target" WHERE "tenantId" = t.id) AS targets,
  (SELECT COUNT(*) FROM "Fill" WHERE "tenantId" = t.id) AS fills
FROM "Tenant" t WHERE t.slug = `;

function countedOf(row: Record<string, unknown> | undefined, scale: Scale): Counted | null {
  if (!row || row.name !== tenantName(scale)) return null;
  return {
    tenantId: String(row.tenantId),
    regions: Number(row.regions),
    indicators: Number(row.indicators),
    targets: Number(row.targets),
    fills: Number(row.fills),
  };
}

function existingSqlite(file: string, scale: Scale): Counted | null {
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return countedOf(db.prepare(`${COUNT_SQL}?`).get(scale.slug) as Record<string, unknown> | undefined, scale);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

async function existingPostgres(url: string, database: string, scale: Scale): Promise<Counted | null> {
  const exists = await pgAdmin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]));
  if (exists.rowCount === 0) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`${COUNT_SQL}$1`, [scale.slug]);
    return countedOf(rows[0], scale);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

function report(provider: Provider, scale: Scale, url: string, c: Counted, times: Partial<BuildReport> & { reused: boolean }): BuildReport {
  return {
    provider,
    scale: scale.name,
    url,
    tenantId: c.tenantId,
    buildMs: 0,
    migrateMs: 0,
    generateMs: 0,
    loadMs: 0,
    ...times,
    rows: { regions: c.regions, indicators: c.indicators, targets: c.targets, fills: c.fills, total: c.regions + c.indicators + c.targets + c.fills },
  };
}

let generated: { name: ScaleName; data: SyntheticTenant; ms: number } | null = null;

function generateCached(name: ScaleName): { data: SyntheticTenant; ms: number; fresh: boolean } {
  if (generated?.name === name) return { data: generated.data, ms: generated.ms, fresh: false };
  generated = null; // free the other scale first
  const t0 = performance.now();
  const data = generateTenant(name);
  generated = { name, data, ms: performance.now() - t0 };
  return { data, ms: generated.ms, fresh: true };
}

/** Releases the in-memory generated tenant (the harness calls this between scales). */
export function forgetGenerated(): void {
  generated = null;
}

/**
 * Makes sure the scale's tenant exists in the provider's bench database (reusing a cached
 * one unless `rebuild`) and reports its size and how long building took.
 */
export async function ensureTenant(
  provider: Provider,
  scaleName: ScaleName,
  opts: { rebuild?: boolean; progress?: (msg: string) => void } = {},
): Promise<BuildReport> {
  const scale = SCALE_DEFS[scaleName];
  const progress = opts.progress ?? (() => {});
  const url = databaseUrlFor(provider, scaleName);

  if (provider === "sqlite") {
    const file = sqliteFile(scaleName);
    const cached = opts.rebuild ? null : existingSqlite(file, scale);
    if (cached) return report(provider, scale, url, cached, { reused: true });
    fs.mkdirSync(BENCH_TMP, { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
    const t0 = performance.now();
    prisma("sqlite", ["migrate", "deploy"], url, { quiet: true });
    const migrateMs = performance.now() - t0;
    const gen = generateCached(scaleName);
    progress(`  generated ${gen.data.counts.fills.toLocaleString("en")} fills in ${(gen.ms / 1000).toFixed(1)} s${gen.fresh ? "" : " (reused)"}`);
    const t1 = performance.now();
    loadSqlite(file, gen.data, progress);
    const loadMs = performance.now() - t1;
    const counted = existingSqlite(file, scale);
    if (!counted) throw new Error(`building ${file} left no tenant ${scale.slug}`);
    return report(provider, scale, url, counted, { reused: false, migrateMs, generateMs: gen.ms, loadMs, buildMs: migrateMs + gen.ms + loadMs });
  }

  const database = pgDatabaseName(scaleName);
  const cached = opts.rebuild ? null : await existingPostgres(url, database, scale);
  if (cached) return report(provider, scale, url, cached, { reused: true });
  const t0 = performance.now();
  await pgAdmin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${database}"`);
  });
  prisma("postgresql", ["migrate", "deploy"], pgUrlFor(database), { quiet: true });
  const migrateMs = performance.now() - t0;
  const gen = generateCached(scaleName);
  progress(`  generated ${gen.data.counts.fills.toLocaleString("en")} fills in ${(gen.ms / 1000).toFixed(1)} s${gen.fresh ? "" : " (reused)"}`);
  const t1 = performance.now();
  await loadPostgres(url, gen.data, progress);
  const loadMs = performance.now() - t1;
  const counted = await existingPostgres(url, database, scale);
  if (!counted) throw new Error(`building ${database} left no tenant ${scale.slug}`);
  return report(provider, scale, url, counted, { reused: false, migrateMs, generateMs: gen.ms, loadMs, buildMs: migrateMs + gen.ms + loadMs });
}

// `npx tsx bench/synthetic.ts <provider> <scale> [--rebuild]` builds one database on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [provider = "sqlite", scale = "province"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  ensureTenant(provider as Provider, scale as ScaleName, { rebuild: process.argv.includes("--rebuild"), progress: (m) => console.log(m) })
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
