/**
 * 图1 as a PNG for the .docx: the page's SVG (chart-svg.ts) rasterised by sharp (libvips and
 * librsvg, already installed with Next.js for image optimisation), at twice the screen density.
 */
import sharp from "sharp";
import { chartSize, completionChartSvg, type ChartLabels } from "./chart-svg";
import type { DocxChart } from "./docx";
import type { BulletinChart } from "./types";

export async function chartImage(chart: BulletinChart, labels: ChartLabels): Promise<DocxChart> {
  const png = await sharp(Buffer.from(completionChartSvg(chart, labels)), { density: 192 }).png().toBuffer();
  return { title: chart.title, png, ...chartSize(chart) };
}
