/**
 * Writes the next migration for BOTH providers from the one model file.
 *
 *   npm run db:migration:new -- add_api_tokens
 *
 * `prisma migrate dev` cannot run offline with the SQLite adapter (multi-statement SQL),
 * so the migration is the diff between the model as of the last migration (a snapshot
 * kept in prisma/migrations/snapshots/) and prisma/models.prisma, rendered for each
 * provider. tests/integration/migrations.test.ts fails when migrations and model drift.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROVIDERS, ROOT, prisma } from "./prisma-cli";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}

const snapshots = path.join(ROOT, "prisma", "migrations", "snapshots");
fs.mkdirSync(snapshots, { recursive: true });
const previous = fs.readdirSync(snapshots).filter((f) => f.endsWith(".prisma")).sort().at(-1);
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const placeholderUrl: Record<(typeof PROVIDERS)[number], string> = {
  sqlite: `file:${path.join(os.tmpdir(), "sti-migration-placeholder.db")}`,
  postgresql: "postgresql://postgres@127.0.0.1:5432/postgres",
};

let wrote = 0;
for (const provider of PROVIDERS) {
  let from = ["--from-empty"];
  if (previous) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sti-prev-${provider}-`));
    fs.copyFileSync(path.join(ROOT, "prisma", provider, "datasource.prisma"), path.join(dir, "datasource.prisma"));
    fs.copyFileSync(path.join(snapshots, previous), path.join(dir, "models.prisma"));
    from = ["--from-schema-datamodel", dir];
  }
  const sql = prisma(
    provider,
    ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", provider), "--script"],
    placeholderUrl[provider],
    { quiet: true },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log(`${provider}: the model has not changed since ${previous ?? "empty"}; nothing written`);
    continue;
  }
  const out = path.join(ROOT, "prisma", "migrations", provider, folder);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "migration.sql"), sql);
  console.log(`${provider}: wrote ${path.relative(ROOT, out)}/migration.sql`);
  wrote++;
}
if (wrote > 0) {
  fs.copyFileSync(path.join(ROOT, "prisma", "models.prisma"), path.join(snapshots, `${folder}.prisma`));
  console.log(`snapshot: prisma/migrations/snapshots/${folder}.prisma`);
}
