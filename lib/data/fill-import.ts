/**
 * The write of a month import (lib/actions/import-fills.ts): every cell checked beforehand,
 * then one short transaction of bulk statements — new cells in multi-row INSERTs, changed
 * cells in multi-row UPDATEs that carry each cell's version, the audit rows in multi-row
 * INSERTs — a few hundred rows per statement. One statement per cell kept the transaction
 * (and on SQLite the file's one writer) open for seconds on a 10,000-row file, and every
 * other save waited that long. All or nothing: a cell changed since the check aborts the
 * whole transaction, as a crash or a kill does before its commit.
 */
import { randomUUID } from "node:crypto";
import { providerOf, type Db } from "../db/client";
import type { Decimal } from "../decimal";
import { toStored } from "../decimal";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Status = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED";

/** One cell an import writes; `existing` is the stored cell as the check read it. */
export interface ImportWrite {
  regionId: string;
  indicatorId: string;
  year: number;
  month: number;
  value: Decimal;
  note: string;
  /** the audit row's reason */
  reason: string;
  existing: { id: string; version: number; value: string; status: string } | null;
}

/** A cell changed (or created) by someone else between the check and the write: nothing is written. */
export class ImportConflict extends Error {
  constructor() {
    super("a cell changed since the check");
    this.name = "ImportConflict";
  }
}

/** Rows per statement: well under both databases' limits on bound values, and short enough (tens of ms) to hold the event loop only briefly. */
const CHUNK = 100;

/**
 * Between two statements: lets timers and other requests run. A statement through the
 * SQLite driver completes synchronously, so without this a whole transaction of them holds
 * the event loop, and every other request of the server waits for it.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < items.length; k += CHUNK) out.push(items.slice(k, k + CHUNK));
  return out;
}

const cellKey = (c: { regionId: string; indicatorId: string; year: number; month: number }) => `${c.regionId}|${c.indicatorId}|${c.year}|${c.month}`;

interface Actor {
  tenantId: string;
  actorId: string | null;
  status: "DRAFT" | "SUBMITTED";
  now: Date;
}

/**
 * The changed cells in multi-row UPDATEs, each row only where its version and status are
 * still those the check read; fewer rows updated than sent means someone saved meanwhile.
 * Prisma has no multi-row update with a value per row, hence the SQL (both dialects).
 */
async function updateCells(tx: Tx, db: Db, a: Actor, rows: ImportWrite[]): Promise<void> {
  const pg = providerOf(db) === "postgresql";
  // updatedAt as Prisma stamps it (the machine's time); submittedAt, only on a submission, the import's clock
  const fixed = [a.tenantId, a.status, a.actorId, new Date(), a.status === "SUBMITTED" ? a.now : null];
  const [tenant, status, actor, updatedAt, submittedAt] = pg ? ["$1", `$2::"FillStatus"`, "$3", "$4::timestamp(3)", "$5::timestamp(3)"] : ["?", "?", "?", "?", "?"];
  for (const part of chunks(rows)) {
    const values = part.flatMap((w) => [w.existing!.id, w.existing!.version, toStored(w.value), w.note]);
    const tuples = part.map((_, k) => (pg ? `($${6 + 4 * k}::text, $${7 + 4 * k}::integer, $${8 + 4 * k}::bigint, $${9 + 4 * k}::text)` : "(?, ?, ?, ?)")).join(", ");
    const v = `(VALUES ${tuples})`;
    const sql = [
      pg ? "" : `WITH v("id", "version", "value", "note") AS ${v}`,
      `UPDATE "Fill" SET "value" = v."value", "note" = v."note", "status" = ${status}, "updatedById" = ${actor}, "updatedAt" = ${updatedAt},`,
      `"submittedAt" = COALESCE(${submittedAt}, "Fill"."submittedAt"), "version" = "Fill"."version" + 1`,
      `FROM ${pg ? `${v} AS v("id", "version", "value", "note")` : "v"}`,
      `WHERE "Fill"."tenantId" = ${tenant} AND "Fill"."id" = v."id" AND "Fill"."version" = v."version" AND "Fill"."status" <> 'APPROVED'`,
    ].join(" ");
    // SQLite binds its "?" in the order they appear: the VALUES come first there
    const params = pg ? [...fixed, ...values] : [...values, fixed[1], fixed[2], fixed[3], fixed[4], fixed[0]];
    const count = await tx.$executeRawUnsafe(sql, ...params);
    if (count !== part.length) throw new ImportConflict();
    await yieldToEventLoop();
  }
}

/** A column of a multi-row INSERT: its name and its PostgreSQL type (parameters go untyped). */
type Column = readonly [name: string, pgType: string];

const FILL_COLUMNS: readonly Column[] = [
  ["tenantId", "text"], ["id", "text"], ["regionId", "text"], ["indicatorId", "text"], ["year", "integer"], ["month", "integer"],
  ["value", "bigint"], ["note", "text"], ["status", `"FillStatus"`], ["createdById", "text"], ["updatedById", "text"],
  ["submittedAt", "timestamp(3)"], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
];
const AUDIT_COLUMNS: readonly Column[] = [
  ["tenantId", "text"], ["id", "text"], ["fillId", "text"], ["action", `"FillAction"`], ["oldValue", "bigint"], ["newValue", "bigint"],
  ["oldStatus", `"FillStatus"`], ["newStatus", `"FillStatus"`], ["actorId", "text"], ["reason", "text"], ["createdAt", "timestamp(3)"],
];

/**
 * Rows in multi-row INSERTs, a chunk per statement. Prisma's createMany spent about 2 ms of
 * CPU per row here (22 s for 10,000 new cells); one statement of bound values costs a few
 * microseconds per row. The timestamps pass through Prisma's driver adapter as Prisma
 * writes them.
 */
async function insertRows(tx: Tx, pg: boolean, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  for (const part of chunks(rows)) {
    const tuples = part.map((_, r) => `(${columns.map(([, type], c) => (pg ? `$${r * columns.length + c + 1}::${type}` : "?")).join(", ")})`).join(", ");
    await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) VALUES ${tuples}`, ...part.flat());
    await yieldToEventLoop();
  }
}

/** A unique-key violation as either database reports it through a raw statement. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { code?: string; message?: string; meta?: { code?: string; message?: string } };
  if (e.code === "P2002" || e.meta?.code === "23505") return true;
  return /UNIQUE constraint failed|duplicate key value/i.test(`${e.message ?? ""} ${e.meta?.message ?? ""}`);
}

/** The new cells; their ids by cell. A cell created meanwhile fails the insert (unique key): ImportConflict. */
async function createCells(tx: Tx, pg: boolean, a: Actor, rows: ImportWrite[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const submittedAt = a.status === "SUBMITTED" ? a.now : null;
  const stamp = new Date();
  const values = rows.map((w) => {
    const id = randomUUID();
    ids.set(cellKey(w), id);
    return [a.tenantId, id, w.regionId, w.indicatorId, w.year, w.month, toStored(w.value), w.note, a.status, a.actorId, a.actorId, submittedAt, stamp, stamp];
  });
  try {
    await insertRows(tx, pg, "Fill", FILL_COLUMNS, values);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ImportConflict();
    throw error;
  }
  return ids;
}

/**
 * Writes the import in one transaction: updates (in one order, by year and cell, so two
 * imports touching the same cells lock them alike and cannot deadlock), inserts, then one
 * audit row per cell (FillAudit IMPORT). Throws ImportConflict, or the unique-key error of
 * a cell created meanwhile, and then nothing is written.
 */
export async function writeImport(db: Db, actor: Actor, writes: ImportWrite[]): Promise<void> {
  const updates = writes.filter((w) => w.existing).sort((x, y) => x.year - y.year || (x.existing!.id < y.existing!.id ? -1 : 1));
  const creates = writes.filter((w) => !w.existing);
  const { tenantId, actorId, status } = actor;
  const pg = providerOf(db) === "postgresql";
  await db.$transaction(
    async (tx) => {
      await updateCells(tx, db, actor, updates);
      const ids = await createCells(tx, pg, actor, creates);
      const at = new Date();
      const audits = writes.map((w) => {
        const old = w.existing;
        return [tenantId, randomUUID(), old ? old.id : ids.get(cellKey(w))!, "IMPORT", old ? toStored(old.value) : null, toStored(w.value), old ? (old.status as Status) : null, status, actorId, w.reason, at];
      });
      await insertRows(tx, pg, "FillAudit", AUDIT_COLUMNS, audits);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
