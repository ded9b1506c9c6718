/**
 * All or nothing survives a crash (both providers): a process committing a 10,000-row month
 * import is killed (SIGKILL, no clean-up of any kind) while its transaction is open, after
 * its first statements were written. Not one row of the import is stored, the rest of the
 * ledger is as it was, the database is intact, and the same cells can then be imported.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeImport } from "../../lib/data/fill-import";
import { Decimal } from "../../lib/decimal";
import { databaseUrl } from "../../lib/db/url";
import { seedDemo } from "../../prisma/seed";
import { testDb, testProvider } from "../support/db";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ROWS = 10_000;
// a month nobody has filled yet
const PERIOD = { year: 2027, month: 1 };
const db = testDb();
let tenantId: string;
let benchRegions: string[];

beforeAll(async () => {
  await seedDemo(db);
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "xiangxi" } })).id;
  const root = await db.region.findFirstOrThrow({ where: { tenantId, parentId: null } });
  const indicators = await db.indicator.count({ where: { tenantId, active: true, kind: { not: "RATIO" } } });
  const codes = Array.from({ length: Math.ceil(ROWS / indicators) }, (_, k) => `BK${String(k + 1).padStart(4, "0")}`);
  await db.region.createMany({ data: codes.map((code, k) => ({ tenantId, code, name: `中断测试县${k + 1}`, level: "COUNTY" as const, parentId: root.id, sortOrder: 3000 + k })) });
  benchRegions = (await db.region.findMany({ where: { tenantId, code: { startsWith: "BK" } }, select: { id: true } })).map((r) => r.id);
}, 180_000);
afterAll(async () => {
  await db.$disconnect();
});

/** Runs the child until it says its transaction is open, then kills it; the child's last words. */
async function killMidCommit(): Promise<{ marker: string; pid: number; signal: NodeJS.Signals | null }> {
  // node itself with tsx's loader: the tsx command would run the script in a grandchild the kill would miss
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests", "support", "import-kill-child.ts"), String(PERIOD.year), String(PERIOD.month)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl() },
  });
  child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const marker = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("IN-TRANSACTION")) {
        child.kill("SIGKILL");
        resolve(line);
      } else if (line === "COMMITTED") reject(new Error("the import committed before it could be killed"));
    });
    void exited.then(() => reject(new Error("the child ended before its transaction was open")));
  });
  return { marker, pid: child.pid!, signal: await exited };
}

describe(`an import killed mid-commit (${testProvider()})`, () => {
  it("writes nothing, leaves the database intact, and the same cells import afterwards", async () => {
    const before = { fills: await db.fill.count({ where: { tenantId } }), audits: await db.fillAudit.count({ where: { tenantId } }) };
    const { marker, pid, signal } = await killMidCommit();
    expect(signal).toBe("SIGKILL");
    // the process killed is the one that held the transaction (it named its pid)
    expect(marker.split(" ")[1]).toBe(String(pid));
    // the child had written cells inside its transaction when it was killed
    expect(Number(marker.split(" ")[2])).toBeGreaterThan(0);

    expect(await db.fill.count({ where: { tenantId, regionId: { in: benchRegions } } })).toBe(0);
    expect(await db.fill.count({ where: { tenantId } })).toBe(before.fills);
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(before.audits);
    if (testProvider() === "sqlite") {
      expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await db.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
    }

    // nothing of the killed transaction holds a lock: an import of the same cells (the first county's) commits now
    const admin = await db.user.findFirstOrThrow({ where: { tenantId, membership: { role: "ADMIN" } } });
    const indicators = await db.indicator.findMany({ where: { tenantId, active: true, kind: { not: "RATIO" } } });
    const writes = indicators.map((i) => ({ regionId: benchRegions[0]!, indicatorId: i.id, ...PERIOD, value: new Decimal(1), note: "", reason: "导入：kill.csv", existing: null }));
    await writeImport(db, { tenantId, actorId: admin.id, status: "SUBMITTED", now: new Date() }, writes);
    expect(await db.fill.count({ where: { tenantId, regionId: { in: benchRegions } } })).toBe(writes.length);
    expect(await db.fillAudit.count({ where: { tenantId } })).toBe(before.audits + writes.length);
  }, 240_000);
});
