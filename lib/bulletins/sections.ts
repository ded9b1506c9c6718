/**
 * The four sections of the bulletin's text, one function per part. The text names the
 * headline figures, the indicators behind 序时进度, the slowest county of each indicator and
 * the next steps; the tables carry the rest (一 cites 表1, 三 cites 表2 and 表3).
 */
import { Decimal } from "@/lib/decimal";
import { Para, type TableBuilder } from "./builders";
import { points } from "./format";
import { periodName } from "./period";
import { C, DASH, FIRST_COUNTY, type Tables } from "./tables";
import type { BulletinIndicatorInput, BulletinInput, BulletinMapFigure, BulletinParagraph, BulletinSection } from "./types";

export interface Context extends Tables {
  input: BulletinInput;
  area: string;
  /** the word for the regions ranked: 县市区, 市州 */
  units: string;
  span: string;
  /** the county map figure, when the tenant has outlines */
  map: BulletinMapFigure | undefined;
}

/** the indicators the overview states in words (the first of the catalogue); 表1 has them all */
const HEADLINE_COUNT = 3;
/** the indicators behind 序时进度 whose remaining amount 四 spells out */
const GAPS_COUNT = 3;

const isBehind = (status: string) => status === "BEHIND" || status === "SERIOUSLY_BEHIND";
const names = (list: readonly { name: string }[]) => list.map((i) => i.name).join("、");

/** The indicators behind 序时进度, furthest behind first. */
function behindIndicators(measured: BulletinIndicatorInput[]): BulletinIndicatorInput[] {
  return measured
    .filter((i) => isBehind(i.status))
    .sort((a, b) => new Decimal(a.gapPoints ?? 0).comparedTo(new Decimal(b.gapPoints ?? 0)) || a.code.localeCompare(b.code));
}

/** "完成年度目标任务的X%，高于/低于序时进度Y个百分点" for a row of 表1. */
function progressPhrase(p: Para, t1: TableBuilder, i: BulletinIndicatorInput, row: number): Para {
  p.t("完成年度目标任务的").f(t1.ref(row, C.completion)).t("%");
  if (i.gapPoints === null) return p;
  if (points(i.gapPoints) === "0.0") return p.t("，与序时进度持平");
  return p.t(new Decimal(i.gapPoints).gt(0) ? "，高于序时进度" : "，低于序时进度").f(t1.ref(row, C.gap)).t("个百分点");
}

/** "，同比增长/下降Z%" for a row of 表1. */
function yoyPhrase(p: Para, t1: TableBuilder, i: BulletinIndicatorInput, row: number): Para {
  if (i.yoyGrowth === null) return p;
  const y = new Decimal(i.yoyGrowth).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  if (y.isZero()) return p.t("，与上年同期持平");
  return p.t(y.gt(0) ? "，同比增长" : "，同比下降").f(t1.ref(row, C.yoy)).t("%");
}

/** 一、总体情况: the headline indicators in words, the rest in 表1. */
export function overviewSection({ input, area, span, measured, t1, rowOf }: Context): BulletinSection {
  const intro = new Para("overview-intro").t(`现将${periodName(input.period)}${area}科技创新主要指标完成情况通报如下。`);
  const head = new Para("overview-figures").t(`${span}，`);
  measured.slice(0, HEADLINE_COUNT).forEach((i, k) => {
    const row = rowOf.get(i.code)!;
    if (k > 0) head.t("；");
    const level = i.unit === "%" || i.unit.includes("/");
    head.t(i.name).t(level ? "为" : "完成").f(t1.ref(row, C.actual)).t(i.unit).t("，");
    progressPhrase(head, t1, i, row);
    yoyPhrase(head, t1, i, row);
  });
  if (measured.length === 0) head.t("本期暂无可通报的指标数据。");
  else head.t(measured.length > HEADLINE_COUNT ? "。各项主要指标完成情况详见表1。" : "（详见表1）。");
  return { id: "overview", heading: "一、总体情况", paragraphs: [intro.build(), head.build()] };
}

/** 二、主要指标序时进度情况: the indicators behind 序时进度, the others by exception. */
export function progressSection({ measured, t1, rowOf }: Context): BulletinSection {
  const behind = behindIndicators(measured);
  const p = new Para("progress-summary").t("从序时进度看，");
  if (measured.length === 0) p.t("本期暂无可比较的指标。");
  else if (behind.length === 0) p.t("各项主要指标完成进度均达到或超过序时进度。");
  else {
    p.t(behind.length < measured.length ? `除${names(behind)}外，其余主要指标完成进度均达到或超过序时进度。其中，` : "各项主要指标均低于序时进度，其中");
    behind.forEach((i, k) => {
      if (k > 0) p.t("；");
      p.t(i.name);
      progressPhrase(p, t1, i, rowOf.get(i.code)!);
    });
    p.t(behind.length > 1 ? "。上述指标需加快推进。" : "，需加快推进。");
  }
  return { id: "progress", heading: "二、主要指标序时进度情况", paragraphs: [p.build()] };
}

/** "龙山县等2个县市区" (or the one name). */
function countiesNamed(list: readonly string[], units: string): string {
  return list.length === 1 ? list[0]! : `${list[0]}等${list.length}个${units}`;
}

/**
 * 三, opening: the counties that have not reported the month (not ranked on earlier figures)
 * and those whose figures still await approval, as of the issue date.
 */
function reportingParagraph({ input, units }: Context): BulletinParagraph | null {
  if (input.unreported.length === 0 && input.pending.length === 0) return null;
  const [, m, d] = input.issuedOn.split("-").map(Number);
  const p = new Para("counties-reporting").t(`截至${m}月${d}日，`);
  const listed = (list: readonly string[]) => (list.length > 1 ? `（${list.join("、")}）` : "");
  if (input.unreported.length > 0) p.t(`${countiesNamed(input.unreported, units)}尚未报送${input.month}月数据${listed(input.unreported)}，不参与本期排名`);
  if (input.unreported.length > 0 && input.pending.length > 0) p.t("；");
  if (input.pending.length > 0) p.t(`${countiesNamed(input.pending, units)}报送的${input.month}月数据尚待审核${listed(input.pending)}，${input.pendingCounted ? "本通报暂按报送数计" : "暂不参与本期排名"}`);
  return p.t("。").build();
}

/** 三, the counties below 序时进度: the slowest county of each indicator, grouped by county (all of them in 表2). */
function laggardParagraph({ byCode, laggardLists, t2, gridRowOf, units }: Context): BulletinParagraph {
  const lists = laggardLists.filter((l) => gridRowOf.has(l.indicatorCode));
  if (lists.length === 0) return new Para("counties-laggards").t(`对照序时进度，各${units}主要指标均达到或超过序时进度。`).build();
  const bySlowest = new Map<string, string[]>();
  for (const l of lists) bySlowest.set(l.counties[0]!.name, [...(bySlowest.get(l.counties[0]!.name) ?? []), l.indicatorCode]);
  const p = new Para("counties-laggards").t(`对照序时进度，部分${units}指标进度滞后（详见表2）。`);
  const countyColumns = t2.columns.slice(FIRST_COUNTY);
  [...bySlowest.entries()].forEach(([county, codes], k) => {
    if (k > 0) p.t("；");
    p.t(`${county}的`);
    codes.forEach((code, j) => {
      const row = gridRowOf.get(code)!;
      const column = FIRST_COUNTY + countyColumns.indexOf(county);
      p.t(`${j > 0 ? "、" : ""}${byCode.get(code)!.name}（`);
      if (column >= FIRST_COUNTY && t2.rows[row][column] !== DASH) p.f(t2.ref(row, column)).t("%）");
      else p.t("未报）");
    });
    p.t(`完成进度${codes.length > 1 ? "均" : ""}为各${units}最慢`);
  });
  return p.t("。").build();
}

/** 三, the head and the tail of the composite ranking (表3, 图1, the map's tiers). */
function compositeParagraph({ ranked, t3, compositeRows, input, map }: Context): BulletinParagraph | null {
  if (compositeRows.length === 0) return null;
  const figures = [...(input.chart ? ["图1"] : []), ...(map ? [map.title.split(" ")[0]] : [])];
  const p = new Para("counties-composite").t(`从综合排名看（详见表3${figures.map((f) => `、${f}`).join("")}），`);
  p.t(`${names(ranked.slice(0, Math.min(3, ranked.length)))}综合得分位居前列`);
  const lastIndex = ranked.length - 1;
  const last = ranked[lastIndex];
  if (ranked.length > 3) p.t(`；${last.name}综合得分`).f(t3.ref(compositeRows[lastIndex], 4)).t("分，排名末位");
  const tierC = ranked.filter((c) => c.tier !== null && c.tier === last.tier && ranked[0].tier !== c.tier);
  if (tierC.length === 1 && tierC[0] === last && ranked.length > 3) p.t(`，处于${tierC[0].tier}档`);
  else if (tierC.length > 0 && ranked.length > 3) p.t(`，${names(tierC)}处于${tierC[0].tier}档`);
  return p.t("。").build();
}

/** 三、县市区进度情况 (市州 when the regions ranked are cities) */
export function countiesSection(ctx: Context): BulletinSection {
  const reporting = reportingParagraph(ctx);
  const composite = compositeParagraph(ctx);
  return { id: "counties", heading: `三、${ctx.units}进度情况`, paragraphs: [...(reporting ? [reporting] : []), laggardParagraph(ctx), ...(composite ? [composite] : [])] };
}

/** 四, (一): what is left to do for the indicators furthest behind. */
function gapsParagraph({ input, measured, t1, rowOf }: Context): BulletinParagraph | null {
  if (input.month === 12) return new Para("next-gaps").t("（一）认真总结全年工作，对未完成目标任务的指标逐项分析原因，谋划好下一年度工作。").build();
  const behind = behindIndicators(measured);
  const needs = (behind.length > 0 ? behind : measured)
    .filter((i) => t1.rows[rowOf.get(i.code)!][C.needed] !== DASH && t1.rows[rowOf.get(i.code)!][C.remaining] !== DASH)
    .slice(0, GAPS_COUNT);
  if (input.month > 12 || needs.length === 0) return null;
  const p = new Para("next-gaps").t("（一）倒排工期，确保完成全年目标。");
  needs.forEach((i, k) => {
    const row = rowOf.get(i.code)!;
    const unit = i.unit === "%" ? "个百分点" : i.unit;
    if (k > 0) p.t("；");
    p.t(`${i.name}尚差`).f(t1.ref(row, C.remaining)).t(unit).t("，余下各月需月均完成").f(t1.ref(row, C.needed)).t(unit);
  });
  return p.t("。").build();
}

/** The counties lagging on at least half of the indicators that have laggards, last-ranked first. */
function weakCounties({ input, laggardLists }: Context): string[] {
  const lagCount = new Map<string, number>();
  for (const list of laggardLists) for (const c of list.counties) lagCount.set(c.name, (lagCount.get(c.name) ?? 0) + 1);
  const threshold = Math.max(1, Math.ceil(laggardLists.length / 2));
  const order = new Map(input.composite.map((c, k) => [c.name, k]));
  return [...lagCount.entries()]
    .filter(([, n]) => n >= threshold)
    .map(([name]) => name)
    .sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0) || a.localeCompare(b));
}

/** 四、下一步工作 */
export function nextSection(ctx: Context): BulletinSection {
  const { units } = ctx;
  const paragraphs: BulletinParagraph[] = [];
  const gaps = gapsParagraph(ctx);
  if (gaps) paragraphs.push(gaps);
  const weak = weakCounties(ctx);
  if (weak.length > 0) {
    paragraphs.push(new Para("next-counties").t(`（二）聚焦短板，加快追赶。${weak.join("、")}多项指标低于序时进度，要分析原因、制定措施，尽快赶上序时进度。`).build());
  }
  paragraphs.push(
    new Para("next-duty").t(`（${weak.length > 0 ? "三" : "二"}）压实责任，加强监测。各${units}要强化月度调度和数据质量把关，按时准确报送数据，确保完成全年目标任务。`).build(),
  );
  return { id: "next", heading: "四、下一步工作", paragraphs };
}
