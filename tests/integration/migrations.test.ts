/**
 * The migrations of both providers apply, and produce exactly the schema the one model
 * file describes: a test fails when someone changes prisma/models.prisma without running
 * `npm run db:migration:new`, or edits one provider's migrations and not the other's.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl } from "../../lib/db/url";
import { prisma } from "../../scripts/prisma-cli";
import { readCatalog, runScript } from "../support/catalog";
import { testDb, testProvider } from "../support/db";
import { ROOT } from "../support/paths";
import { emptyDatabase } from "../support/scratch";

const provider = testProvider();
const migrationsDir = (p: string) => path.join(ROOT, "prisma", "migrations", p);
const folders = (p: string) =>
  fs.readdirSync(migrationsDir(p), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

const db = testDb();
afterAll(() => db.$disconnect());

describe(`migrations (${provider})`, () => {
  it("are all applied, in order, with none failed", async () => {
    const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders(provider));
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
  });

  it("produce the schema of prisma/models.prisma exactly (no drift)", async () => {
    const fromModel = await emptyDatabase();
    try {
      const script = prisma(
        provider,
        ["migrate", "diff", "--from-empty", "--to-schema-datamodel", path.join("prisma", provider), "--script"],
        fromModel.url,
        { quiet: true },
      );
      await runScript(fromModel.url, script);
      const migrated = await readCatalog(databaseUrl());
      const modelled = await readCatalog(fromModel.url);
      expect(Object.keys(migrated.tables)).toEqual(Object.keys(modelled.tables));
      expect(migrated).toEqual(modelled);
    } finally {
      await fromModel.drop();
    }
  });

  it("are kept in step across SQLite and PostgreSQL", () => {
    expect(folders("sqlite")).toEqual(folders("postgresql"));
    const snapshots = fs.readdirSync(migrationsDir("snapshots")).sort();
    expect(snapshots.map((f) => f.replace(/\.prisma$/, ""))).toEqual(folders("sqlite"));
    // the snapshot of the latest migration is the model as it is now
    const latest = fs.readFileSync(path.join(migrationsDir("snapshots"), snapshots.at(-1)!), "utf8");
    expect(latest).toEqual(fs.readFileSync(path.join(ROOT, "prisma", "models.prisma"), "utf8"));
  });
});
