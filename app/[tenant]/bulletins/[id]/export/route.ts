/**
 * The bulletin's tables as an .xlsx workbook (one sheet per table). Same visibility as the
 * page: members of the tenant; drafts only for bulletin.draft.read. Anyone else gets 404.
 */
import ExcelJS from "exceljs";
import { requireTenantRoute } from "@/lib/auth/guard";
import { can } from "@/lib/permissions";

const notFound = () => new Response("Not found", { status: 404 });

export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { id } = await params;
  const access = await requireTenantRoute(params, "bulletin.read");
  if (access instanceof Response) return access;
  const { user, data } = access;
  const record = await data.bulletin(id, { includeDrafts: can(user, "bulletin.draft.read", { tenantId: user.tenantId }) });
  if (!record) return notFound();

  const workbook = new ExcelJS.Workbook();
  workbook.creator = record.document.issuer;
  workbook.title = record.title;
  for (const table of record.document.tables) {
    const name = table.title.split(" ")[0].replace(/[\\/?*[\]:]/g, "").slice(0, 31) || table.id;
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow(table.columns);
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => toCell(cell)));
    if (table.note) sheet.addRow([table.note]);
    sheet.columns.forEach((c, k) => (c.width = k === 1 ? 24 : 14));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const filename = `${record.title}.xlsx`;
  return new Response(buffer as ArrayBuffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="bulletin.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** Numbers as numbers (exact text kept when it has a sign or separators removed), text as text. */
function toCell(cell: string): string | number {
  const plain = cell.replace(/,/g, "");
  if (/^[+-]?\d+(\.\d+)?$/.test(plain) && plain.replace(/^[+-]/, "").length <= 15) return Number(plain);
  return cell;
}
