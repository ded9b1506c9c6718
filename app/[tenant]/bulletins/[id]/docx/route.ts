/**
 * The bulletin as a Word document (lib/bulletins/docx.ts). Same visibility as the page:
 * members of the tenant; drafts only for bulletin.draft.read. Anyone else gets 404.
 */
import { getTranslations } from "next-intl/server";
import { requireTenantRoute } from "@/lib/auth/guard";
import { chartImage, mapImage } from "@/lib/bulletins/chart-png";
import { bulletinDocx } from "@/lib/bulletins/docx";
import { drawable, mapSummary } from "@/lib/bulletins/map-svg";
import { can } from "@/lib/permissions";

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { id } = await params;
  const access = await requireTenantRoute(params, "bulletin.read");
  if (access instanceof Response) return access;
  const { user, data } = access;
  const record = await data.bulletin(id, { includeDrafts: can(user, "bulletin.draft.read", { tenantId: user.tenantId }) });
  if (!record) return new Response("Not found", { status: 404 });

  const t = await getTranslations("BulletinText");
  const doc = record.document;
  const charts = await Promise.all(doc.charts.map((c) => chartImage(c, { expected: t("expectedLine"), axis: t("completionAxis"), aria: t("chartLabel", { title: c.title, expected: c.expectedPercent }) })));
  // the county map after 图1, when the document has one and the tenant still has its outlines
  const map = doc.map ? await data.countyMap() : null;
  if (map && drawable(doc.map, map)) {
    const aria = t("mapLabel", { title: doc.map.title, legend: mapSummary(doc.map) });
    charts.push(await mapImage(doc.map, map, { aria, attribution: map.attribution ? t("mapAttribution", { text: map.attribution }) : null }));
  }
  const buffer = await bulletinDocx(doc, { docNumber: record.docNumber, charts, tablesHeading: t("tablesHeading") });
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="bulletin.docx"; filename*=UTF-8''${encodeURIComponent(`${record.title}.docx`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
