/**
 * The bulletin's county map as SVG markup (pure): the tenant's projected outlines, each county
 * filled by its tier and hatched so the tiers read on a black-and-white print too, labelled
 * with its short name and tier, the legend drawn in. One drawing for the page, the print
 * layout and the .docx (rendered to PNG there).
 */
import { shortRegionName, type ProjectedMap } from "../geo/project";
import type { BulletinMapFigure } from "./types";

/** room left and right of the outlines for the labels of the border counties */
const SIDE = 48;
const TOP = 6;
const LEGEND = 40;
const FONT = "Noto Sans CJK SC, Source Han Sans SC, SimHei, sans-serif";
const INK = "#0f172a";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The fills per tone: the dashboards' status colours under a pattern of its own — none for the
 * best tier, lines for the middle ones, a cross-hatch for the worst, dots for the unranked.
 */
const PATTERNS: Record<string, { fill: string; marks: string }> = {
  AHEAD: { fill: "#6ee7b7", marks: "" },
  BEHIND: { fill: "#fcd34d", marks: `<path d="M0 0V8" stroke="${INK}" stroke-width="1.1"/>` },
  SERIOUSLY_BEHIND: { fill: "#f87171", marks: `<path d="M0 0V8M0 0H8" stroke="${INK}" stroke-width="1.1"/>` },
  NO_DATA: { fill: "#e2e8f0", marks: `<circle cx="4" cy="4" r="1.1" fill="${INK}"/>` },
};
const toneOf = (tone: string) => (tone in PATTERNS ? tone : "NO_DATA");
const paint = (tone: string) => `url(#bm-${toneOf(tone)})`;

function defs(): string {
  const patterns = Object.entries(PATTERNS).map(
    ([tone, p]) =>
      `<pattern id="bm-${tone}" width="8" height="8" patternUnits="userSpaceOnUse"${tone === "NO_DATA" ? "" : ` patternTransform="rotate(45)"`}>` +
      `<rect width="8" height="8" fill="${p.fill}"/>${p.marks}</pattern>`,
  );
  return `<defs>${patterns.join("")}</defs>`;
}

/** The drawing's size in SVG units (the .docx scales the image by it). */
export function countyMapSize(map: Pick<ProjectedMap, "width" | "height">): { width: number; height: number } {
  return { width: map.width + 2 * SIDE, height: TOP + map.height + LEGEND };
}

/** A label over a hatch: a white halo drawn first, then the text. */
function label(x: number, y: number, lines: string[]): string {
  const tspans = lines.map((line, k) => `<tspan x="${x}" dy="${k === 0 ? 0 : "1.15em"}"${k > 0 ? ` font-size="12"` : ""}>${escape(line)}</tspan>`).join("");
  const at = `x="${x}" y="${y}" text-anchor="middle" font-size="14"`;
  return `<text ${at} fill="#fff" stroke="#fff" stroke-width="3.5" stroke-linejoin="round">${tspans}</text><text ${at} fill="${INK}">${tspans}</text>`;
}

function legend(figure: BulletinMapFigure, y: number): string {
  let x = SIDE;
  return figure.legend
    .map((item) => {
      const swatch = `<rect x="${x}" y="${y}" width="22" height="14" fill="${paint(item.tone)}" stroke="${INK}" stroke-width="0.8"/>`;
      const text = `<text x="${x + 28}" y="${y + 12}" font-size="13" fill="${INK}">${escape(item.label)}</text>`;
      x += 28 + item.label.length * 13 + 22;
      return swatch + text;
    })
    .join("");
}

export function countyMapSvg(figure: BulletinMapFigure, map: ProjectedMap, aria: string): string {
  const { width, height } = countyMapSize(map);
  const shapeOf = new Map(map.shapes.map((s) => [s.code, s]));
  const drawn = figure.counties.flatMap((c) => {
    const s = shapeOf.get(c.code);
    return c.outlined && s ? [{ c, s }] : [];
  });
  const paths = drawn.map(({ c, s }) => `<path d="${s.d}" fill="${paint(c.tone)}" stroke="${INK}" stroke-width="1" stroke-linejoin="round"/>`);
  const labels = drawn.map(({ c, s }) => label(s.label[0], s.label[1] - 4, [shortRegionName(c.name), c.label]));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escape(aria)}" font-family="${FONT}">` +
    defs() +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g transform="translate(${SIDE} ${TOP})">${paths.join("")}${labels.join("")}</g>` +
    legend(figure, TOP + map.height + 14) +
    `</svg>`
  );
}

/** Whether the figure has a county to draw on these outlines (a new upload may have dropped them all). */
export function drawable(figure: BulletinMapFigure | undefined, map: Pick<ProjectedMap, "shapes"> | null): figure is BulletinMapFigure {
  if (!figure || !map) return false;
  const codes = new Set(map.shapes.map((s) => s.code));
  return figure.counties.some((c) => c.outlined && codes.has(c.code));
}

/** What the map says, for a screen reader: each county with its tier. */
export const mapSummary = (figure: BulletinMapFigure) => figure.counties.map((c) => `${c.name}${c.label}`).join("，");
