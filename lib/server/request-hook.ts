/**
 * Per-request plumbing of the Node server, installed once at start (instrumentation.ts)
 * through Node's HTTP diagnostics channels, which see every request of `next start`
 * before Next does:
 * - a request id (X-Request-Id on the answer) and one JSON log line when the answer is
 *   finished, with its duration;
 * - the client address worked out from the socket (and trusted proxies), handed on in a
 *   header that replaces anything the client sent (lib/auth/client-address.ts);
 * - HSTS when the site is served over HTTPS;
 * - while the server shuts down, health checks answer 503 (lib/server/lifecycle.ts).
 * Server only.
 */
import { randomUUID } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { logger } from "./log";

const HSTS = "max-age=31536000; includeSubDomains";

interface Started {
  id: string;
  start: bigint;
  address: string | null;
}

const started = new WeakMap<IncomingMessage, Started>();

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

function onRequest({ request, response }: { request: IncomingMessage; response: ServerResponse }): void {
  const { trustedProxyHops, https } = config();
  const address = clientAddressOf(request.socket.remoteAddress, firstValue(request.headers["x-forwarded-for"]), trustedProxyHops);
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  const id = randomUUID();
  started.set(request, { id, start: process.hrtime.bigint(), address });
  response.setHeader("X-Request-Id", id);
  if (https) response.setHeader("Strict-Transport-Security", HSTS);
}

function onFinish({ request, response }: { request: IncomingMessage; response: ServerResponse }): void {
  const s = started.get(request);
  if (!s) return;
  const durationMs = Number(process.hrtime.bigint() - s.start) / 1e6;
  // the path only: query strings can carry what does not belong in a log
  const path = (request.url ?? "").split("?")[0];
  logger().info(
    { reqId: s.id, method: request.method, path, status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10, address: s.address },
    "request",
  );
}

let installed = false;

export function installRequestHook(): void {
  if (installed) return;
  installed = true;
  diagnostics.subscribe("http.server.request.start", (message) => onRequest(message as Parameters<typeof onRequest>[0]));
  diagnostics.subscribe("http.server.response.finish", (message) => onFinish(message as Parameters<typeof onFinish>[0]));
}
