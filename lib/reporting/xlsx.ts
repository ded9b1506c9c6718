/** Reading and writing the fills tables as .xlsx with exceljs (server only). */
import ExcelJS from "exceljs";

/** The first worksheet as rows of text (numbers via String: exceljs gives JS numbers for numeric cells). */
export async function readXlsx(data: ArrayBuffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const out: string[] = [];
    for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) out.push(cellText(row.getCell(c).value));
    rows[n - 1] = out;
  });
  return Array.from(rows, (r) => r ?? []).filter((r) => r.some((f) => f.trim() !== ""));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("result" in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
  }
  return String(v);
}

export async function writeXlsx(sheetName: string, header: string[], rows: (string | number)[][]): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "STI Monitor";
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => {
    c.width = 14;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
