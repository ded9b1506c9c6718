/**
 * DATABASE_URL → which database and how to reach it. One place decides, for the app,
 * the Prisma CLI configs, the seed and the tests.
 *   file:./data/sti-monitor.db        → embedded SQLite (relative to the project root)
 *   postgres://user@host:5432/name    → PostgreSQL
 */
import path from "node:path";
import { config } from "../config";

export const DEFAULT_DATABASE_URL = "file:./data/sti-monitor.db";

export type DatabaseTarget =
  | { provider: "sqlite"; file: string }
  | {
      provider: "postgresql";
      host: string;
      port: number;
      user: string;
      password: string | undefined;
      database: string;
      schema: string | undefined;
    };

export function parseDatabaseUrl(url: string, root: string = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!file) throw new Error("DATABASE_URL file: needs a path, e.g. file:./data/sti-monitor.db");
    return { provider: "sqlite", file: path.resolve(root, file) };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const u = new URL(url);
    const database = decodeURIComponent(u.pathname.replace(/^\//, ""));
    if (!database) throw new Error("DATABASE_URL for PostgreSQL must name a database");
    return {
      provider: "postgresql",
      host: u.hostname || "localhost",
      port: u.port ? Number(u.port) : 5432,
      user: decodeURIComponent(u.username || config().pgUser || "postgres"),
      password: u.password ? decodeURIComponent(u.password) : undefined,
      database,
      schema: u.searchParams.get("schema") ?? undefined,
    };
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${url.split(":")[0]}:"`);
}

export function databaseUrl(): string {
  return config().databaseUrl ?? DEFAULT_DATABASE_URL;
}
