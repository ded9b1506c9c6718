/** Once per run: a migrated PostgreSQL template database that every test file clones. */
import pg from "pg";
import { prisma } from "../../scripts/prisma-cli";
import { PG_TEMPLATE_DB, postgresAdminUrl, postgresUrlFor } from "./paths";

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  await admin(async (c) => {
    // leftovers of an interrupted run
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'sti_test_%'");
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${PG_TEMPLATE_DB}"`);
  });
  prisma("postgresql", ["migrate", "deploy"], postgresUrlFor(PG_TEMPLATE_DB), { quiet: true });
  return async () => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${PG_TEMPLATE_DB}" WITH (FORCE)`));
  };
}
