/** `?region=<code>` of the dashboards: the region whose children they show, or not found. */
import { notFound } from "next/navigation";
import { NotFoundError, type DashboardScope } from "@/lib/data/dashboard";
import type { TenantData } from "@/lib/data/tenant";
import type { DashboardQuery } from "@/lib/schemas/dashboard";

export async function pageScope(data: TenantData, query: DashboardQuery): Promise<DashboardScope> {
  if (query.invalid.includes("region")) notFound();
  try {
    return await data.dashboardScope(query.region);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
