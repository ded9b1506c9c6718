/**
 * The isolation matrix. Enumerates every server action ("use server" module
 * exports) and every route handler (app/**\/route.ts methods) of the app, fails when one
 * is not covered by a case in tests/integration/isolation/*.cases.ts, then calls each case
 * as every role of tenant A (xiangxi) with the ids of tenant B's (huaihua) rows and of
 * another region's rows, and asserts: a refusal, nothing written (digest of every table),
 * nothing of tenant B in the answer. Runs on SQLite and PostgreSQL.
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", async () => (await import("../support/intl-mock")).intlServerModule);
vi.mock("@/lib/auth/session", async () => (await import("../support/session-mock")).sessionModule);

import { seedDemo } from "../../prisma/seed";
import type { Db } from "../../lib/db/client";
import type { SessionUser } from "../../lib/auth/types";
import { testDb, testProvider } from "../support/db";
import { isNavigationRefusal, sessionUserFor, setSessionUser } from "../support/session-mock";
import type { AttackRole, IsolationCase, RouteCase, TenantRefs } from "../support/isolation";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "lib", "i18n", "components"];

// ------------------------------------------------------------------ enumeration

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return out;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.(test|spec)\.[tj]sx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** The file's text without leading comments and blank lines. */
function stripLeadingComments(text: string): string {
  let s = text;
  for (;;) {
    const before = s;
    s = s.replace(/^\s+/, "");
    if (s.startsWith("//")) s = s.slice(s.indexOf("\n") === -1 ? s.length : s.indexOf("\n"));
    else if (s.startsWith("/*")) s = s.slice(s.indexOf("*/") + 2);
    if (s === before) return s;
  }
}

const DIRECTIVE = /^\s*(["'])use server\1;?\s*$/;

export function hasTopLevelUseServer(text: string): boolean {
  return /^(["'])use server\1/.test(stripLeadingComments(text));
}

/** Lines holding a "use server" directive that is not the file's top-level one. */
export function inlineUseServer(text: string): number[] {
  const top = hasTopLevelUseServer(text);
  const lines = text.split("\n");
  const hits: number[] = [];
  let seenTop = false;
  lines.forEach((line, i) => {
    if (!DIRECTIVE.test(line)) return;
    if (top && !seenTop) {
      seenTop = true;
      return;
    }
    hits.push(i + 1);
  });
  return hits;
}

const toModule = (file: string) => file.replace(/\\/g, "/").replace(/\.(ts|tsx|js|jsx|mjs)$/, "");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

interface Target {
  kind: "action" | "route";
  module: string;
  name: string;
}

async function enumerateTargets(): Promise<{ targets: Target[]; inline: string[] }> {
  const targets: Target[] = [];
  const inline: string[] = [];
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const line of inlineUseServer(text)) inline.push(`${file}:${line}`);
    if (hasTopLevelUseServer(text)) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function") targets.push({ kind: "action", module: toModule(file), name });
      }
    }
    if (file.startsWith("app") && /(^|\/)route\.(ts|js)$/.test(file.replace(/\\/g, "/"))) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof mod[method] === "function") targets.push({ kind: "route", module: toModule(file), name: method });
      }
    }
  }
  return { targets, inline };
}

async function loadCases(): Promise<IsolationCase[]> {
  const dir = path.join(ROOT, "tests/integration/isolation");
  const out: IsolationCase[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".cases.ts")).sort()) {
    const mod = (await import(/* @vite-ignore */ path.join(dir, f))) as { cases?: IsolationCase[] };
    if (!Array.isArray(mod.cases)) throw new Error(`${f} must export cases: IsolationCase[]`);
    out.push(...mod.cases);
  }
  return out;
}

function covers(c: IsolationCase, t: Target): boolean {
  if (c.kind === "exempt") return c.module === t.module;
  if (c.kind === "action") return t.kind === "action" && c.module === t.module && c.exportName === t.name;
  return t.kind === "route" && toModule(c.file) === t.module && c.method === t.name;
}

// ------------------------------------------------------------------ the database

const jsonSafe = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Date ? v.toISOString() : v);

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    testProvider() === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '_prisma%'",
        );
  return rows.map((r) => r.name).sort();
}

interface TableShape {
  name: string;
  /** small tables are hashed row by row; large ones by count and latest timestamps */
  full: boolean;
  stampColumns: string[];
}

const FULL_ROW_LIMIT = 200;

async function tableShapes(db: Db, names: string[]): Promise<TableShape[]> {
  const out: TableShape[] = [];
  for (const name of names) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: bigint | number | string }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
    const columns =
      testProvider() === "sqlite"
        ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name}')`)).map((c) => c.name)
        : (
            await db.$queryRawUnsafe<{ name: string }[]>(
              `SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${name}'`,
            )
          ).map((c) => c.name);
    const stampColumns = columns.filter((c) => /(At|Start|Until)$/.test(c));
    out.push({ name, full: Number(n) <= FULL_ROW_LIMIT, stampColumns });
  }
  return out;
}

/**
 * A digest of the whole database: every row of the small tables (users, memberships,
 * regions, indicators, targets, settings, audit …) and, for the large ones (fills and
 * their audit trail), the row count with the latest of every timestamp column — so a
 * write anywhere changes it.
 */
async function digest(db: Db, tables: TableShape[]): Promise<string> {
  return JSON.stringify(await tableDigests(db, tables));
}

/** The tables whose digest differs between two digests. */
function changedTables(before: string, after: string): string[] {
  const b = JSON.parse(before) as Record<string, string>;
  const a = JSON.parse(after) as Record<string, string>;
  return Object.keys(a).filter((t) => a[t] !== b[t]);
}

async function tableDigests(db: Db, tables: TableShape[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const hash = createHash("sha256");
    if (table.full) {
      const rows =
        testProvider() === "sqlite"
          ? await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table.name}"`)
          : (await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM "${table.name}" t`)).map(
              (r) => JSON.parse(r.j) as Record<string, unknown>,
            );
      const lines = rows.map((r) => JSON.stringify(Object.keys(r).sort().map((k) => [k, r[k]]), jsonSafe)).sort();
      hash.update(`${table.name}:${rows.length}\n${lines.join("\n")}\n`);
    } else {
      const cast = testProvider() === "sqlite" ? "" : "::text";
      const stampsText = table.stampColumns.map((c, i) => `, MAX("${c}")${cast} AS s${i}`).join("");
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT COUNT(*)${cast} AS n${stampsText} FROM "${table.name}"`);
      hash.update(`${table.name}:${JSON.stringify(rows[0], jsonSafe)}\n`);
    }
    out[table.name] = hash.digest("hex");
  }
  return out;
}

async function tenantRefs(db: Db, slug: string, reporterCode: string, otherCode: string): Promise<TenantRefs> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
  const regions = await db.region.findMany({ where: { tenantId: tenant.id }, orderBy: { sortOrder: "asc" } });
  const root = regions.find((r) => r.parentId === null)!;
  const counties = regions.filter((r) => r.parentId !== null);
  const byCode = (code: string) => counties.find((r) => r.code === code)?.id ?? counties[0]!.id;
  const indicators = await db.indicator.findMany({ where: { tenantId: tenant.id } });
  return {
    tenantId: tenant.id,
    slug,
    rootRegionId: root.id,
    regionIds: counties.map((r) => r.id),
    reporterRegionId: byCode(reporterCode),
    otherRegionId: byCode(otherCode),
    indicatorIds: Object.fromEntries(indicators.map((i) => [i.code, i.id])),
  };
}

/** Strings of tenant B that must never appear in an answer to tenant A. */
async function tenantBMarkers(db: Db, b: TenantRefs): Promise<string[]> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: b.tenantId } });
  const regions = await db.region.findMany({ where: { tenantId: b.tenantId } });
  const users = await db.user.findMany({ where: { tenantId: b.tenantId } });
  return [tenant.id, tenant.name, ...regions.flatMap((r) => [r.id, r.name]), ...users.map((u) => u.name)].filter((s) => s.length >= 2);
}

function toFormData(input: Record<string, unknown>): FormData | Record<string, unknown> {
  const primitive = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);
  const flat = Object.values(input).every((v) => primitive(v) || (Array.isArray(v) && v.every(primitive)));
  if (!flat) return input;
  const fd = new FormData();
  for (const [k, v] of Object.entries(input)) {
    for (const item of Array.isArray(v) ? v : [v]) fd.append(k, String(item));
  }
  return fd;
}

// ------------------------------------------------------------------ the test

const DEFAULT_ROLES: AttackRole[] = ["ADMIN", "LEADER", "REPORTER"];
const ACCOUNTS: Record<AttackRole, string> = {
  ADMIN: "xiangxi-admin",
  LEADER: "xiangxi-leader",
  REPORTER: "xiangxi-433125", // 保靖县; the other region is 泸溪县 433122
  PLATFORM_ADMIN: "platform",
};

describe(`isolation matrix (${testProvider()})`, () => {
  let db: Db;
  let a: TenantRefs;
  let b: TenantRefs;
  let users: Record<AttackRole, SessionUser>;

  beforeAll(async () => {
    db = testDb();
    await seedDemo(db);
    a = await tenantRefs(db, "xiangxi", "433125", "433122");
    b = await tenantRefs(db, "huaihua", "431221", "431222");
    users = {
      ADMIN: await sessionUserFor(db, ACCOUNTS.ADMIN),
      LEADER: await sessionUserFor(db, ACCOUNTS.LEADER),
      REPORTER: await sessionUserFor(db, ACCOUNTS.REPORTER),
      PLATFORM_ADMIN: await sessionUserFor(db, ACCOUNTS.PLATFORM_ADMIN),
    };
  }, 180_000);

  it("finds no inline \"use server\" and leaves no action or route handler uncovered", async () => {
    const [{ targets, inline }, cases] = await Promise.all([enumerateTargets(), loadCases()]);
    expect(inline, "inline \"use server\" inside functions: move the action to its own lib/actions/<verb-noun>.ts").toEqual([]);
    expect(targets.length).toBeGreaterThan(0);
    const uncovered = targets.filter((t) => !cases.some((c) => covers(c, t))).map((t) => `${t.kind} ${t.module}#${t.name}`);
    expect(uncovered, "add a case in tests/integration/isolation/<feature>.cases.ts").toEqual([]);
    const stale = cases
      .filter((c) => c.kind !== "exempt")
      .filter((c) => !targets.some((t) => covers(c, t)))
      .map((c) => (c.kind === "action" ? `${c.module}#${c.exportName}` : `${(c as RouteCase).file} ${(c as RouteCase).method}`));
    expect(stale, "cases naming actions or routes that do not exist").toEqual([]);
  }, 120_000);

  it("notices a write: the digest changes when an allowed action writes", async () => {
    const tables = await tableShapes(db, await tableNames(db));
    const before = await digest(db, tables);
    const target = await db.user.findUniqueOrThrow({ where: { account: "xiangxi-433127" } });
    await db.membership.update({ where: { tenantId_userId: { tenantId: a.tenantId, userId: target.id } }, data: { regionId: a.otherRegionId } });
    const changed = await digest(db, tables);
    await db.membership.update({ where: { tenantId_userId: { tenantId: a.tenantId, userId: target.id } }, data: { regionId: target.tenantId ? (await db.region.findFirstOrThrow({ where: { tenantId: a.tenantId, code: "433127" } })).id : "" } });
    expect(changed).not.toBe(before);
    expect(await digest(db, tables)).toBe(before);
    const fill = await db.fill.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    await db.fill.update({ where: { tenantId_id: { tenantId: a.tenantId, id: fill.id } }, data: { note: `${fill.note ?? ""} ` } });
    expect(await digest(db, tables)).not.toBe(before);
  }, 120_000);

  it("refuses every attack of tenant A's roles on tenant B's rows and other regions' rows", async () => {
    const cases = await loadCases();
    const tables = await tableShapes(db, await tableNames(db));
    const markers = await tenantBMarkers(db, b);
    const failures: string[] = [];
    let attempts = 0;
    let before = await digest(db, tables);

    const check = async (label: string, role: AttackRole, outcome: { refused: boolean; text: string }) => {
      attempts++;
      const after = await digest(db, tables);
      if (!outcome.refused) failures.push(`${label} as ${role}: not refused (${outcome.text.slice(0, 200)})`);
      if (after !== before) failures.push(`${label} as ${role}: the database changed (${changedTables(before, after).join(", ")})`);
      const leak = markers.find((m) => outcome.text.includes(m));
      if (leak) failures.push(`${label} as ${role}: the answer contains tenant B's ${JSON.stringify(leak)}`);
      before = after;
    };

    for (const c of cases) {
      if (c.kind === "action") {
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, `${c.module}.ts`))) as Record<string, unknown>;
        const fn = mod[c.exportName] as (prev: unknown, input: unknown) => Promise<unknown>;
        const attacks = await c.attacks({ db, a, b });
        before = await digest(db, tables); // the case may have made rows to attack
        for (const attack of attacks) {
          for (const role of attack.roles ?? DEFAULT_ROLES) {
            setSessionUser(users[role]);
            let outcome: { refused: boolean; text: string };
            try {
              const result = await fn(null, toFormData(attack.input));
              const text = JSON.stringify(result ?? null, jsonSafe);
              outcome = { refused: (result as { ok?: unknown } | null)?.ok === false, text };
            } catch (error) {
              outcome = { refused: isNavigationRefusal(error), text: String(error) };
            }
            await check(`${c.module}#${c.exportName} [${attack.label}]`, role, outcome);
          }
        }
      } else if (c.kind === "route") {
        const mod = (await import(/* @vite-ignore */ path.join(ROOT, c.file))) as Record<string, unknown>;
        const fn = mod[c.method] as (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
        const attacks = await c.attacks({ db, a, b });
        before = await digest(db, tables); // the case may have made rows (e.g. tokens) to attack with
        for (const attack of attacks) {
          for (const role of attack.roles ?? DEFAULT_ROLES) {
            setSessionUser(users[role]);
            let outcome: { refused: boolean; text: string };
            try {
              const res = await fn(attack.request.clone(), { params: Promise.resolve(attack.params) });
              const text = await res.text();
              outcome = { refused: res.status >= 400 && res.status < 500, text: `${res.status} ${text}` };
            } catch (error) {
              outcome = { refused: isNavigationRefusal(error), text: String(error) };
            }
            await check(`${c.file} ${c.method} [${attack.label}]`, role, outcome);
          }
        }
      }
    }
    setSessionUser(null);
    console.log(`isolation matrix (${testProvider()}): ${attempts} attempts, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(attempts).toBeGreaterThanOrEqual(200);
  }, 600_000);
});
