/** The test file's own database (see integration-setup.ts) and what it runs on. */
import { createDb, type Db } from "../../lib/db/client";
import { databaseUrl, parseDatabaseUrl } from "../../lib/db/url";

export function testDb(): Db {
  return createDb(databaseUrl());
}

export function testProvider(): "sqlite" | "postgresql" {
  return parseDatabaseUrl(databaseUrl()).provider;
}
