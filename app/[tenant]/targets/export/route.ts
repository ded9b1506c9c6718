/**
 * GET /{tenant}/targets/export?year= → the year's targets as .xlsx, in the import's layout
 * (区域代码, 区域名称, 指标代码, 指标名称, 年度, 目标值), so an export can be edited and
 * imported back. target.read: admins and leaders get every region, a reporter only their own.
 */
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { isTenantMember } from "@/lib/auth/types";
import { writeSheet } from "@/lib/xlsx";
import { db } from "@/lib/db/client";
import { targetExportRows } from "@/lib/data/targets";
import { can } from "@/lib/permissions";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  // another tenant's slug: not found, as for pages
  if (!isTenantMember(user) || user.tenantSlug !== tenant) return new Response("Not found", { status: 404 });
  if (!can(user, "target.read", { tenantId: user.tenantId, regionId: user.regionId })) return new Response("Forbidden", { status: 403 });
  const yearText = new URL(request.url).searchParams.get("year") ?? "";
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) return new Response("Bad year", { status: 400 });

  const t = await getTranslations("Targets");
  const ctx = { tenantId: user.tenantId, userId: user.userId, role: user.role, regionId: user.regionId };
  const rows = await targetExportRows(db, ctx, year);
  const body = await writeSheet(
    t("export.sheet", { year }),
    [t("export.region"), t("export.regionName"), t("export.indicator"), t("export.indicatorName"), t("export.year"), t("export.value")],
    rows,
    [12, 22, 22, 28, 8, 14],
  );
  const name = `targets-${tenant}-${year}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
