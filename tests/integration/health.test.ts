/**
 * GET /api/health for a load balancer: 200 while the database answers and every migration
 * is applied; 503 with the reason for a database that is not migrated or has a migration
 * missing. Runs on SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { createDb } from "../../lib/db/client";
import { databaseHealth } from "../../lib/data/health";
import { emptyDatabase } from "../support/scratch";
import { testDb, testProvider } from "../support/db";

/** A statement's n-th parameter (1-based) in the provider's notation. */
const param = (n: number) => (testProvider() === "postgresql" ? `$${n}` : "?");

describe(`health check (${testProvider()})`, () => {
  it("answers 200 ok without a session, uncached, naming nothing of the data", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 while a migration of the code is not applied", async () => {
    const db = testDb();
    const [last] = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`);
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = ${param(1)}`, last!.id);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "unavailable", database: "migrations pending", pending: 1 });
    } finally {
      const columns = Object.keys(last!);
      await db.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => param(i + 1)).join(", ")})`,
        ...columns.map((c) => last![c]),
      );
      await db.$disconnect();
    }
    expect((await GET()).status).toBe(200);
  });

  it("reports a database without the product's tables as unreachable", async () => {
    const scratch = await emptyDatabase();
    const db = createDb(scratch.url);
    try {
      expect(await databaseHealth(db)).toEqual({ ok: false, problem: "unreachable" });
    } finally {
      await db.$disconnect();
      await scratch.drop();
    }
  });
});
