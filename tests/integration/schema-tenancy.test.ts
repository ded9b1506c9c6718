/**
 * The tenancy rules of domain.md §2 checked on the real catalog of a migrated database:
 * every tenant-owned table carries tenantId, every primary key, unique key and index
 * leads with it, and every foreign key to another tenant-owned table carries it, so no
 * row can point into another tenant and the schema can be sharded by tenant.
 */
import { describe, expect, it } from "vitest";
import { databaseUrl } from "../../lib/db/url";
import { readCatalog } from "../support/catalog";
import { testProvider } from "../support/db";

/** Platform-level tables: the tenants themselves, sign-in identities (account is global) and their sessions. */
const PLATFORM_TABLES = ["Tenant", "User", "SignInAttempt", "RevokedSession"];

describe(`tenant-leading keys (${testProvider()})`, async () => {
  const catalog = await readCatalog(databaseUrl());
  const tenantTables = Object.keys(catalog.tables).filter((t) => !PLATFORM_TABLES.includes(t));

  it("knows every table of the model", () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(15);
    expect(tenantTables).toEqual(expect.arrayContaining(["Region", "Indicator", "Target", "Fill", "FillAudit", "Membership", "Bulletin"]));
  });

  it.each(tenantTables)("%s carries a non-null tenantId", (table) => {
    const col = catalog.tables[table].columns.find((c) => c.name === "tenantId");
    expect(col?.notNull).toBe(true);
  });

  it.each(tenantTables)("%s: every primary key, unique key and index leads with tenantId", (table) => {
    const indexes = catalog.tables[table].indexes;
    expect(indexes.some((i) => i.primary)).toBe(true);
    for (const index of indexes) expect({ index: index.name, first: index.columns[0] }).toEqual({ index: index.name, first: "tenantId" });
  });

  it.each(tenantTables)("%s: every foreign key to a tenant-owned table maps tenantId to tenantId", (table) => {
    for (const fk of catalog.tables[table].foreignKeys) {
      if (fk.refTable === "Tenant") {
        expect(fk.columns).toEqual(["tenantId"]);
        continue;
      }
      const at = fk.columns.indexOf("tenantId");
      expect({ fk: `${table}→${fk.refTable}`, tenantColumn: at >= 0 ? fk.refColumns[at] : null }).toEqual({
        fk: `${table}→${fk.refTable}`,
        tenantColumn: "tenantId",
      });
    }
  });
});
