/** Once per run: a migrated SQLite template that every test file copies. */
import fs from "node:fs";
import { prisma } from "../../scripts/prisma-cli";
import { SQLITE_TEMPLATE, TEST_TMP } from "./paths";

export default function setup(): void {
  fs.rmSync(TEST_TMP, { recursive: true, force: true });
  fs.mkdirSync(TEST_TMP, { recursive: true });
  prisma("sqlite", ["migrate", "deploy"], `file:${SQLITE_TEMPLATE}`, { quiet: true });
}
