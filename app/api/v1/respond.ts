/**
 * Shared plumbing of the read API (/api/v1/{tenant}/…): token check, query parsing,
 * JSON answers. The data is exactly what the pages get from lib/data/dashboard.ts.
 */
import { db } from "@/lib/db/client";
import { authorizeApiRequest, markApiTokenUsed } from "@/lib/data/api-tokens";
import type { TenantContext } from "@/lib/data/context";
import { NotFoundError, resolvePeriod, type ResolvedPeriod } from "@/lib/data/dashboard";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/schemas/dashboard";

const HEADERS = { "Cache-Control": "private, no-store" };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: HEADERS });
}

const ERRORS = { 400: "bad_request", 401: "unauthorized", 404: "not_found" } as const;

export function problem(status: 400 | 401 | 404, detail?: string): Response {
  const res = json({ error: ERRORS[status], ...(detail ? { detail } : {}) }, status);
  if (status === 401) res.headers.set("WWW-Authenticate", 'Bearer realm="sti-monitor"');
  return res;
}

export async function apiHandler(
  request: Request,
  slug: string,
  run: (ctx: TenantContext, resolved: ResolvedPeriod, query: DashboardQuery) => Promise<unknown>,
): Promise<Response> {
  const check = await authorizeApiRequest(db, slug, request.headers.get("authorization"));
  if (!check.ok) return problem(check.status);
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  if (query.invalid.length > 0) return problem(400, `invalid query parameter: ${query.invalid.join(", ")}`);
  try {
    const resolved = await resolvePeriod(db, check.ctx, query);
    const body = await run(check.ctx, resolved, query);
    await markApiTokenUsed(db, check.ctx, check.tokenId);
    return json(body);
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404);
    throw error;
  }
}
