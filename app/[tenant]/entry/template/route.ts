/**
 * GET /{tenant}/entry/template?year=&month= — the import template (.xlsx): the header
 * 区域代码, 指标代码, 年, 月, 数值, 备注 and one empty row per (writable region × indicator).
 */
import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import * as clock from "@/lib/clock";
import { IMPORT_COLUMNS } from "@/lib/reporting/import";
import { chinaMonth } from "@/lib/reporting/locks";
import { writeSheet } from "@/lib/xlsx";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const access = await requireTenantRoute(params, ["fill.write", "fill.review"]);
  if (access instanceof Response) return access;
  const { data } = access;
  const url = new URL(request.url);
  const fallback = chinaMonth(clock.now());
  const year = Number(url.searchParams.get("year") ?? fallback.year);
  const month = Number(url.searchParams.get("month") ?? fallback.month);
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !Number.isInteger(month) || month < 1 || month > 12) return new Response("Bad period", { status: 400 });
  const regions = await data.entryRegions();
  const indicators = await data.enteredIndicators();
  const t = await getTranslations("Import");
  const rows = regions.flatMap((r) => indicators.map((i) => [r.code, i.code, year, month, "", ""]));
  const body = await writeSheet(t("sheet.template"), [...IMPORT_COLUMNS], rows);
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="template-${tenant}-${year}-${String(month).padStart(2, "0")}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
