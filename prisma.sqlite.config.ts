// Prisma CLI config for the embedded SQLite database (the default).
// `engine: "js"` + a driver adapter keeps every prisma command offline (see docs/decisions/001).
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl, parseDatabaseUrl } from "./lib/db/url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "sqlite"),
  migrations: { path: path.join("prisma", "migrations", "sqlite") },
  async adapter() {
    const target = parseDatabaseUrl(databaseUrl());
    if (target.provider !== "sqlite") throw new Error("prisma.sqlite.config.ts needs a file: DATABASE_URL");
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.file });
  },
});
