/**
 * Runs the Prisma CLI for one provider with the right config file, offline
 * (engine "js" + driver adapter; see docs/decisions/001-sqlite-and-postgresql.md).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { DatabaseTarget } from "../lib/db/url";

type DbProvider = DatabaseTarget["provider"];

export const PROVIDERS: DbProvider[] = ["sqlite", "postgresql"];
export const ROOT = path.resolve(import.meta.dirname, "..");

export function configFile(provider: DbProvider): string {
  return path.join(ROOT, `prisma.${provider}.config.ts`);
}

export const QUIET_ENV = {
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

/** Run `prisma <args>` for `provider` against `databaseUrl`; throws with the CLI's output on failure. */
export function prisma(provider: DbProvider, args: string[], databaseUrl: string, opts: { quiet?: boolean } = {}): string {
  const bin = path.join(ROOT, "node_modules", ".bin", "prisma");
  const result = spawnSync(bin, [...args, "--config", configFile(provider)], {
    cwd: ROOT,
    env: { ...process.env, ...QUIET_ENV, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} (${provider}) failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!opts.quiet) process.stderr.write(result.stderr.split("\n").filter((l) => !/nodedir|build_from_source/.test(l)).join("\n"));
  return result.stdout;
}
