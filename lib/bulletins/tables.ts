/**
 * The bulletin's tables: 表1 the indicators against their annual targets, 表2 every county's
 * completion of every indicator (the counties below 序时进度 in bold), 表3 the composite
 * ranking. Paragraphs cite their cells; no table repeats a section of the text.
 */
import { Decimal } from "@/lib/decimal";
import { TableBuilder } from "./builders";
import { amount, percent, score, signedPercent, signedPoints } from "./format";
import type { BulletinIndicatorInput, BulletinInput } from "./types";

export const DASH = "—";

const T1 = ["序号", "指标", "单位", "年度目标", "完成值", "完成率（%）", "序时进度（%）", "与序时进度差（百分点）", "同比增长（%）", "距目标尚差", "余下各月月均需完成"];
/** the columns of 表1 */
export const C = { no: 0, name: 1, unit: 2, target: 3, actual: 4, completion: 5, expected: 6, gap: 7, yoy: 8, remaining: 9, needed: 10 };
/** the first county column of 表2 (after 指标 and 序时进度) */
export const FIRST_COUNTY = 2;

export interface Tables {
  /** the indicators with a target, a value and a completion: the rows of 表1 */
  measured: BulletinIndicatorInput[];
  t1: TableBuilder;
  rowOf: Map<string, number>;
  byCode: Map<string, BulletinIndicatorInput>;
  /** the laggard lists of measured indicators that name at least one county */
  laggardLists: BulletinInput["laggards"];
  t2: TableBuilder;
  /** indicator code → its row in 表2 */
  gridRowOf: Map<string, number>;
  /** the counties with a composite total, in rank order: the rows of 表3 */
  ranked: BulletinInput["composite"];
  t3: TableBuilder;
  compositeRows: number[];
}

/**
 * 每月尚需 at the indicator's precision, or one decimal more where rounding would make a
 * different claim (0.5 家 a month is not "1 家").
 */
function neededAmount(perMonth: Decimal, precision: number): string {
  return amount(perMonth, perMonth.decimalPlaces() > precision ? precision + 1 : precision);
}

/** 表1: the main indicators against their annual targets. */
export function indicatorTable(input: BulletinInput, area: string, span: string): Pick<Tables, "measured" | "t1" | "rowOf"> {
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

/** 表2: each measured indicator's completion in every county; the counties below 序时进度 in bold. */
export function countyTable(input: BulletinInput, measured: BulletinIndicatorInput[], span: string, units: string): Pick<Tables, "laggardLists" | "t2" | "gridRowOf"> {
  const codes = new Set(measured.map((i) => i.code));
  const laggardLists = input.laggards.filter((l) => l.counties.length > 0 && codes.has(l.indicatorCode));
  const { counties, rows } = input.grid;
  const t2 = new TableBuilder("counties", `表2 各${units}主要指标完成率（${span}，%）`, ["指标", "序时进度", ...counties], `注：粗体为低于序时进度的${units}。`);
  const gridRowOf = new Map<string, number>();
  if (counties.length === 0) return { laggardLists, t2, gridRowOf };
  for (const i of measured) {
    const completion = rows.find((r) => r.indicatorCode === i.code)?.completion;
    if (!completion) continue;
    const row = t2.add([i.name, percent(i.expected), ...completion.map((c) => (c !== null ? percent(c) : DASH))]);
    gridRowOf.set(i.code, row);
    const behind = new Set(laggardLists.find((l) => l.indicatorCode === i.code)?.counties.map((c) => c.name));
    counties.forEach((name, k) => {
      if (behind.has(name) && completion[k] !== null) t2.emphasize(row, FIRST_COUNTY + k);
    });
  }
  return { laggardLists, t2, gridRowOf };
}

/** 表3: the composite ranking of the counties. */
export function compositeTable(input: BulletinInput, span: string, units: string): Pick<Tables, "ranked" | "t3" | "compositeRows"> {
  const ranked = input.composite.filter((c) => c.total !== null);
  const t3 = new TableBuilder("composite", `表3 各${units}科技创新综合排名（${span}）`, ["排名", units, "目标得分", "加分", "综合得分", "等次"]);
  const compositeRows = ranked.map((c) =>
    t3.add([c.rank !== null ? String(c.rank) : DASH, c.name, c.targetScore !== null ? score(c.targetScore) : DASH, c.bonusScore !== null ? score(c.bonusScore) : DASH, score(c.total!), c.tier ?? DASH]),
  );
  return { ranked, t3, compositeRows };
}
