/**
 * Once per run: a migrated SQLite template that every test file copies, in a folder of
 * this run's own (.tmp/test/run-<epoch>-<random>), so runs side by side do not touch each
 * other's files. Folders of runs that died more than six hours ago are removed.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { prisma } from "../../scripts/prisma-cli";
import { TEST_TMP } from "./paths";

const STALE_AFTER_MS = 6 * 3600 * 1000;

declare module "vitest" {
  export interface ProvidedContext {
    sqliteRunDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  fs.mkdirSync(TEST_TMP, { recursive: true });
  for (const entry of fs.readdirSync(TEST_TMP)) {
    const started = Number(entry.split("-")[1]);
    if (!entry.startsWith("run-") || (Number.isFinite(started) && Date.now() - started > STALE_AFTER_MS)) {
      fs.rmSync(path.join(TEST_TMP, entry), { recursive: true, force: true });
    }
  }
  const dir = path.join(TEST_TMP, `run-${Date.now()}-${randomBytes(3).toString("hex")}`);
  fs.mkdirSync(dir);
  prisma("sqlite", ["migrate", "deploy"], `file:${path.join(dir, "template.db")}`, { quiet: true });
  project.provide("sqliteRunDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
