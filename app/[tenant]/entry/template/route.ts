/**
 * GET /{tenant}/entry/template?year=&month= — the import template (.xlsx): the header
 * 区域代码, 指标代码, 年, 月, 数值, 备注 and one empty row per (writable region × indicator).
 */
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { isTenantMember } from "@/lib/auth/types";
import type { TenantContext } from "@/lib/data/context";
import { entryRegions } from "@/lib/data/fills";
import { db } from "@/lib/db/client";
import { can } from "@/lib/permissions";
import * as clock from "@/lib/clock";
import { IMPORT_COLUMNS } from "@/lib/reporting/import";
import { chinaMonth } from "@/lib/reporting/locks";
import { writeSheet } from "@/lib/xlsx";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await getSessionUser();
  if (!user || !isTenantMember(user) || user.tenantSlug !== tenant || !(can(user, "fill.write") || can(user, "fill.review"))) {
    return new Response("Not found", { status: 404 });
  }
  const url = new URL(request.url);
  const fallback = chinaMonth(clock.now());
  const year = Number(url.searchParams.get("year") ?? fallback.year);
  const month = Number(url.searchParams.get("month") ?? fallback.month);
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !Number.isInteger(month) || month < 1 || month > 12) return new Response("Bad period", { status: 400 });
  const ctx: TenantContext = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const regions = await entryRegions(db, ctx);
  const indicators = await db.indicator.findMany({ where: { tenantId: user.tenantId, active: true, kind: { not: "RATIO" } }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
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
