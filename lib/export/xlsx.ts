/**
 * A shared helper turning tables into an .xlsx download (exceljs). Values: strings,
 * numbers, null; a column may carry an Excel number format ("0.00", "0.0%"). Decimal
 * strings from the data layer are written as numbers only in columns marked numeric.
 */
import ExcelJS from "exceljs";

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
  /** write the cell as a number (from a decimal string) with this Excel format */
  numFmt?: string;
}

export interface XlsxSheet {
  name: string;
  /** an optional title line above the table */
  title?: string;
  columns: XlsxColumn[];
  rows: Record<string, string | number | null | undefined>[];
}

/** Excel forbids some characters in sheet names and caps them at 31 characters. */
function sheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1";
}

export async function buildWorkbook(sheets: XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "STI Monitor";
  wb.created = new Date();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name));
    let headerRow = 1;
    if (s.title) {
      ws.addRow([s.title]).font = { bold: true, size: 13 };
      headerRow = 2;
    }
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    for (const row of s.rows) {
      ws.addRow(
        s.columns.map((c) => {
          const v = row[c.key];
          if (v === null || v === undefined || v === "") return null;
          if (c.numFmt && typeof v === "string") {
            const n = Number(v);
            return Number.isFinite(n) ? n : v;
          }
          return v;
        }),
      );
    }
    s.columns.forEach((c, k) => {
      const col = ws.getColumn(k + 1);
      col.width = c.width ?? Math.max(10, c.header.length * 2 + 2);
      if (c.numFmt) col.numFmt = c.numFmt;
    });
    ws.views = [{ state: "frozen", ySplit: headerRow }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An HTTP response downloading the workbook as `filename` (UTF-8 names allowed). */
export async function xlsxResponse(filename: string, sheets: XlsxSheet[]): Promise<Response> {
  const body = await buildWorkbook(sheets);
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
