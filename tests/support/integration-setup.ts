/**
 * Before each integration test file: a fresh database of its own, copied from the
 * migrated template (SQLite file copy, or PostgreSQL CREATE DATABASE … TEMPLATE), named
 * in DATABASE_URL before any app module is imported. Dropped after the file.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { postgresAdminUrl, postgresUrlFor } from "./paths";

const provider = process.env.TEST_DB_PROVIDER;
const id = `${process.env.VITEST_POOL_ID ?? "0"}_${randomUUID().slice(0, 8)}`;

if (provider === "sqlite") {
  const dir = inject("sqliteRunDir");
  const file = path.join(dir, `test_${id}.db`);
  fs.copyFileSync(path.join(dir, "template.db"), file);
  process.env.DATABASE_URL = `file:${file}`;
  afterAll(() => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  });
} else if (provider === "postgresql") {
  const prefix = inject("pgRunPrefix");
  const database = `${prefix}_${id}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${prefix}_template"`);
  await admin.end();
  process.env.DATABASE_URL = postgresUrlFor(database);
  afterAll(async () => {
    const c = new pg.Client({ connectionString: postgresAdminUrl() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await c.end();
  });
} else {
  throw new Error("integration tests run through a vitest project that sets TEST_DB_PROVIDER");
}
