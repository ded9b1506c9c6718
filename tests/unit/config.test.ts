import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, config, parseConfig, serverConfig } from "../../lib/config";
import { now } from "../../lib/clock";
import { databaseUrl, DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../../lib/db/url";

const SECRET = "s".repeat(32);
const INSTANT = "2026-11-22T04:00:00.000Z";

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration defaults", () => {
  it("is development with nothing set, on the embedded database and the real clock", () => {
    expect(parseConfig({})).toEqual({
      mode: "development",
      production: false,
      databaseUrl: undefined,
      pgUser: undefined,
      nextAuthSecret: undefined,
      nextAuthUrl: undefined,
      testClock: null,
      trustedProxyHops: 0,
      logLevel: "info",
      https: false,
    });
  });
  it("counts an empty variable as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", STI_NOW: "", NODE_ENV: "" })).toMatchObject({ mode: "development", databaseUrl: undefined, testClock: null });
  });
  it("reads every setting it declares", () => {
    const c = parseConfig({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/ledger",
      PGUSER: "sti",
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: "https://sti.example.cn",
      TRUSTED_PROXY_HOPS: "1",
      LOG_LEVEL: "warn",
    }, { server: true });
    expect(c).toEqual({
      mode: "production",
      production: true,
      databaseUrl: "postgresql://db/ledger",
      pgUser: "sti",
      nextAuthSecret: SECRET,
      nextAuthUrl: "https://sti.example.cn",
      testClock: null,
      trustedProxyHops: 1,
      logLevel: "warn",
      https: true,
    });
  });
});

describe("refusals", () => {
  it("refuses a production server without a secret", () => {
    expect(problems(() => parseConfig({ NODE_ENV: "production" }, { server: true }))).toEqual([
      "NEXTAUTH_SECRET: must be set to at least 32 characters in production",
    ]);
  });
  it("refuses a production server with a secret shorter than 32 characters", () => {
    expect(problems(() => parseConfig({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(31) }, { server: true }))).toHaveLength(1);
    expect(problems(() => parseConfig({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET }, { server: true }))).toEqual([]);
  });
  it("needs no secret to build or to run the tools, nor outside production", () => {
    expect(problems(() => parseConfig({ NODE_ENV: "production" }))).toEqual([]);
    expect(problems(() => parseConfig({ NODE_ENV: "development" }, { server: true }))).toEqual([]);
  });
  it("refuses the test clock in production, in any process", () => {
    const env = { NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, STI_NOW: INSTANT };
    expect(problems(() => parseConfig(env))).toEqual(["STI_NOW: the test clock cannot be used in production"]);
    expect(problems(() => parseConfig(env, { server: true }))).toHaveLength(1);
  });
  it("lists every problem at once", () => {
    expect(problems(() => parseConfig({ NODE_ENV: "production", STI_NOW: INSTANT }, { server: true }))).toHaveLength(2);
  });
  it("refuses malformed values", () => {
    expect(problems(() => parseConfig({ NODE_ENV: "staging" }))[0]).toMatch(/^NODE_ENV:/);
    expect(problems(() => parseConfig({ STI_NOW: "next tuesday" }))[0]).toMatch(/^STI_NOW:/);
    expect(problems(() => parseConfig({ NEXTAUTH_URL: "not a url" }))[0]).toMatch(/^NEXTAUTH_URL:/);
    expect(problems(() => parseConfig({ TRUSTED_PROXY_HOPS: "yes" }))[0]).toMatch(/^TRUSTED_PROXY_HOPS:/);
    expect(problems(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" }))[0]).toMatch(/^TRUSTED_PROXY_HOPS:/);
    expect(problems(() => parseConfig({ LOG_LEVEL: "loud" }))[0]).toMatch(/^LOG_LEVEL:/);
  });
});

describe("the process configuration", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("pins the clock outside production and follows a change of the variable", () => {
    vi.stubEnv("STI_NOW", INSTANT);
    expect(config().testClock?.toISOString()).toBe(INSTANT);
    expect(now().toISOString()).toBe(INSTANT);
    vi.stubEnv("STI_NOW", "2026-11-25T04:00:00.001+08:00");
    expect(now().toISOString()).toBe("2026-11-24T20:00:00.001Z");
  });
  it("runs on the real clock when none is pinned", () => {
    vi.stubEnv("STI_NOW", "");
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
  it("refuses a pinned clock in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STI_NOW", INSTANT);
    expect(() => now()).toThrow(ConfigError);
  });
  it("checks the server's secret only when asked", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    expect(config().production).toBe(true);
    expect(() => serverConfig()).toThrow(/NEXTAUTH_SECRET/);
  });
  it("gives the database its URL, the embedded file by default, and the user of a URL without one", () => {
    vi.stubEnv("DATABASE_URL", "");
    expect(databaseUrl()).toBe(DEFAULT_DATABASE_URL);
    vi.stubEnv("DATABASE_URL", "file:./x.db");
    expect(databaseUrl()).toBe("file:./x.db");
    vi.stubEnv("PGUSER", "sti");
    expect(parseDatabaseUrl("postgresql://db/ledger")).toMatchObject({ user: "sti" });
    vi.stubEnv("PGUSER", "");
    expect(parseDatabaseUrl("postgresql://db/ledger")).toMatchObject({ user: "postgres" });
  });
});
