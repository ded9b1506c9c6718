/**
 * The period of an export's query (?year=&month=, see lib/schemas/dashboard.ts): every
 * export answers a year or month it cannot read the same way — 400 with the product's
 * message — instead of quietly exporting another period.
 */
import { getTranslations } from "next-intl/server";
import { parseDashboardQuery, type DashboardQuery } from "@/lib/schemas/dashboard";

export async function badPeriod(): Promise<Response> {
  const t = await getTranslations("Errors");
  return new Response(t("badPeriod"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The export's query, or the 400 answer when its year or month is invalid. */
export async function exportQuery(request: Request): Promise<DashboardQuery | Response> {
  const query = parseDashboardQuery(new URL(request.url).searchParams);
  if (query.invalid.includes("year") || query.invalid.includes("month")) return badPeriod();
  return query;
}
