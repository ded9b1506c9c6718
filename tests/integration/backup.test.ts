/**
 * Backup and restore (scripts/backup.ts): back up, change the figures, restore — the
 * dashboards show exactly what they showed at the backup. SQLite through its online backup
 * API, PostgreSQL through pg_dump / pg_restore.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import type { Db } from "../../lib/db/client";
import { databaseUrl } from "../../lib/db/url";
import { TenantData } from "../../lib/data/tenant";
import * as clock from "../../lib/clock";
import { backupDatabase, restoreDatabase } from "../../scripts/backup";
import { sessionUserFor } from "../support/session-mock";
import { TEST_TMP } from "../support/paths";
import { testDb, testProvider } from "../support/db";

describe(`backup and restore (${testProvider()})`, () => {
  let db: Db;
  let data: TenantData;
  beforeAll(async () => {
    db = testDb();
    await seedDemo(db);
    const admin = await sessionUserFor(db, "xiangxi-admin");
    data = new TenantData({ tenantId: admin.tenantId!, userId: admin.userId, role: "ADMIN", regionId: admin.regionId }, db);
  }, 180_000);

  /** What the overview and the composite ranking show for the latest reported month (less the time they were computed). */
  async function dashboards(): Promise<string> {
    const period = await data.latestReportedPeriod(clock.now());
    const [overview, composite] = await Promise.all([data.overview(period), data.compositeRanking(period)]);
    return JSON.stringify({ period, overview, composite }, (key, value: unknown) => (key === "asOf" ? undefined : value));
  }

  it("backup → change → restore gives the dashboards of the backup", async () => {
    const before = await dashboards();
    const file = path.join(TEST_TMP, `backup-${process.pid}-${Date.now()}.${testProvider() === "sqlite" ? "db" : "dump"}`);
    await backupDatabase(databaseUrl(), file);
    expect(fs.statSync(file).size).toBeGreaterThan(0);

    const period = await data.latestReportedPeriod(clock.now());
    const changed = await db.fill.updateMany({ where: { tenantId: data.ctx.tenantId, year: period.year, month: period.month }, data: { value: { multiply: 2 } } });
    expect(changed.count).toBeGreaterThan(0);
    await db.supervisionNote.deleteMany({});
    const after = await dashboards();
    expect(after).not.toBe(before);

    await restoreDatabase(databaseUrl(), file);
    expect(await dashboards()).toBe(before);
    fs.rmSync(file, { force: true });
  });
});
