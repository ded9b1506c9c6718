/**
 * The bulletin generator (domain.md §6): plain figures in, a formal Chinese document out.
 * Pure and deterministic — the same input gives the same document — and every number in
 * a generated paragraph is read from a table cell of the same document (its `figures`).
 */
import { chineseDate, percent } from "./format";
import { countyMapFigure } from "./map";
import { periodName, spanName } from "./period";
import { countiesSection, nextSection, overviewSection, progressSection, type Context } from "./sections";
import { compositeTable, countyTable, indicatorTable } from "./tables";
import type { BulletinChart, BulletinDocument, BulletinInput } from "./types";

/** the widest title line, in 2号 characters of the type area (156 mm at 22 pt, less a margin) */
const TITLE_LINE_WIDTH = 19;
/** width in full-width characters: digits and Latin letters take half */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/**
 * The title's lines: its words (the organ, the period, the subject) packed greedily, so a
 * line breaks only between words — never inside 科技创新 or the organ's name.
 */
export function titleLines(parts: readonly string[], width = TITLE_LINE_WIDTH): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    if (last >= 0 && widthOf(lines[last] + part) <= width) lines[last] += part;
    else lines.push(part);
  }
  return lines;
}

/**
 * FNV-1a over the figures (without the issue date, the level word and the map's outlines,
 * which are no figures): a stable fingerprint of the data.
 */
function dataHash(input: BulletinInput): string {
  const { issuedOn: _date, units: _units, map: _map, ...figures } = input;
  const text = JSON.stringify(figures);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** 图1: the counties ranked by their completion of one indicator, against 序时进度. */
function completionChart({ input, byCode, span, units }: Context): BulletinChart[] {
  if (!input.chart) return [];
  const name = byCode.get(input.chart.indicatorCode)?.name ?? input.chart.indicatorCode;
  return [
    {
      id: "completion",
      title: `图1 各${units}${name}完成进度排名（${span}）`,
      expectedPercent: percent(input.chart.expected),
      bars: input.chart.bars.map((b) => ({ label: b.name, percent: b.completion !== null ? percent(b.completion) : null })),
    },
  ];
}

export function generateBulletin(input: BulletinInput): BulletinDocument {
  const area = input.area;
  const units = input.units ?? "县市区";
  const span = spanName(input.month);
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  const t1 = indicatorTable(input, area, span);
  // the map follows 图1 (when the document has one)
  const map = countyMapFigure(input, { number: input.chart ? 2 : 1, span, units });
  const ctx: Context = { input, area, units, span, byCode, map, ...t1, ...countyTable(input, t1.measured, span, units), ...compositeTable(input, span, units) };
  const titleParts = [input.tenantName, periodName(input.period), "科技创新工作情况分析通报"];
  return {
    version: 1,
    title: titleParts.join(""),
    titleLines: titleLines(titleParts),
    issuer: input.issuer,
    dateText: chineseDate(input.issuedOn),
    period: input.period,
    month: input.month,
    sections: [overviewSection(ctx), progressSection(ctx), countiesSection(ctx), nextSection(ctx)],
    tables: [ctx.t1.build(), ctx.t2.build(), ctx.t3.build()].filter((t) => t.rows.length > 0),
    charts: completionChart(ctx),
    ...(map ? { map } : {}),
    unreported: input.unreported,
    pending: input.pending,
    dataHash: dataHash(input),
  };
}
