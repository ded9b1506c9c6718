/**
 * 图1 and the county map as PNGs for the .docx: the page's SVGs (chart-svg.ts, map-svg.ts)
 * rasterised by sharp (libvips and librsvg, already installed with Next.js for image
 * optimisation), at twice the screen density.
 */
import sharp from "sharp";
import type { ProjectedMap } from "../geo/project";
import { chartSize, completionChartSvg, type ChartLabels } from "./chart-svg";
import type { DocxChart } from "./docx";
import { countyMapSize, countyMapSvg } from "./map-svg";
import type { BulletinChart, BulletinMapFigure } from "./types";

const png = (svg: string) => sharp(Buffer.from(svg), { density: 192 }).png().toBuffer();

export async function chartImage(chart: BulletinChart, labels: ChartLabels): Promise<DocxChart> {
  return { title: chart.title, png: await png(completionChartSvg(chart, labels)), ...chartSize(chart) };
}

/** The county map with its notes under it: the counties not drawn, the outlines' attribution. */
export async function mapImage(figure: BulletinMapFigure, map: ProjectedMap, options: { aria: string; attribution: string | null }): Promise<DocxChart> {
  const notes = [figure.note, options.attribution].filter((n): n is string => Boolean(n));
  return { title: figure.title, png: await png(countyMapSvg(figure, map, options.aria)), ...countyMapSize(map), notes };
}
