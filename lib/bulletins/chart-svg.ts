/**
 * 图1 as SVG markup: each county's completion, ranked, with the 序时进度 line. One drawing for
 * the page, the print layout and the .docx (rendered to PNG there). Pure: plain text out.
 */
import { Decimal } from "@/lib/decimal";
import type { BulletinChart } from "./types";

export interface ChartLabels {
  /** "序时进度" */
  expected: string;
  /** "完成率（%）" */
  axis: string;
  /** the accessible name of the figure */
  aria: string;
}

const WIDTH = 640;
const ROW = 26;
const LEFT = 96;
const RIGHT = 56;
const TOP = 28;
const FONT = "Noto Sans CJK SC, Source Han Sans SC, SimHei, sans-serif";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The chart's size in SVG units (the .docx scales the image by it). */
export function chartSize(chart: BulletinChart): { width: number; height: number } {
  return { width: WIDTH, height: TOP + chart.bars.length * ROW + 24 };
}

export function completionChartSvg(chart: BulletinChart, labels: ChartLabels): string {
  const { height } = chartSize(chart);
  const values = chart.bars.map((b) => new Decimal(b.percent ?? 0));
  const max = Decimal.max(new Decimal(100), new Decimal(chart.expectedPercent), ...values);
  // coordinates are drawing units, not measures: a float is exact enough for a pixel
  const scale = (v: Decimal) => v.div(max).times(WIDTH - LEFT - RIGHT).toDecimalPlaces(2).toNumber();
  const expectedX = LEFT + scale(new Decimal(chart.expectedPercent));
  const bars = chart.bars.map((b, k) => {
    const y = TOP + k * ROW;
    const w = Math.max(0, scale(values[k]));
    const behind = b.percent !== null && values[k].lt(chart.expectedPercent);
    return (
      `<text x="${LEFT - 8}" y="${y + 16}" font-size="13" text-anchor="end" fill="#0f172a">${escape(b.label)}</text>` +
      `<rect x="${LEFT}" y="${y + 4}" width="${w}" height="${ROW - 10}" fill="${behind ? "#b91c1c" : "#1f5fae"}"/>` +
      `<text x="${LEFT + w + 4}" y="${y + 16}" font-size="12" fill="#0f172a">${escape(b.percent ?? "—")}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escape(labels.aria)}" font-family="${FONT}">` +
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>` +
    `<text x="${LEFT}" y="14" font-size="11" fill="#334155">${escape(labels.axis)}</text>` +
    bars.join("") +
    `<line x1="${expectedX}" x2="${expectedX}" y1="${TOP - 4}" y2="${height - 18}" stroke="#d97706" stroke-width="2" stroke-dasharray="5 3"/>` +
    `<text x="${expectedX}" y="${height - 4}" font-size="11" text-anchor="middle" fill="#92400e">${escape(labels.expected)} ${escape(chart.expectedPercent)}%</text>` +
    `</svg>`
  );
}
