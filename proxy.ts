/**
 * Runs before every page request:
 * 1. a Content-Security-Policy with a fresh nonce per request (Next puts the nonce on its
 *    own scripts when it finds it in the request's CSP header) — 'strict-dynamic', no
 *    'unsafe-eval' in production (dev needs it for React's debugging), frame-ancestors
 *    'none'. style-src allows 'unsafe-inline': Recharts renders SVG with inline styles.
 * 2. optimistic sign-in redirect: a page request without any next-auth session cookie goes
 *    straight to /signin?callbackUrl=<page>. A convenience only — every page still checks
 *    the session and the tenant on the server (lib/auth/session.ts).
 * 3. hostile requests answered before any handler sees them (pages, their downloads and the
 *    read API): a path segment or query value with a control character (PostgreSQL refuses
 *    NUL in text) gets 400, and so does a server action call whose body is empty or, when
 *    not a form, not JSON — never a 500 from deeper down.
 */
import { NextResponse, type NextRequest } from "next/server";
import { config as appConfig } from "@/lib/config";
import { hasControlCharacters } from "@/lib/schemas/text";
import messages from "@/messages/zh-CN.json";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const PUBLIC_PATHS = new Set(["/", "/signin"]);

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

export function contentSecurityPolicy(nonce: string, dev = appConfig().mode === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 400 with the product's message; the read API answers in its own JSON form (app/api/v1/respond.ts). */
function badRequest(message: string, api: boolean): NextResponse {
  if (api) return NextResponse.json({ error: "bad_request", detail: message }, { status: 400, headers: { "Cache-Control": "private, no-store" } });
  return new NextResponse(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** A path or query value that is not valid percent-encoding or holds a control character. */
export function hostileAddress(url: URL): boolean {
  try {
    if (hasControlCharacters(decodeURIComponent(url.pathname))) return true;
  } catch {
    return true;
  }
  for (const [name, value] of url.searchParams) if (hasControlCharacters(name) || hasControlCharacters(value)) return true;
  return false;
}

/** A server action call whose body cannot be an action's arguments (a form, or the JSON of the arguments). */
export async function unreadableActionBody(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  if (request.headers.get("content-length") === "0") return true;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return false;
  const body = await request.clone().text();
  try {
    JSON.parse(body);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (hostileAddress(request.nextUrl)) return badRequest(messages.Errors.badAddress, api);
  if (await unreadableActionBody(request)) return badRequest(messages.Errors.badBody, api);
  if (api) return NextResponse.next();
  if (!PUBLIC_PATHS.has(pathname) && !hasSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = "";
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: not the API, Next's assets, or files with an extension (icon.svg …);
  // prefetches skip it too (they get the policy of the page that prefetches).
  matcher: [
    // the read API and the health check: only the hostile-request check
    "/api/v1/:path*",
    {
      source: "/((?!api/|_next/|.*\\.[A-Za-z0-9]+$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
