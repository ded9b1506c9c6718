// Prisma CLI config for PostgreSQL. Two workarounds for @prisma/adapter-pg 6.19 in the CLI
// (see docs/decisions/001): catalog columns of type name/"char" are relabelled as text,
// and the connection is given as separate fields so the shadow database is really separate.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl, parseDatabaseUrl } from "./lib/db/url";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

function relabelCatalogTypes(res: pg.QueryResult | undefined): void {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
}

/** A pg.Client whose results report `name` and `"char"` columns as text (callback and promise styles). */
class CatalogSafeClient extends pg.Client {
  // pg's overloads cannot be re-declared generically; the wrapper only touches results.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (err: Error | null, res?: pg.QueryResult) => void;
      args[last] = (err: Error | null, res?: pg.QueryResult) => {
        relabelCatalogTypes(res);
        callback(err, res);
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        relabelCatalogTypes(res);
        return res;
      });
    }
    return result;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "postgresql"),
  migrations: { path: path.join("prisma", "migrations", "postgresql") },
  async adapter() {
    const target = parseDatabaseUrl(databaseUrl());
    if (target.provider !== "postgresql") throw new Error("prisma.postgresql.config.ts needs a postgres:// DATABASE_URL");
    const { host, port, user, password, database } = target;
    return new PrismaPg(
      { host, port, user, password, database, Client: CatalogSafeClient },
      { schema: target.schema },
    ) as never;
  },
});
