/**
 * Shared plumbing of the read API (/api/v1/{tenant}/…): token check, query parsing,
 * JSON answers. The data is exactly what the pages get from lib/data/dashboard.ts, its
 * decimals given at the exchange scale (lib/format `exchangeJson`, docs/api.md).
 */
import { NotFoundError, type ResolvedPeriod } from "@/lib/data/dashboard";
import { apiTenant, type TenantData } from "@/lib/data/tenant";
import { exchangeJson } from "@/lib/format";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/schemas/dashboard";

const HEADERS = { "Cache-Control": "private, no-store", "Content-Type": "application/json" };

function json(body: unknown, status = 200): Response {
  return new Response(exchangeJson(body), { status, headers: HEADERS });
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
  run: (data: TenantData, resolved: ResolvedPeriod, query: DashboardQuery) => Promise<unknown>,
): Promise<Response> {
  const access = await apiTenant(slug, request.headers.get("authorization"));
  if (!access.ok) return problem(access.status);
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  if (query.invalid.length > 0) return problem(400, `invalid query parameter: ${query.invalid.join(", ")}`);
  try {
    const resolved = await access.data.resolvePeriod(query);
    const body = await run(access.data, resolved, query);
    await access.markUsed();
    return json(body);
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404);
    throw error;
  }
}
