/**
 * GET /api/v1/{tenant}/overview?year=&month=&region= — the overview's data (getOverview); with
 * `region`, of that region's children, and `scope` the way down to it.
 */
import { apiHandler } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return apiHandler(request, tenant, async (data, { period }, query) => {
    if (query.region === undefined) return data.overview(period);
    const scope = await data.dashboardScope(query.region);
    return { ...(await data.overview(period, scope.parentId)), scope: scope.path };
  });
}
