/**
 * One app instance for tests/integration/instances.test.ts: a separate Node process with its
 * own database client and its own in-memory caches, on the database of DATABASE_URL. It
 * answers JSON-line requests on stdin — what the app's request handlers do, through the
 * same modules (lib/data for the dashboards, lib/auth for sign-in) — with JSON lines on
 * stdout.
 */
import readline from "node:readline";
import { authorizeCredentials, ThrottledError } from "../../lib/auth/authorize";
import { createDb } from "../../lib/db/client";
import { databaseUrl } from "../../lib/db/url";
import { TenantData } from "../../lib/data/tenant";
import * as clock from "../../lib/clock";
import { touchTenantConfig } from "../../lib/data/tenant-config";
import { loadUser } from "../../lib/auth/user";

const db = createDb(databaseUrl());

async function adminData(): Promise<TenantData> {
  const loaded = await loadUser(db, { account: "xiangxi-admin" });
  const u = loaded!.user;
  return new TenantData({ tenantId: u.tenantId!, userId: u.userId, role: "ADMIN", regionId: u.regionId }, db);
}

type Request = { id: number; op: string; args: Record<string, string> };

const ops: Record<string, (args: Record<string, string>) => Promise<unknown>> = {
  /** the overview of the latest reported month, as the page gets it (less the time it was computed) */
  async overview() {
    const data = await adminData();
    const period = await data.latestReportedPeriod(clock.now());
    return JSON.stringify(await data.overview(period), (key, value: unknown) => (key === "asOf" ? undefined : value));
  },
  /** a save of the month's reported figures, as the entry sheet writes them: the values and new versions */
  async doubleFigures({ year, month }) {
    const data = await adminData();
    const r = await db.fill.updateMany({
      where: { tenantId: data.ctx.tenantId, year: Number(year), month: Number(month), status: { in: ["SUBMITTED", "APPROVED"] } },
      data: { value: { multiply: 2 }, version: { increment: 1 } },
    });
    return r.count;
  },
  /** an administrator renames an indicator; `touch` is what every configuration change does */
  async renameIndicator({ code, name, touch }) {
    const data = await adminData();
    const { tenantId } = data.ctx;
    await db.$transaction(async (tx) => {
      await tx.indicator.updateMany({ where: { tenantId, code }, data: { name } });
      if (touch === "yes") await touchTenantConfig(tx, tenantId);
    });
    return true;
  },
  async signIn({ account, password, address }) {
    try {
      return (await authorizeCredentials(db, { account, password }, address)) ? "signed-in" : "verified-wrong";
    } catch (error) {
      if (error instanceof ThrottledError) return "throttled";
      throw error;
    }
  },
};

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { id, op, args } = JSON.parse(line) as Request;
  const run = ops[op];
  (run ? run(args) : Promise.reject(new Error(`unknown op ${op}`))).then(
    (result) => process.stdout.write(`${JSON.stringify({ id, result })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id, error: String(error) })}\n`),
  );
});
lines.on("close", () => void db.$disconnect().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
