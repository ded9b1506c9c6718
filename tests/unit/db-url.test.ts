import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "../../lib/db/url";

describe("parseDatabaseUrl", () => {
  it("reads SQLite file URLs relative to the project root", () => {
    expect(parseDatabaseUrl("file:./data/x.db", "/srv/app")).toEqual({ provider: "sqlite", file: path.resolve("/srv/app/data/x.db") });
    expect(parseDatabaseUrl("file:/var/lib/sti.db", "/srv/app")).toEqual({ provider: "sqlite", file: "/var/lib/sti.db" });
  });

  it("reads PostgreSQL URLs into separate fields", () => {
    expect(parseDatabaseUrl("postgresql://sti:p%40ss@db.local:6543/ledger?schema=app")).toEqual({
      provider: "postgresql", host: "db.local", port: 6543, user: "sti", password: "p@ss", database: "ledger", schema: "app",
    });
    expect(parseDatabaseUrl("postgres://postgres@127.0.0.1/test")).toMatchObject({ port: 5432, password: undefined, database: "test" });
  });

  it("names what is wrong with anything else", () => {
    expect(() => parseDatabaseUrl("mysql://x/y")).toThrow(/file: \(SQLite\) or postgres:\/\//);
    expect(() => parseDatabaseUrl("postgresql://h:5432/")).toThrow(/must name a database/);
  });
});
