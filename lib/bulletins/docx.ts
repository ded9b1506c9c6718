/**
 * The bulletin as a Word document (.docx, through the `docx` library), laid out after GB/T 9704:
 * A4, margins 37/35/28/26 mm; red 版头 (issuer), 发文字号 and red rule; title 2号 in 方正小标宋简体;
 * body 3号 in 仿宋_GB2312 on 28 pt lines; page numbers "— 1 —" 4号 at the outside edges (odd pages
 * right, even pages left); 图1 and the county map as images; the tables after a page break. Where a font is missing,
 * Word and LibreOffice substitute a face of the same script.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { BulletinDocument, BulletinTable } from "./types";

const RED = "C00000";
const FONTS = { title: "方正小标宋简体", body: "仿宋_GB2312", heading: "黑体", latin: "Times New Roman", page: "宋体" };
/** half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt */
const SIZE = { issuer: 52, title: 44, body: 32, page: 28, table: 18, wideTable: 16 };
const TEXT_WIDTH_MM = 210 - 28 - 26;
/** 3号 lines of 28 pt (GB/T 9704: 22 lines of 28 characters) */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };
/** two 3号 characters of first-line indent */
const INDENT = 640;
/** mm → twips, rounded (A4 is then Word's own 11906 × 16838) */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** joins characters Word would otherwise break between (亿元 stays on one line) */
const WORD_JOINER = "\u2060";

export interface DocxChart {
  title: string;
  png: Buffer;
  width: number;
  height: number;
  /** small lines under the image (the map's counties not drawn, its attribution) */
  notes?: string[];
}

const run = (text: string, font: string, size: number, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin }, size, ...extra });

/** 版头: the issuer in red, 发文字号 two lines below, the red rule 4 mm under it (GB/T 9704 §7.2). */
function masthead(issuer: string, docNumber: string | null): Paragraph[] {
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 11 } };
  const issuerPara = new Paragraph({ alignment: AlignmentType.CENTER, children: [run(issuer, FONTS.title, SIZE.issuer, { color: RED })], ...(docNumber ? {} : { border: rule }) });
  if (!docNumber) return [issuerPara];
  return [issuerPara, new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 1120, ...LINE }, border: rule, children: [run(docNumber, FONTS.body, SIZE.body)] })];
}

/** The title, broken only where the generator put its line breaks. */
function title(doc: BulletinDocument): Paragraph {
  const lines = doc.titleLines ?? [doc.title];
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 1120, after: 560, line: 700, lineRule: LineRuleType.EXACT },
    children: lines.map((line, k) => new TextRun({ text: line, break: k > 0 ? 1 : 0, font: { eastAsia: FONTS.title, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: SIZE.title })),
  });
}

const bodyParagraph = (text: string, font = FONTS.body) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: LINE, children: [run(text, font, SIZE.body)] });

/** the largest figure: the type area's width (150 mm of 156) and at most 120 mm high */
const FIGURE_MM = { width: 150, height: 120 };
const px = (mm: number) => (mm / 25.4) * 96;

/** A figure with its caption, centred, scaled to the type area; its notes under it. */
function chartParagraphs(chart: DocxChart): Paragraph[] {
  const scale = Math.min(px(FIGURE_MM.width) / chart.width, px(FIGURE_MM.height) / chart.height);
  const [widthPx, heightPx] = [Math.round(chart.width * scale), Math.round(chart.height * scale)];
  const notes = chart.notes ?? [];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240 }, children: [run(chart.title, FONTS.heading, 24)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: notes.length > 0, children: [new ImageRun({ type: "png", data: chart.png, transformation: { width: widthPx, height: heightPx }, altText: { name: chart.title, description: chart.title, title: chart.title } })] }),
    ...notes.map((note, k) => new Paragraph({ alignment: AlignmentType.CENTER, keepNext: k < notes.length - 1, children: [run(note, FONTS.body, SIZE.table)] })),
  ];
}

/** The body: headings in 黑体, paragraphs in 仿宋; 图1 and the county map in 三. */
function body(doc: BulletinDocument, charts: DocxChart[]): Paragraph[] {
  return doc.sections.flatMap((s) => [
    bodyParagraph(s.heading, FONTS.heading),
    ...s.paragraphs.map((p) => bodyParagraph(p.text)),
    ...(s.id === "counties" ? charts.flatMap(chartParagraphs) : []),
  ]);
}

/** 发文机关署名 and 成文日期, right-aligned four characters in. */
function signature(doc: BulletinDocument): Paragraph[] {
  const line = (text: string, before = 0) => new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: INDENT * 2 }, spacing: { before, ...LINE }, children: [run(text, FONTS.body, SIZE.body)] });
  return [line(doc.issuer, 1120), line(doc.dateText)];
}

/** Column widths in mm: the naming column wide, 序号/排名 and 单位 narrow, the figures equal. */
function columnWidths(table: BulletinTable): number[] {
  const fixed = table.columns.map((c, k): number => (c === "序号" || c === "排名" ? 9 : c === "单位" ? 15 : (table.id === "counties" ? k === 0 : k === 1) ? 30 : 0));
  const free = fixed.filter((w) => w === 0).length;
  const rest = (TEXT_WIDTH_MM - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, free);
  return fixed.map((w) => (w === 0 ? rest : w));
}

function tableOf(table: BulletinTable): (Paragraph | Table)[] {
  const size = table.columns.length > 8 ? SIZE.wideTable : SIZE.table;
  const widths = columnWidths(table).map(twip);
  const bold = new Set((table.emphasis ?? []).map((e) => `${e.row}:${e.column}`));
  const cell = (text: string, k: number, opts: { head?: boolean; bold?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[k], type: WidthType.DXA },
      margins: { left: 40, right: 40, top: 20, bottom: 20 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(table.columns[k] === "单位" ? [...text].join(WORD_JOINER) : text, opts.head ? FONTS.heading : FONTS.body, size, { bold: opts.bold })] })],
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, k) => cell(c, k, { head: true })) }),
    ...table.rows.map((row, r) => new TableRow({ cantSplit: true, children: row.map((text, k) => cell(text, k, { bold: bold.has(`${r}:${k}`) })) })),
  ];
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(table.title, FONTS.heading, 24)] }),
    new Table({ layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, rows }),
    ...(table.note ? [new Paragraph({ children: [run(table.note, FONTS.body, size)] })] : []),
  ];
}

/** "— 1 —" in 4号 宋体, one character in from the outside edge. */
function pageFooter(side: "odd" | "even"): Footer {
  const children = [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { eastAsia: FONTS.page, ascii: FONTS.page, hAnsi: FONTS.page }, size: SIZE.page })];
  const odd = side === "odd";
  return new Footer({ children: [new Paragraph({ alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT, indent: odd ? { right: 280 } : { left: 280 }, children })] });
}

export async function bulletinDocx(doc: BulletinDocument, options: { docNumber: string | null; charts: DocxChart[]; tablesHeading: string }): Promise<Buffer> {
  const annexHeading = new Paragraph({ pageBreakBefore: true, spacing: LINE, children: [run(options.tablesHeading, FONTS.heading, SIZE.body)] });
  const document = new Document({
    title: doc.title,
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(210), height: twip(297) },
            margin: { top: twip(37), bottom: twip(35), left: twip(28), right: twip(26), footer: twip(23) },
          },
        },
        footers: { default: pageFooter("odd"), even: pageFooter("even") },
        children: [...masthead(doc.issuer, options.docNumber), title(doc), ...body(doc, options.charts), ...signature(doc), annexHeading, ...doc.tables.flatMap(tableOf)],
      },
    ],
  });
  return Packer.toBuffer(document);
}
