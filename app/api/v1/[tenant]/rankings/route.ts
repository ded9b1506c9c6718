/**
 * GET /api/v1/{tenant}/rankings?year=&month=&indicator=&region=&depth= — one indicator's ranking
 * (getRanking) and the composite ranking (getCompositeRanking) of the period; with `region`,
 * of that region's children, and `scope` the way down to it; with `depth` (2, …), of every
 * region that many levels down, across the levels between.
 */
import { apiHandler, problem } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  let missing = false;
  let tooDeep = false;
  const res = await apiHandler(request, tenant, async (data, { period }, query) => {
    const indicators = await data.indicators();
    const code = query.indicator ?? indicators.find((i) => i.weighted)?.code ?? indicators[0]?.code;
    if (!code || !indicators.some((i) => i.code === code)) {
      missing = true;
      return null;
    }
    if (query.region === undefined && query.depth === undefined) return data.rankingsView(code, period);
    const scope = await data.dashboardScope(query.region);
    const depth = query.depth ?? 1;
    if (depth > Math.max(1, scope.levels)) {
      tooDeep = true;
      return null;
    }
    return { ...(await data.rankingsView(code, period, scope.parentId, depth)), scope: scope.path, depth };
  });
  if (tooDeep) return problem(404, "no regions that many levels down");
  return missing ? problem(404, "unknown indicator") : res;
}
