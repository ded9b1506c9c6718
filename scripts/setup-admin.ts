/**
 * Starts a real installation (no demo data): creates the platform admin on the database
 * of DATABASE_URL with a random one-time password, which must be changed at first sign-in.
 *
 *   npm run setup -- --account <name> [--name <display name>] [--reset]
 *
 * Migrates first. Refuses when a platform admin already exists, unless --reset (which gives
 * the named platform admin a new one-time password, or creates it).
 */
import { pathToFileURL } from "node:url";
import type { Db } from "../lib/db/client";
import { hashPassword } from "../lib/auth/password";
import { oneTimePassword } from "../lib/auth/one-time-password";

export class SetupError extends Error {}

export interface SetupOptions {
  account: string;
  name?: string;
  reset?: boolean;
}

/** Creates (or with `reset`, resets) the platform admin; returns the one-time password. */
export async function setupPlatformAdmin(db: Db, options: SetupOptions): Promise<{ account: string; password: string; created: boolean }> {
  const account = options.account.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/.test(account)) throw new SetupError(`invalid account name: ${JSON.stringify(account)}`);
  const existing = await db.user.findFirst({ where: { isPlatformAdmin: true } });
  if (existing && !options.reset) {
    throw new SetupError(`a platform admin already exists (${existing.account}); use --reset to give it a new one-time password`);
  }
  const password = oneTimePassword(16);
  const passwordHash = await hashPassword(password);
  const same = await db.user.findUnique({ where: { account } });
  if (same) {
    if (!same.isPlatformAdmin) throw new SetupError(`account ${account} exists and is not a platform admin`);
    await db.user.update({ where: { id: same.id }, data: { passwordHash, mustChangePassword: true, active: true, passwordChangedAt: new Date() } });
    return { account, password, created: false };
  }
  await db.user.create({
    data: { account, name: options.name?.trim() || account, passwordHash, isPlatformAdmin: true, mustChangePassword: true },
  });
  return { account, password, created: true };
}

function parseArgs(argv: string[]): SetupOptions {
  const out: SetupOptions = { account: "" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--account") out.account = argv[++i] ?? "";
    else if (a === "--name") out.name = argv[++i] ?? "";
    else if (a === "--reset") out.reset = true;
    else throw new SetupError(`unknown argument: ${a}`);
  }
  if (!out.account) throw new SetupError("usage: npm run setup -- --account <name> [--name <display name>] [--reset]");
  return out;
}

async function main(): Promise<void> {
  const { databaseUrl, parseDatabaseUrl } = await import("../lib/db/url");
  const { createDb } = await import("../lib/db/client");
  const { prisma } = await import("./prisma-cli");
  const options = parseArgs(process.argv.slice(2));
  const url = databaseUrl();
  prisma(parseDatabaseUrl(url).provider, ["migrate", "deploy"], url, { quiet: true });
  const db = createDb(url);
  try {
    const r = await setupPlatformAdmin(db, options);
    console.log(`${r.created ? "platform admin created" : "platform admin reset"}: ${r.account}`);
    console.log(`one-time password: ${r.password}`);
    console.log("sign in at /signin; the password must be changed at first sign-in.");
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof SetupError ? `setup: ${error.message}` : error);
    process.exit(1);
  });
}
