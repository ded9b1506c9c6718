/**
 * The one configuration module: every setting the product reads from the environment is
 * declared, validated (zod) and typed here; no other module of the product reads
 * process.env (Next's own NEXT_RUNTIME in instrumentation.ts and the NODE_ENV test in
 * lib/db/client.ts, which Next inlines at build time, aside).
 *
 * Two levels, because the build and the command-line tools run with NODE_ENV=production
 * but never sign anyone in:
 * - `config()`, for every process: formats, and no pinned clock in production;
 * - `serverConfig()`, for the server, checked once at start (instrumentation.ts): also a
 *   NEXTAUTH_SECRET of at least 32 characters in production. A production server with an
 *   invalid configuration refuses to start, with every problem listed at once.
 */
import { z } from "zod";

const MIN_SECRET_LENGTH = 32;

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** `file:…` (SQLite) or `postgres(ql)://…`; the embedded SQLite file when unset. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  /** the user of a PostgreSQL URL without one */
  PGUSER: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** a pinned "now" for tests and demos: an ISO instant; refused in production */
  STI_NOW: z.iso.datetime({ offset: true }).optional(),
  /**
   * how many reverse proxies stand in front of the server, each appending to
   * X-Forwarded-For; 0 (no proxy): the client address is the socket's
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * server processes `npm start` runs (scripts/serve.mjs reads it before the app starts):
   * one per core on PostgreSQL, one on SQLite by default
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** the request log's level */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("info"),
});

type Env = z.infer<typeof schema>;

function refuse(env: Env, server: boolean, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV !== "production") return;
  if (env.STI_NOW) ctx.addIssue({ code: "custom", path: ["STI_NOW"], message: "the test clock cannot be used in production" });
  if (server && (env.NEXTAUTH_SECRET ?? "").length < MIN_SECRET_LENGTH) {
    ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: `must be set to at least ${MIN_SECRET_LENGTH} characters in production` });
  }
}

const processSchema = schema.superRefine((env, ctx) => refuse(env, false, ctx));
const serverSchema = schema.superRefine((env, ctx) => refuse(env, true, ctx));

export interface Config {
  mode: Env["NODE_ENV"];
  production: boolean;
  databaseUrl: string | undefined;
  pgUser: string | undefined;
  nextAuthSecret: string | undefined;
  nextAuthUrl: string | undefined;
  testClock: Date | null;
  trustedProxyHops: number;
  logLevel: Env["LOG_LEVEL"];
  /** served over HTTPS (NEXTAUTH_URL is an https:// address): answers carry HSTS */
  https: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

type RawEnv = Record<string, string | undefined>;

/** An empty variable counts as unset (`FOO= cmd` is how a shell clears one). */
function withoutEmpty(env: RawEnv): RawEnv {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * Validates an environment (process.env by default) into the typed configuration;
 * `server: true` adds what a production server needs.
 */
export function parseConfig(env: RawEnv = process.env, { server = false } = {}): Config {
  const parsed = (server ? serverSchema : processSchema).safeParse(withoutEmpty(env));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  const e = parsed.data;
  return {
    mode: e.NODE_ENV,
    production: e.NODE_ENV === "production",
    databaseUrl: e.DATABASE_URL,
    pgUser: e.PGUSER,
    nextAuthSecret: e.NEXTAUTH_SECRET,
    nextAuthUrl: e.NEXTAUTH_URL,
    testClock: e.STI_NOW ? new Date(e.STI_NOW) : null,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
    https: e.NEXTAUTH_URL?.startsWith("https://") ?? false,
  };
}

const KEYS = Object.keys(schema.shape);
let cached: { key: string; config: Config } | null = null;

/**
 * The configuration of this process. Re-validated when a setting it reads changes (tests
 * pin the clock and choose the database per case); otherwise read once.
 */
export function config(): Config {
  const key = KEYS.map((k) => process.env[k] ?? "").join("\u0000");
  if (cached?.key !== key) cached = { key, config: parseConfig() };
  return cached.config;
}

/** The configuration of the web server: config() plus a strong secret in production. */
export function serverConfig(): Config {
  return parseConfig(process.env, { server: true });
}
