import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** Scratch space of the test run (git-ignored). */
export const TEST_TMP = path.join(ROOT, ".tmp", "test");

/** The admin connection for PostgreSQL tests, e.g. postgresql://postgres@127.0.0.1:5432/postgres */
export function postgresAdminUrl(): string {
  const url = process.env.POSTGRES_TEST_URL;
  if (!url) throw new Error("POSTGRES_TEST_URL is not set");
  return url;
}

/** The same server as the admin URL, another database. */
export function postgresUrlFor(database: string): string {
  const u = new URL(postgresAdminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}
