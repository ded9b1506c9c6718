/**
 * Reads the schema a database really has (tables, columns, indexes, foreign keys, enums)
 * into one normalised shape for SQLite and PostgreSQL, so tests can compare a migrated
 * database with the model and check the tenancy rules on the real catalog.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl } from "../../lib/db/url";

export interface IndexInfo {
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
}
export interface ForeignKeyInfo {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}
export interface ColumnInfo {
  name: string;
  type: string;
  notNull: boolean;
  default: string | null;
}
export interface TableInfo {
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreignKeys: ForeignKeyInfo[];
}
export interface Catalog {
  tables: Record<string, TableInfo>;
  enums: Record<string, string[]>;
}

const IGNORED = new Set(["_prisma_migrations"]);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const fkKey = (f: ForeignKeyInfo) => `${f.refTable}(${f.columns.join(",")})`;

function sqliteCatalog(file: string): Catalog {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables: Record<string, TableInfo> = {};
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of names) {
      if (IGNORED.has(name)) continue;
      const cols = db.prepare(`PRAGMA table_info("${name}")`).all() as {
        name: string; type: string; notnull: number; dflt_value: string | null; pk: number;
      }[];
      const indexes: IndexInfo[] = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string }[]).map(
        (ix) => ({
          name: ix.origin === "pk" ? `${name}_pkey` : ix.name,
          unique: ix.unique === 1,
          primary: ix.origin === "pk",
          columns: (db.prepare(`PRAGMA index_info("${ix.name}")`).all() as { seqno: number; name: string }[])
            .sort((a, b) => a.seqno - b.seqno)
            .map((c) => c.name),
        }),
      );
      const fkRows = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as {
        id: number; seq: number; table: string; from: string; to: string; on_update: string; on_delete: string;
      }[];
      const fks = new Map<number, ForeignKeyInfo>();
      for (const r of fkRows.sort((a, b) => a.id - b.id || a.seq - b.seq)) {
        const fk = fks.get(r.id) ?? { columns: [], refTable: r.table, refColumns: [], onDelete: r.on_delete, onUpdate: r.on_update };
        fk.columns.push(r.from);
        fk.refColumns.push(r.to);
        fks.set(r.id, fk);
      }
      tables[name] = {
        columns: cols.map((c) => ({ name: c.name, type: c.type, notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value })).sort(byName),
        indexes: indexes.sort(byName),
        foreignKeys: [...fks.values()].sort((a, b) => fkKey(a).localeCompare(fkKey(b))),
      };
    }
    return { tables, enums: {} };
  } finally {
    db.close();
  }
}

const FK_ACTION: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

async function postgresCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables: Record<string, TableInfo> = {};
    const table = (name: string) => (tables[name] ??= { columns: [], indexes: [], foreignKeys: [] });
    const cols = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; column_default: string | null }>(
      `SELECT table_name, column_name, udt_name, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, column_name`,
    );
    for (const c of cols.rows) {
      if (IGNORED.has(c.table_name)) continue;
      table(c.table_name).columns.push({ name: c.column_name, type: c.udt_name, notNull: c.is_nullable === "NO", default: c.column_default });
    }
    const idx = await client.query<{ table: string; index: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS index, ix.indisunique AS unique, ix.indisprimary AS primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = current_schema()
        GROUP BY 1, 2, 3, 4`,
    );
    for (const r of idx.rows) {
      if (IGNORED.has(r.table)) continue;
      table(r.table).indexes.push({ name: r.index, unique: r.unique, primary: r.primary, columns: r.columns });
    }
    const fks = await client.query<{ table: string; ref_table: string; columns: string[]; ref_columns: string[]; del: string; upd: string }>(
      `SELECT t.relname AS table, rt.relname AS ref_table, c.confdeltype AS del, c.confupdtype AS upd,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class rt ON rt.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    );
    for (const r of fks.rows) {
      table(r.table).foreignKeys.push({
        columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns,
        onDelete: FK_ACTION[r.del] ?? r.del, onUpdate: FK_ACTION[r.upd] ?? r.upd,
      });
    }
    for (const t of Object.values(tables)) {
      t.columns.sort(byName);
      t.indexes.sort(byName);
      t.foreignKeys.sort((a, b) => fkKey(a).localeCompare(fkKey(b)));
    }
    const enumRows = await client.query<{ name: string; label: string }>(
      `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() ORDER BY t.typname, e.enumsortorder`,
    );
    const enums: Record<string, string[]> = {};
    for (const r of enumRows.rows) (enums[r.name] ??= []).push(r.label);
    return { tables: Object.fromEntries(Object.entries(tables).sort(([a], [b]) => a.localeCompare(b))), enums };
  } finally {
    await client.end();
  }
}

export function readCatalog(url: string): Promise<Catalog> {
  const target = parseDatabaseUrl(url);
  return target.provider === "sqlite" ? Promise.resolve(sqliteCatalog(target.file)) : postgresCatalog(url);
}

/** Runs a multi-statement SQL script (a migration) on the database. */
export async function runScript(url: string, sql: string): Promise<void> {
  const target = parseDatabaseUrl(url);
  if (target.provider === "sqlite") {
    const db = new Database(target.file);
    try {
      db.pragma("foreign_keys = ON");
      db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
