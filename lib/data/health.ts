/**
 * The health of this instance's database, for the load balancer's check (GET /api/health):
 * reachable, and every migration of the code applied — one small query, no tenant data.
 * The migrations the code expects are the folders under prisma/migrations/<provider>, read
 * once per process. Server only.
 */
import fs from "node:fs";
import path from "node:path";
import { db as processDb, providerOf, type Db, type Provider } from "@/lib/db/client";

export type DatabaseHealth =
  | { ok: true }
  | { ok: false; problem: "unreachable" }
  | { ok: false; problem: "migrationsPending"; pending: number };

const expected = new Map<Provider, string[]>();

function expectedMigrations(provider: Provider): string[] {
  let names = expected.get(provider);
  if (!names) {
    const dir = path.join(process.cwd(), "prisma", "migrations", provider);
    names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expected.set(provider, names);
  }
  return names;
}

export async function databaseHealth(db: Db = processDb): Promise<DatabaseHealth> {
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
  } catch {
    // no connection, or no migrated database behind it
    return { ok: false, problem: "unreachable" };
  }
  const done = new Set(applied.map((r) => r.migration_name));
  const pending = expectedMigrations(providerOf(db)).filter((name) => !done.has(name)).length;
  return pending === 0 ? { ok: true } : { ok: false, problem: "migrationsPending", pending };
}
