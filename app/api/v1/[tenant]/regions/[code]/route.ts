/** GET /api/v1/{tenant}/regions/{code}?year=&month= — a county page's data (getRegionDetail). */
import { apiHandler } from "../../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string; code: string }> }) {
  const { tenant, code } = await params;
  return apiHandler(request, tenant, (data, { period }) => data.regionDetail(code, period));
}
