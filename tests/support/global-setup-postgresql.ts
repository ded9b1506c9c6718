/**
 * Once per run: a migrated PostgreSQL template database that every test file clones.
 * Names carry this run's id (sti_test_<epoch>_<random>_…), so runs on the same server do
 * not disturb each other; databases left by runs that died more than six hours ago are
 * dropped.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prisma } from "../../scripts/prisma-cli";
import { postgresAdminUrl, postgresUrlFor } from "./paths";

const STALE_AFTER_SECONDS = 6 * 3600;

declare module "vitest" {
  export interface ProvidedContext {
    pgRunPrefix: string;
  }
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const now = Math.floor(Date.now() / 1000);
  const prefix = `sti_test_${now}_${randomBytes(3).toString("hex")}`;
  const template = `${prefix}_template`;
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'sti\\_test\\_%'");
    for (const { datname } of rows) {
      const started = Number(datname.split("_")[2]);
      if (Number.isFinite(started) && now - started > STALE_AFTER_SECONDS) {
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    await c.query(`CREATE DATABASE "${template}"`);
  });
  prisma("postgresql", ["migrate", "deploy"], postgresUrlFor(template), { quiet: true });
  project.provide("pgRunPrefix", prefix);
  return async () => {
    await admin(async (c) => {
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}
