/**
 * The bulletin generator (domain.md §6): plain figures in, a formal Chinese document out.
 * Pure and deterministic — the same input gives the same document — and every number in
 * a generated paragraph is read from a table cell of the same document (its `figures`).
 */
import { Decimal } from "@/lib/decimal";
import { amount, chineseDate, numberTokens, percent, points, score, signedPercent, signedPoints } from "./format";
import { periodName, spanName } from "./period";
import type {
  BulletinChart,
  BulletinDocument,
  BulletinIndicatorInput,
  BulletinInput,
  BulletinParagraph,
  BulletinSection,
  BulletinTable,
  FigureRef,
} from "./types";

const DASH = "—";
const CN_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

function bulletinTitle(tenantName: string, period: BulletinInput["period"]): string {
  return `${tenantName}${periodName(period)}科技创新工作情况分析通报`;
}

/** FNV-1a over the figures (without the issue date): a stable fingerprint of the data. */
function dataHash(input: BulletinInput): string {
  const { issuedOn: _ignored, ...figures } = input;
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

const isBehind = (status: string) => status === "BEHIND" || status === "SERIOUSLY_BEHIND";

class TableBuilder {
  readonly rows: string[][] = [];
  constructor(readonly id: string, readonly title: string, readonly columns: string[], readonly note?: string) {}
  add(cells: string[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }
  /** A reference to a numeric cell; its text is the cell's number without sign. */
  ref(row: number, column: number): FigureRef {
    const token = numberTokens(this.rows[row][column])[0];
    if (token === undefined) throw new Error(`table ${this.id} cell ${row},${column} holds no number`);
    return { table: this.id, row, column, text: this.rows[row][column].replace(/^[+-]/, "") };
  }
  build(): BulletinTable {
    return { id: this.id, title: this.title, columns: this.columns, rows: this.rows, ...(this.note ? { note: this.note } : {}) };
  }
}

/** A paragraph assembled from literal text and figure references. */
class Para {
  private text = "";
  private readonly figures: FigureRef[] = [];
  constructor(readonly id: string) {}
  t(s: string): this {
    this.text += s;
    return this;
  }
  f(ref: FigureRef): this {
    this.text += ref.text;
    this.figures.push(ref);
    return this;
  }
  build(): BulletinParagraph {
    return { id: this.id, origin: "generated", text: this.text, figures: this.figures };
  }
}

const T1 = ["序号", "指标", "单位", "年度目标", "完成值", "完成率（%）", "序时进度（%）", "与序时进度差（百分点）", "同比增长（%）", "距目标尚差", "余下各月月均需完成"];
const C = { no: 0, name: 1, unit: 2, target: 3, actual: 4, completion: 5, expected: 6, gap: 7, yoy: 8, remaining: 9, needed: 10 };

type Laggards = BulletinInput["laggards"];
type Ranked = BulletinInput["composite"];

/** The three tables of a bulletin and where each indicator, laggard and county sits in them. */
interface Tables {
  /** the indicators with a target, a value and a completion: the rows of table 1 */
  measured: BulletinIndicatorInput[];
  t1: TableBuilder;
  rowOf: Map<string, number>;
  byCode: Map<string, BulletinIndicatorInput>;
  /** the laggard lists of known indicators that name at least one county */
  laggardLists: Laggards;
  t2: TableBuilder;
  laggardRows: Map<string, number[]>;
  /** the counties with a composite total, in rank order: the rows of table 3 */
  ranked: Ranked;
  t3: TableBuilder;
  compositeRows: number[];
}

interface Context extends Tables {
  input: BulletinInput;
  area: string;
  span: string;
}

/**
 * 每月尚需 at the indicator's precision, or one decimal more where rounding would make a
 * different claim (0.5 家 a month is not "1 家").
 */
function neededAmount(perMonth: Decimal, precision: number): string {
  return amount(perMonth, perMonth.decimalPlaces() > precision ? precision + 1 : precision);
}

/** 表1: the main indicators against their annual targets. */
function indicatorTable(input: BulletinInput, area: string, span: string): Pick<Tables, "measured" | "t1" | "rowOf"> {
  const measured = input.indicators.filter((i) => i.target !== null && i.completion !== null && i.actual !== null);
  const t1 = new TableBuilder("indicators", `表1 ${area}科技创新主要指标完成情况（${span}）`, T1, "注：完成率为完成值与年度目标之比；序时进度为截至本期应完成的进度。");
  const rowOf = new Map<string, number>();
  measured.forEach((i, k) => {
    const remaining = new Decimal(i.target!).minus(i.actual!);
    const row = t1.add([
      String(k + 1),
      i.name,
      i.unit,
      amount(i.target!, i.precision),
      amount(i.actual!, i.precision),
      percent(i.completion!),
      percent(i.expected),
      i.gapPoints !== null ? signedPoints(i.gapPoints) : DASH,
      i.yoyGrowth !== null ? signedPercent(i.yoyGrowth) : DASH,
      remaining.gt(0) ? amount(remaining, i.precision) : DASH,
      i.neededPerMonth !== null && remaining.gt(0) ? neededAmount(new Decimal(i.neededPerMonth), i.precision) : DASH,
    ]);
    rowOf.set(i.code, row);
  });
  return { measured, t1, rowOf };
}

/** 表2: the counties below the expected progress, indicator by indicator. */
function laggardTable(input: BulletinInput, byCode: Tables["byCode"], span: string): Pick<Tables, "laggardLists" | "t2" | "laggardRows"> {
  const laggardLists = input.laggards.filter((l) => l.counties.length > 0 && byCode.has(l.indicatorCode));
  const t2 = new TableBuilder("laggards", `表2 各县市区主要指标低于序时进度情况（${span}）`, ["指标", "县市区", "完成率（%）", "序时进度（%）", "低于序时进度（百分点）"]);
  const laggardRows = new Map<string, number[]>();
  for (const list of laggardLists) {
    const name = byCode.get(list.indicatorCode)!.name;
    laggardRows.set(
      list.indicatorCode,
      list.counties.map((c) => t2.add([name, c.name, percent(c.completion), percent(c.expected), points(c.gapPoints)])),
    );
  }
  return { laggardLists, t2, laggardRows };
}

/** 表3: the composite ranking of the counties. */
function compositeTable(input: BulletinInput, span: string): Pick<Tables, "ranked" | "t3" | "compositeRows"> {
  const ranked = input.composite.filter((c) => c.total !== null);
  const t3 = new TableBuilder("composite", `表3 各县市区科技创新综合排名（${span}）`, ["排名", "县市区", "目标得分", "加分", "综合得分", "等次"]);
  const compositeRows = ranked.map((c) =>
    t3.add([c.rank !== null ? String(c.rank) : DASH, c.name, c.targetScore !== null ? score(c.targetScore) : DASH, c.bonusScore !== null ? score(c.bonusScore) : DASH, score(c.total!), c.tier ?? DASH]),
  );
  return { ranked, t3, compositeRows };
}

/** "完成年度目标任务的X%，高于/低于序时进度Y个百分点" for a row of table 1. */
function progressPhrase(p: Para, t1: TableBuilder, i: BulletinIndicatorInput, row: number): Para {
  p.t("完成年度目标任务的").f(t1.ref(row, C.completion)).t("%");
  if (i.gapPoints === null) return p;
  const g = points(i.gapPoints);
  if (g === "0.0") return p.t("，与序时进度持平");
  return p.t(new Decimal(i.gapPoints).gt(0) ? "，高于序时进度" : "，低于序时进度").f(t1.ref(row, C.gap)).t("个百分点");
}

/** "，同比增长/下降Z%" for a row of table 1. */
function yoyPhrase(p: Para, t1: TableBuilder, i: BulletinIndicatorInput, row: number): Para {
  if (i.yoyGrowth === null) return p;
  const y = new Decimal(i.yoyGrowth).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  if (y.isZero()) return p.t("，与上年同期持平");
  return p.t(y.gt(0) ? "，同比增长" : "，同比下降").f(t1.ref(row, C.yoy)).t("%");
}

/** 一、总体情况 */
function overviewSection({ input, area, span, measured, t1, rowOf }: Context): BulletinSection {
  const intro = new Para("overview-intro").t(
    `${periodName(input.period)}，${area}上下深入实施创新驱动发展战略，科技创新各项工作有序推进。现将${span}${area}科技创新主要指标完成情况通报如下。`,
  );
  const head = new Para("overview-figures").t(`${span}，`);
  measured.forEach((i, k) => {
    const row = rowOf.get(i.code)!;
    if (k > 0) head.t("；");
    const level = i.unit === "%" || i.unit.includes("/");
    head.t(i.name).t(level ? "为" : "完成").f(t1.ref(row, C.actual)).t(i.unit).t("，");
    progressPhrase(head, t1, i, row);
    yoyPhrase(head, t1, i, row);
  });
  head.t(measured.length > 0 ? "（详见表1）。" : "本期暂无可通报的指标数据。");
  return { id: "overview", heading: "一、总体情况", paragraphs: [intro.build(), head.build()] };
}

/** 二、主要指标序时进度情况 */
function progressSection({ measured, t1, rowOf }: Context): BulletinSection {
  const ahead = measured.filter((i) => !isBehind(i.status));
  const behind = measured
    .filter((i) => isBehind(i.status))
    .sort((a, b) => new Decimal(a.gapPoints ?? 0).comparedTo(new Decimal(b.gapPoints ?? 0)) || a.code.localeCompare(b.code));
  const p = new Para("progress-summary").t("从序时进度看，");
  if (measured.length === 0) p.t("本期暂无可比较的指标。");
  else if (behind.length === 0) p.t("各项主要指标完成进度均达到或超过序时进度。");
  else {
    if (ahead.length > 0) p.t(`${ahead.map((i) => i.name).join("、")}${ahead.length > 1 ? "等指标" : ""}完成进度达到或超过序时进度；`);
    p.t(`${behind.map((i) => i.name).join("、")}低于序时进度，其中`);
    behind.forEach((i, k) => {
      if (k > 0) p.t("，");
      p.t(i.name);
      progressPhrase(p, t1, i, rowOf.get(i.code)!);
    });
    p.t("，需加快推进。");
  }
  return { id: "progress", heading: "二、主要指标序时进度情况", paragraphs: [p.build()] };
}

/** 三、县市区进度情况, first part: the counties below the expected progress (表2). */
function laggardParagraphs({ byCode, laggardLists, t2, laggardRows }: Context): BulletinParagraph[] {
  if (laggardLists.length === 0) return [new Para("counties-none").t("对照序时进度，各县市区主要指标均达到或超过序时进度。").build()];
  const paragraphs = [new Para("counties-intro").t("对照序时进度，部分县市区的主要指标进度滞后，具体情况如下（详见表2）。").build()];
  laggardLists.forEach((list, k) => {
    const rows = laggardRows.get(list.indicatorCode)!;
    const p = new Para(`counties-${list.indicatorCode}`).t(`（${CN_NUMBERS[k] ?? String(k + 1)}）${byCode.get(list.indicatorCode)!.name}。`);
    list.counties.forEach((c, j) => {
      if (j > 0) p.t("；");
      const row = rows[j];
      p.t(c.name)
        .t(c.status === "SERIOUSLY_BEHIND" ? "仅完成目标任务的" : "完成目标任务的")
        .f(t2.ref(row, 2))
        .t("%，低于序时进度")
        .f(t2.ref(row, 4))
        .t("个百分点");
    });
    paragraphs.push(p.t("。").build());
  });
  return paragraphs;
}

/** 三、县市区进度情况, second part: the head and the tail of the composite ranking (表3). */
function compositeParagraph({ ranked, t3, compositeRows }: Context): BulletinParagraph | null {
  if (compositeRows.length === 0) return null;
  const p = new Para("counties-composite").t("从综合排名看（详见表3），");
  const top = ranked.slice(0, Math.min(3, ranked.length));
  p.t(`${top.map((c) => c.name).join("、")}综合得分位居前列`);
  const lastIndex = ranked.length - 1;
  if (ranked.length > 3) {
    const last = ranked[lastIndex];
    p.t(`；${last.name}综合得分`).f(t3.ref(compositeRows[lastIndex], 4)).t("分，排名末位");
  }
  const tierC = ranked.filter((c) => c.tier !== null && c.tier === ranked[lastIndex].tier && ranked[0].tier !== c.tier);
  if (tierC.length === 1 && tierC[0] === ranked[lastIndex] && ranked.length > 3) p.t(`，处于${tierC[0].tier}档`);
  else if (tierC.length > 0 && ranked.length > 3) p.t(`，${tierC.map((c) => c.name).join("、")}处于${tierC[0].tier}档`);
  return p.t("。").build();
}

/** "龙山县等2个县市区" (or the one name). */
function countiesNamed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names[0]}等${names.length}个县市区`;
}

/**
 * 三、县市区进度情况, opening: the counties that have not reported the month (not ranked
 * on earlier figures) and those whose figures still await approval, as of the issue date.
 */
function reportingParagraph({ input }: Context): BulletinParagraph | null {
  if (input.unreported.length === 0 && input.pending.length === 0) return null;
  const [, m, d] = input.issuedOn.split("-").map(Number);
  const p = new Para("counties-reporting").t(`截至${m}月${d}日，`);
  const listed = (names: readonly string[]) => (names.length > 1 ? `（${names.join("、")}）` : "");
  if (input.unreported.length > 0) p.t(`${countiesNamed(input.unreported)}尚未报送${input.month}月数据${listed(input.unreported)}，不参与本期排名`);
  if (input.unreported.length > 0 && input.pending.length > 0) p.t("；");
  if (input.pending.length > 0) p.t(`${countiesNamed(input.pending)}报送的${input.month}月数据尚待审核${listed(input.pending)}，${input.pendingCounted ? "本通报暂按报送数计" : "暂不参与本期排名"}`);
  return p.t("。").build();
}

/** 三、县市区进度情况 */
function countiesSection(ctx: Context): BulletinSection {
  const reporting = reportingParagraph(ctx);
  const composite = compositeParagraph(ctx);
  return { id: "counties", heading: "三、县市区进度情况", paragraphs: [...(reporting ? [reporting] : []), ...laggardParagraphs(ctx), ...(composite ? [composite] : [])] };
}

/** 四、下一步工作, (一): what is left to do to reach the annual targets. */
function gapsParagraph({ input, measured, t1, rowOf }: Context): BulletinParagraph | null {
  if (input.month === 12) return new Para("next-gaps").t("（一）认真总结全年工作，对未完成目标任务的指标逐项分析原因，谋划好下一年度工作。").build();
  // the indicators behind (all of them when none is) that still have something to do
  const behind = measured.filter((i) => isBehind(i.status));
  const needs = (behind.length > 0 ? behind : measured).filter((i) => {
    const row = rowOf.get(i.code)!;
    return t1.rows[row][C.needed] !== DASH && t1.rows[row][C.remaining] !== DASH;
  });
  if (input.month > 12 || needs.length === 0) return null;
  const p = new Para("next-gaps").t("（一）倒排工期，确保完成全年目标任务。对照年度目标，");
  needs.forEach((i, k) => {
    const row = rowOf.get(i.code)!;
    const unit = i.unit === "%" ? "个百分点" : i.unit;
    if (k > 0) p.t("；");
    p.t(`${i.name}距年度目标尚差`).f(t1.ref(row, C.remaining)).t(unit).t("，余下各月需月均完成").f(t1.ref(row, C.needed)).t(unit);
  });
  return p.t("。各地各部门要对照目标任务，逐月抓好调度，确保按期完成。").build();
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
function nextSection(ctx: Context): BulletinSection {
  const paragraphs: BulletinParagraph[] = [];
  const gaps = gapsParagraph(ctx);
  if (gaps) paragraphs.push(gaps);
  const weak = weakCounties(ctx);
  if (weak.length > 0) {
    paragraphs.push(
      new Para("next-counties")
        .t(`（二）聚焦短板，加快追赶进度。${weak.join("、")}在多项指标上低于序时进度，要认真分析原因，制定针对性措施，加快补齐短板，力争尽快赶上序时进度。`)
        .build(),
    );
  }
  paragraphs.push(
    new Para("next-duty")
      .t(`（${weak.length > 0 ? "三" : "二"}）压实工作责任，加强统计监测。各县市区要坚持目标导向，强化科技创新指标的月度调度和数据质量把关，按时准确报送统计数据，确保全年各项目标任务圆满完成。`)
      .build(),
  );
  return { id: "next", heading: "四、下一步工作", paragraphs };
}

/** 图1: the completion of one indicator by county. */
function completionChart({ input, byCode, span }: Context): BulletinChart[] {
  if (!input.chart) return [];
  const name = byCode.get(input.chart.indicatorCode)?.name ?? input.chart.indicatorCode;
  return [
    {
      id: "completion",
      title: `图1 各县市区${name}完成进度（${span}）`,
      expectedPercent: percent(input.chart.expected),
      bars: input.chart.bars.map((b) => ({ label: b.name, percent: b.completion !== null ? percent(b.completion) : null })),
    },
  ];
}

export function generateBulletin(input: BulletinInput): BulletinDocument {
  const area = input.area;
  const span = spanName(input.month);
  const byCode = new Map(input.indicators.map((i) => [i.code, i]));
  const ctx: Context = {
    input,
    area,
    span,
    byCode,
    ...indicatorTable(input, area, span),
    ...laggardTable(input, byCode, span),
    ...compositeTable(input, span),
  };
  return {
    version: 1,
    title: bulletinTitle(input.tenantName, input.period),
    issuer: input.issuer,
    dateText: chineseDate(input.issuedOn),
    period: input.period,
    month: input.month,
    sections: [overviewSection(ctx), progressSection(ctx), countiesSection(ctx), nextSection(ctx)],
    tables: [ctx.t1.build(), ctx.t2.build(), ctx.t3.build()].filter((t) => t.rows.length > 0),
    charts: completionChart(ctx),
    unreported: input.unreported,
    pending: input.pending,
    dataHash: dataHash(input),
  };
}
