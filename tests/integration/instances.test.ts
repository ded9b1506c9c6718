/**
 * Several app instances on one database: two separate Node processes (tests/support/
 * instance.ts), each with its own database client and in-memory caches, driven through the
 * modules the request handlers use (lib/data, lib/auth) rather than two `next start`
 * servers, which would take minutes to build and start. A save on one shows on the other's
 * dashboards at its next request, an administrator's change on one reaches the other's
 * cached configuration, and sign-in throttling is one counter for both. Runs on SQLite
 * and PostgreSQL.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { hashPassword } from "../../lib/auth/password";
import { ACCOUNT_LIMIT } from "../../lib/auth/throttle";
import { databaseUrl } from "../../lib/db/url";
import { ROOT } from "../support/paths";
import { testDb, testProvider } from "../support/db";

class Instance {
  #next = 1;
  #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    let ready!: () => void;
    this.ready = new Promise((r) => (ready = r));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const msg = JSON.parse(line) as { ready?: boolean; id?: number; result?: unknown; error?: string };
      if (msg.ready) return ready();
      const w = this.#waiting.get(msg.id!);
      this.#waiting.delete(msg.id!);
      if (msg.error) w?.reject(new Error(msg.error));
      else w?.resolve(msg.result);
    });
  }

  static start(): Instance {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "tests", "support", "instance.ts")], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl() },
    });
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    return new Instance(child);
  }

  call<T>(op: string, args: Record<string, string> = {}): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  stop(): void {
    this.child.stdin.end();
  }
}

describe(`two app instances on one database (${testProvider()})`, () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    const db = testDb();
    await seedDemo(db);
    const passwordHash = await hashPassword("instance-password-1");
    await db.user.create({ data: { account: "instances-probe", name: "probe", passwordHash, isPlatformAdmin: true, mustChangePassword: false } });
    await db.$disconnect();
    a = Instance.start();
    b = Instance.start();
    await Promise.all([a.ready, b.ready]);
  }, 180_000);
  afterAll(() => {
    a?.stop();
    b?.stop();
  });

  it("a save on one instance shows on the other's dashboards at the next request", async () => {
    const before = await b.call<string>("overview");
    expect(await a.call<string>("overview")).toBe(before);
    const period = JSON.parse(before) as { period: { year: number; month: number } };
    const changed = await a.call<number>("doubleFigures", { year: String(period.period.year), month: String(period.period.month) });
    expect(changed).toBeGreaterThan(0);
    const after = await b.call<string>("overview");
    expect(after).not.toBe(before);
    expect(after).toBe(await a.call<string>("overview"));
  });

  it("an administrator's change on one instance reaches the other's cached configuration", async () => {
    // both have the configuration cached by now; a change that skipped the version would stay unseen
    await a.call("renameIndicator", { code: "TALENT", name: "引进科技人才（未通知）", touch: "no" });
    expect(await b.call<string>("overview")).not.toContain("引进科技人才（未通知）");
    await a.call("renameIndicator", { code: "TALENT", name: "引进高层次科技人才", touch: "yes" });
    expect(await b.call<string>("overview")).toContain("引进高层次科技人才");
  });

  it("sign-in throttling is one counter for both instances", async () => {
    const guesses = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).call<string>("signIn", { account: "instances-probe", password: `wrong-${i}`, address: `198.51.100.${i}` }));
    const outcomes = await Promise.all(guesses);
    expect(outcomes.filter((o) => o === "verified-wrong").length).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(await b.call<string>("signIn", { account: "instances-probe", password: "instance-password-1", address: "198.51.100.99" })).toBe("throttled");
  });
});
