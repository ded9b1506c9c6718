/**
 * The server's request hook on a real Node HTTP server: the client address handed on is the
 * socket's (a client's own X-Forwarded-For or address header is not believed), each answer
 * names its request, and HSTS is sent only when the site is served over HTTPS.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../../lib/auth/client-address";
import { installRequestHook } from "../../lib/server/request-hook";

let server: http.Server;
let base: string;

beforeAll(async () => {
  vi.stubEnv("LOG_LEVEL", "silent");
  installRequestHook();
  server = http.createServer((req, res) => res.end(JSON.stringify({ address: req.headers[CLIENT_ADDRESS_HEADER] ?? null })));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});
afterEach(() => {
  vi.stubEnv("TRUSTED_PROXY_HOPS", "");
  vi.stubEnv("NEXTAUTH_URL", "");
});

const spoofed = { "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "7.7.7.7" };

describe("the request hook", () => {
  it("hands on the socket's address, whatever the client claims", async () => {
    const res = await fetch(`${base}/signin`, { headers: spoofed });
    expect(await res.json()).toEqual({ address: "127.0.0.1" });
  });
  it("believes X-Forwarded-For only as far as the configured proxies", async () => {
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    const res = await fetch(`${base}/signin`, { headers: { ...spoofed, "x-forwarded-for": "6.6.6.6, 198.51.100.4" } });
    expect(await res.json()).toEqual({ address: "198.51.100.4" });
  });
  it("names each request in X-Request-Id", async () => {
    const [a, b] = await Promise.all([fetch(base), fetch(base)]);
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
  it("sends HSTS only when the site is served over HTTPS", async () => {
    expect((await fetch(base)).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("NEXTAUTH_URL", "https://sti.example.cn");
    expect((await fetch(base)).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
