/**
 * GET /api/v1/{tenant}/rankings?year=&month=&indicator= — one indicator's ranking
 * (getRanking) and the composite ranking (getCompositeRanking) of the period.
 */
import { db } from "@/lib/db/client";
import { getRankingsView, listIndicators } from "@/lib/data/dashboard";
import { apiHandler, problem } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  let missing = false;
  const res = await apiHandler(request, tenant, async (ctx, { period }, query) => {
    const indicators = await listIndicators(db, ctx);
    const code = query.indicator ?? indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
    if (!code || !indicators.some((i) => i.code === code)) {
      missing = true;
      return null;
    }
    return getRankingsView(db, ctx, code, period);
  });
  return missing ? problem(404, "unknown indicator") : res;
}
