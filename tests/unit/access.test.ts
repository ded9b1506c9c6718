import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../proxy";
import { clientAddress } from "../../lib/auth/throttle";
import { parseThrottledSeconds } from "../../lib/auth/throttle-message";
import { passwordProblem } from "../../lib/auth/password-policy";
import { homePath, safeCallbackPath } from "../../lib/auth/home";
import type { SessionUser } from "../../lib/auth/types";

describe("content security policy", () => {
  it("has a nonce, strict-dynamic and no unsafe-eval in production", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) expect(csp).toContain(d);
  });
  it("allows unsafe-eval only in development", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
  });
});

describe("throttling helpers", () => {
  it("reads the client address from the proxy headers", () => {
    expect(clientAddress({ "x-real-ip": "1.2.3.4", "x-forwarded-for": "5.6.7.8" })).toBe("1.2.3.4");
    expect(clientAddress({ "x-forwarded-for": "5.6.7.8, 10.0.0.1" })).toBe("5.6.7.8");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
  it("parses the throttled error code", () => {
    expect(parseThrottledSeconds("THROTTLED:900")).toBe(900);
    expect(parseThrottledSeconds("CredentialsSignin")).toBeNull();
    expect(parseThrottledSeconds("THROTTLED:abc")).toBeNull();
  });
});

describe("password rules", () => {
  it("needs 8 characters and not the account name", () => {
    expect(passwordProblem("short", "a")).toBe("tooShort");
    expect(passwordProblem("Xiangxi-Admin", "xiangxi-admin")).toBe("sameAsAccount");
    expect(passwordProblem("a-good-one-2026", "xiangxi-admin")).toBeNull();
  });
});

describe("home while a password change is pending", () => {
  const user: SessionUser = {
    userId: "u", account: "a", name: "n", isPlatformAdmin: false, tenantId: "t", tenantSlug: "xiangxi", tenantName: "x",
    role: "ADMIN", regionId: "r", regionCode: "433100", regionName: "湘西州", mustChangePassword: true,
  };
  it("sends the user to the password page and ignores callback URLs", () => {
    expect(homePath(user)).toBe("/account/password");
    expect(safeCallbackPath("/xiangxi/overview", user)).toBeNull();
    expect(homePath({ ...user, mustChangePassword: false })).toBe("/xiangxi/overview");
  });
});
