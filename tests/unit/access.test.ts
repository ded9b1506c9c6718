import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../proxy";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, handedOnAddress } from "../../lib/auth/client-address";
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
  it("takes the socket's address and ignores X-Forwarded-For without a trusted proxy", () => {
    expect(clientAddressOf("::ffff:203.0.113.9", "1.2.3.4", 0)).toBe("203.0.113.9");
    expect(clientAddressOf("2001:db8::1", undefined, 0)).toBe("2001:db8::1");
    expect(clientAddressOf(undefined, "1.2.3.4", 0)).toBeNull();
  });
  it("behind trusted proxies, takes the entry the outermost one saw, never a client-supplied one further left", () => {
    // client forged "6.6.6.6"; the proxy (10.0.0.2) appended the real client 198.51.100.4
    expect(clientAddressOf("10.0.0.2", "6.6.6.6, 198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientAddressOf("10.0.0.3", "6.6.6.6, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
    // reached directly, past the proxy: no more entries than the socket's
    expect(clientAddressOf("198.51.100.7", undefined, 1)).toBe("198.51.100.7");
  });
  it("reads only the address the request hook handed on", () => {
    expect(handedOnAddress({ [CLIENT_ADDRESS_HEADER]: "198.51.100.4", "x-forwarded-for": "6.6.6.6" })).toBe("198.51.100.4");
    expect(handedOnAddress({ "x-forwarded-for": "6.6.6.6" })).toBeNull();
    expect(handedOnAddress(undefined)).toBeNull();
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
