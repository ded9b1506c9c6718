/** GET /api/v1/{tenant}/overview?year=&month= — the overview's data (getOverview). */
import { db } from "@/lib/db/client";
import { getOverview } from "@/lib/data/dashboard";
import { apiHandler } from "../../respond";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return apiHandler(request, tenant, (ctx, { period }) => getOverview(db, ctx, period));
}
