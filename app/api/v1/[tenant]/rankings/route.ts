/**
 * GET /api/v1/{tenant}/rankings?year=&month=&indicator=&region= — one indicator's ranking
 * (getRanking) and the composite ranking (getCompositeRanking) of the period; with `region`,
 * of that region's children, and `scope` the way down to it.
 */
import { apiHandler, problem } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  let missing = false;
  const res = await apiHandler(request, tenant, async (data, { period }, query) => {
    const indicators = await data.indicators();
    const code = query.indicator ?? indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
    if (!code || !indicators.some((i) => i.code === code)) {
      missing = true;
      return null;
    }
    if (query.region === undefined) return data.rankingsView(code, period);
    const scope = await data.dashboardScope(query.region);
    return { ...(await data.rankingsView(code, period, scope.parentId)), scope: scope.path };
  });
  return missing ? problem(404, "unknown indicator") : res;
}
