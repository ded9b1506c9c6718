/**
 * GET /api/health — for a load balancer, without sign-in: 200 `{"status":"ok"}` when the
 * database answers and every migration is applied; 503 with the reason when not, or while
 * this instance shuts down (lib/server/lifecycle.ts). Names no tenant, user or setting.
 */
import { databaseHealth } from "@/lib/data/health";
import { isDraining } from "@/lib/server/lifecycle";

export const dynamic = "force-dynamic";

const HEADERS = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503, headers: HEADERS });
  const health = await databaseHealth();
  if (health.ok) return Response.json({ status: "ok" }, { headers: HEADERS });
  const detail = health.problem === "migrationsPending" ? { database: "migrations pending", pending: health.pending } : { database: "unreachable" };
  return Response.json({ status: "unavailable", ...detail }, { status: 503, headers: HEADERS });
}
