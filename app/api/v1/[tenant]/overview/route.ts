/** GET /api/v1/{tenant}/overview?year=&month= — the overview's data (getOverview). */
import { apiHandler } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return apiHandler(request, tenant, (data, { period }) => data.overview(period));
}
