/**
 * The one configuration module: every setting the product reads from the environment is
 * declared, validated (zod) and typed here; no other module reads process.env.
 * A production server refuses to start on an invalid configuration (instrumentation.ts
 * calls `config()` at start-up), with every problem listed at once.
 */
import { z } from "zod";

const MIN_SECRET_LENGTH = 32;

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** `file:…` (SQLite) or `postgres(ql)://…`; the embedded SQLite file when unset. */
    DATABASE_URL: z.string().trim().min(1).optional(),
    /** the user of a PostgreSQL URL without one */
    PGUSER: z.string().optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.url().optional(),
    /** a pinned "now" for tests and demos: an ISO instant; refused in production */
    STI_NOW: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: `must be set to at least ${MIN_SECRET_LENGTH} characters in production` });
    }
    if (env.STI_NOW) ctx.addIssue({ code: "custom", path: ["STI_NOW"], message: "the test clock cannot be used in production" });
  });

export interface Config {
  production: boolean;
  databaseUrl: string | undefined;
  pgUser: string | undefined;
  nextAuthSecret: string | undefined;
  nextAuthUrl: string | undefined;
  testClock: Date | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates an environment (process.env by default) into the typed configuration. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  return {
    production: e.NODE_ENV === "production",
    databaseUrl: e.DATABASE_URL,
    pgUser: e.PGUSER,
    nextAuthSecret: e.NEXTAUTH_SECRET,
    nextAuthUrl: e.NEXTAUTH_URL,
    testClock: e.STI_NOW ? new Date(e.STI_NOW) : null,
  };
}

let cached: { env: string; config: Config } | null = null;

/**
 * The configuration of this process. Re-validated when a setting it reads changes (tests
 * pin the clock per case); otherwise read once.
 */
export function config(): Config {
  const key = [process.env.NODE_ENV, process.env.DATABASE_URL, process.env.PGUSER, process.env.NEXTAUTH_SECRET, process.env.NEXTAUTH_URL, process.env.STI_NOW].join("\u0000");
  if (cached?.env !== key) cached = { env: key, config: parseConfig() };
  return cached.config;
}
