/** An extra, empty database on the same provider as the test file's, for schema comparisons. */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { postgresAdminUrl, postgresUrlFor } from "./paths";
import { testProvider } from "./db";

export async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const id = randomUUID().slice(0, 8);
  if (testProvider() === "sqlite") {
    const file = path.join(inject("sqliteRunDir"), `scratch_${id}.db`);
    return { url: `file:${file}`, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const database = `${inject("pgRunPrefix")}_scratch_${id}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: postgresAdminUrl() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE "${database}"`);
  return { url: postgresUrlFor(database), drop: () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}
