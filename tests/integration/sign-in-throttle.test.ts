/**
 * Sign-in throttling under concurrency: guesses that arrive at once are counted before any
 * password is verified, so no burst gets more than the account's limit of verifications,
 * and a correct password inside a burst does not reset the counter for the guesses beside
 * it. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db/client";
import { authorizeCredentials, ThrottledError } from "../../lib/auth/authorize";
import { hashPassword } from "../../lib/auth/password";
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, UNKNOWN_ADDRESS } from "../../lib/auth/throttle";
import { testDb, testProvider } from "../support/db";

const PASSWORD = "right-password-1";

type Outcome = "verified-wrong" | "signed-in" | "throttled";

async function attempt(db: Db, account: string, password: string, address: string): Promise<Outcome> {
  try {
    return (await authorizeCredentials(db, { account, password }, address)) ? "signed-in" : "verified-wrong";
  } catch (error) {
    if (error instanceof ThrottledError) return "throttled";
    throw error;
  }
}

const count = (outcomes: Outcome[], o: Outcome) => outcomes.filter((x) => x === o).length;

describe(`sign-in throttling under concurrency (${testProvider()})`, () => {
  let db: Db;
  let hash: string;
  const createAccount = (account: string) => db.user.create({ data: { account, name: account, passwordHash: hash, isPlatformAdmin: true, mustChangePassword: false } });

  beforeAll(async () => {
    db = testDb();
    hash = await hashPassword(PASSWORD);
  });

  it("verifies at most the limit of 60 wrong passwords sent at once, and refuses the rest", async () => {
    await createAccount("race-wrong");
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(db, "race-wrong", `wrong-${i}`, `198.51.100.${i}`)));
    expect(count(outcomes, "signed-in")).toBe(0);
    expect(count(outcomes, "verified-wrong")).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(count(outcomes, "throttled")).toBeGreaterThanOrEqual(60 - ACCOUNT_LIMIT);
    // and the right password afterwards is refused too: the account is locked
    expect(await attempt(db, "race-wrong", PASSWORD, "198.51.100.200")).toBe("throttled");
  });

  it("a correct password inside a burst of wrong ones does not reset the counter", async () => {
    await createAccount("race-burst");
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 0 ? PASSWORD : `wrong-${i}`));
    const outcomes = await Promise.all(guesses.map((g, i) => attempt(db, "race-burst", g, `192.0.2.${i}`)));
    // the correct one may or may not be among the few verified; together they stay within the limit
    expect(count(outcomes, "verified-wrong") + count(outcomes, "signed-in")).toBeLessThanOrEqual(ACCOUNT_LIMIT);
    expect(count(outcomes, "throttled")).toBeGreaterThanOrEqual(30 - ACCOUNT_LIMIT);
    expect(await attempt(db, "race-burst", "wrong-again", "192.0.2.99")).toBe("throttled");
  });

  it("a success gives back only its own attempt: the failures before it still count", async () => {
    await createAccount("race-success");
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) expect(await attempt(db, "race-success", `wrong-${i}`, "203.0.113.50")).toBe("verified-wrong");
    expect(await attempt(db, "race-success", PASSWORD, "203.0.113.50")).toBe("signed-in");
    expect(await attempt(db, "race-success", "wrong-last", "203.0.113.50")).toBe("verified-wrong");
    expect(await attempt(db, "race-success", PASSWORD, "203.0.113.50")).toBe("throttled");
  });

  it("bounds a burst from one address across many accounts to the address limit", async () => {
    const outcomes = await Promise.all(Array.from({ length: ADDRESS_LIMIT * 2 }, (_, i) => attempt(db, `nobody-${i}`, "x", "203.0.113.77")));
    expect(count(outcomes, "verified-wrong")).toBeLessThanOrEqual(ADDRESS_LIMIT);
    expect(count(outcomes, "throttled")).toBeGreaterThanOrEqual(ADDRESS_LIMIT);
  });

  it("clients whose address is unknown share no bucket: their failures cannot lock out a valid user", async () => {
    await createAccount("race-unknown");
    for (let i = 0; i < ADDRESS_LIMIT + 5; i++) expect(await attempt(db, `stranger-${i}`, "x", UNKNOWN_ADDRESS)).toBe("verified-wrong");
    expect(await attempt(db, "race-unknown", PASSWORD, UNKNOWN_ADDRESS)).toBe("signed-in");
  });
});
