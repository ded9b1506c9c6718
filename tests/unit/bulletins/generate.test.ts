/**
 * The bulletin generator: deterministic, formal wording, and every number of every
 * generated paragraph traceable to a table cell of the same document.
 */
import { describe, expect, it } from "vitest";
import { applyEdits, generateBulletin, keepCustomParagraphs, untracedNumbers } from "../../../lib/bulletins";
import { titleLines } from "../../../lib/bulletins/generate";
import { amount, numberTokens, percent, points, signedPercent, signedPoints } from "../../../lib/bulletins/format";
import { lastMonthOf, latestPeriodOf, periodName } from "../../../lib/bulletins/period";
import type { BulletinDocument, BulletinInput } from "../../../lib/bulletins/types";
import fixture from "./input-2026h1.json";

const input = fixture as BulletinInput;
const doc = generateBulletin(input);
const paragraphs = (d: BulletinDocument) => d.sections.flatMap((s) => s.paragraphs);
const text = (d: BulletinDocument) => paragraphs(d).map((p) => p.text).join("\n");

describe("formatting (Decimal, half-up)", () => {
  it("rounds percentages and points to 1 decimal, half up", () => {
    expect(percent("0.23449")).toBe("23.4");
    expect(percent("0.23450")).toBe("23.5");
    expect(percent("0.5")).toBe("50.0");
    expect(points("-26.65")).toBe("26.7");
    expect(signedPoints("1.25")).toBe("+1.3");
    expect(signedPoints("-0.04")).toBe("0.0");
    expect(signedPercent("-0.015212")).toBe("-1.5");
  });
  it("formats amounts at the indicator's precision with thousands separators", () => {
    expect(amount("1291.53", 2)).toBe("1,291.53");
    expect(amount("47.9", 2)).toBe("47.90");
    expect(amount("12.5", 0)).toBe("13");
    expect(amount("1092", 0)).toBe("1,092");
  });
  it("reads number tokens without signs or separators", () => {
    expect(numberTokens("+1,291.5 和 -3，23.4%")).toEqual(["1291.5", "3", "23.4"]);
  });
});

describe("the amount needed per month", () => {
  it("is never rounded into a different claim: 0.5 家 a month is written 0.5, a whole amount as it is", () => {
    const first = input.indicators.find((i) => i.target !== null && i.completion !== null && i.actual !== null)!;
    const withNeeded = (neededPerMonth: string, precision: number): BulletinInput => ({
      ...input,
      indicators: input.indicators.map((i) => (i === first ? { ...i, precision, target: "100", actual: "97", neededPerMonth } : i)),
    });
    const neededOf = (d: BulletinDocument) => d.tables.find((t) => t.id === "indicators")!.rows[0]!.at(-1);
    expect(neededOf(generateBulletin(withNeeded("0.5", 0)))).toBe("0.5");
    expect(neededOf(generateBulletin(withNeeded("3", 0)))).toBe("3");
    expect(neededOf(generateBulletin(withNeeded("1.25", 2)))).toBe("1.25");
  });
});

describe("periods", () => {
  it("takes the last month of each period", () => {
    expect(lastMonthOf({ type: "MONTH", year: 2026, period: 10 })).toBe(10);
    expect(lastMonthOf({ type: "QUARTER", year: 2026, period: 3 })).toBe(9);
    expect(lastMonthOf({ type: "HALF_YEAR", year: 2026, period: 1 })).toBe(6);
    expect(lastMonthOf({ type: "YEAR", year: 2026, period: 1 })).toBe(12);
  });
  it("names periods as official titles do", () => {
    expect(periodName({ type: "HALF_YEAR", year: 2026, period: 1 })).toBe("2026年上半年");
    expect(periodName({ type: "MONTH", year: 2026, period: 10 })).toBe("2026年1—10月");
    expect(periodName({ type: "QUARTER", year: 2026, period: 3 })).toBe("2026年第三季度");
  });
  it("finds the latest complete period", () => {
    expect(latestPeriodOf("HALF_YEAR", { year: 2026, month: 10 })).toEqual({ type: "HALF_YEAR", year: 2026, period: 1 });
    expect(latestPeriodOf("QUARTER", { year: 2026, month: 10 })).toEqual({ type: "QUARTER", year: 2026, period: 3 });
    expect(latestPeriodOf("YEAR", { year: 2026, month: 10 })).toEqual({ type: "YEAR", year: 2025, period: 1 });
  });
});

describe("generateBulletin on the demo figures of June 2026", () => {
  it("titles the document and carries the tenant's issuer and area word", () => {
    expect(doc.title).toBe("湘西土家族苗族自治州2026年上半年科技创新工作情况分析通报");
    expect(doc.titleLines).toEqual(["湘西土家族苗族自治州2026年上半年", "科技创新工作情况分析通报"]);
    expect(doc.issuer).toBe("湘西土家族苗族自治州科学技术局");
    expect(doc.dateText).toBe("2026年7月10日");
    const province = generateBulletin({ ...input, tenantName: "湖南省", issuer: "湖南省科学技术厅", area: "全省" });
    expect(province.issuer).toBe("湖南省科学技术厅");
    expect(province.tables[0]!.title).toMatch(/^表1 全省/);
    expect(doc.tables[0]!.title).toMatch(/^表1 全州/);
  });

  it("is deterministic: the same data gives the same document", () => {
    expect(generateBulletin(structuredClone(input))).toEqual(doc);
    expect(generateBulletin({ ...input, issuedOn: "2026-07-11" }).dataHash).toBe(doc.dataHash);
    const moved = structuredClone(input);
    moved.indicators[0].actual = "7.97";
    expect(generateBulletin(moved).dataHash).not.toBe(doc.dataHash);
  });

  it("states the headline figures with YoY growth and the gap to 序时进度", () => {
    expect(text(doc)).toContain("全社会研发经费投入完成7.96亿元，完成年度目标任务的51.3%，高于序时进度1.3个百分点，同比增长5.7%");
    expect(text(doc)).toContain("研发投入强度为1.22%，完成年度目标任务的78.8%，高于序时进度28.8个百分点，同比下降1.5%");
  });

  it("names the indicators behind 序时进度", () => {
    const progress = doc.sections.find((s) => s.id === "progress")!.paragraphs[0].text;
    expect(progress).toContain("科技型中小企业入库完成年度目标任务的49.7%，低于序时进度0.3个百分点");
  });

  it("names the slowest county of each indicator once, with its completion from 表2", () => {
    const laggards = paragraphs(doc).find((p) => p.id === "counties-laggards")!.text;
    expect(laggards).toContain("保靖县的全社会研发经费投入（23.7%）、地区生产总值（24.6%）");
    expect(laggards.match(/保靖县/g)).toHaveLength(1);
    expect(laggards).not.toContain("龙山县");
    expect(laggards).toContain("详见表2");
  });

  it("replaces the laggard listing with 表2: every county's completion, those below 序时进度 in bold", () => {
    const grid = doc.tables.find((t) => t.id === "counties")!;
    expect(grid.columns.slice(0, 3)).toEqual(["指标", "序时进度", "吉首市"]);
    expect(grid.rows[0]).toEqual(["全社会研发经费投入", "50.0", "55.5", "42.4", "47.9", "47.5", "23.7", "46.4", "50.0", "40.7", "64.5"]);
    const bold = new Set(grid.emphasis!.filter((e) => e.row === 0).map((e) => grid.columns[e.column]));
    expect(bold).toEqual(new Set(["保靖县", "龙山县", "泸溪县", "古丈县", "花垣县", "凤凰县"]));
    // one row per indicator of 表1, no row per laggard
    expect(grid.rows).toHaveLength(doc.tables.find((t) => t.id === "indicators")!.rows.length);
  });

  it("states only the headline indicators in words and leaves the rest to 表1", () => {
    const overview = doc.sections[0].paragraphs[1].text;
    expect(overview).not.toContain("技术合同成交额");
    expect(overview).toContain("详见表1");
  });

  it("stays short: the text of the nine-county demo fits on about two pages", () => {
    expect(text(doc).length).toBeLessThan(1100);
  });

  it("derives next steps from the gaps: the amount still needed per month", () => {
    expect(text(doc)).toContain("科技型中小企业入库尚差76家，余下各月需月均完成12.7家");
  });

  it("carries the composite ranking table", () => {
    const composite = doc.tables.find((t) => t.id === "composite")!;
    expect(composite.rows[0].slice(0, 2)).toEqual(["1", "湘西高新区"]);
    expect(composite.rows.at(-1)!.slice(1, 2)).toEqual(["保靖县"]);
    expect(text(doc)).toContain("保靖县综合得分61.2分，排名末位");
  });

  it("ties every number of every generated paragraph to a table cell", () => {
    const cells = new Map(doc.tables.map((t) => [t.id, t]));
    const tableNumbers = new Set(doc.tables.flatMap((t) => t.rows.flat().flatMap(numberTokens)));
    const periodNumbers = new Set(["2026", "1", "6"]);
    for (const p of paragraphs(doc)) {
      // each reference names a real cell holding exactly that number
      for (const f of p.figures) {
        const cell = cells.get(f.table)!.rows[f.row][f.column];
        expect(cell.replace(/^[+-]/, "")).toBe(f.text);
        expect(p.text).toContain(f.text);
      }
      // and every number written in the text is a referenced figure or the period
      const referenced = new Set(p.figures.flatMap((f) => numberTokens(f.text)));
      // table and chart references (表1, 图1) name a table, not a figure
      for (const n of numberTokens(p.text.replace(/[表图]\d+/g, ""))) {
        expect(referenced.has(n) || periodNumbers.has(n), `${n} in ${p.id}`).toBe(true);
        if (!periodNumbers.has(n)) expect(tableNumbers.has(n)).toBe(true);
      }
    }
  });

  it("writes the year-end bulletin without amounts still needed", () => {
    const year = generateBulletin({ ...input, period: { type: "YEAR", year: 2026, period: 1 }, month: 12 });
    expect(year.title).toBe("湘西土家族苗族自治州2026年科技创新工作情况分析通报");
    expect(text(year)).not.toContain("月均需完成");
    expect(text(year)).toContain("认真总结全年工作");
  });

  it("says so when no county lags", () => {
    const calm = generateBulletin({ ...input, laggards: [] });
    expect(text(calm)).toContain("各县市区主要指标均达到或超过序时进度");
    expect(calm.tables.find((t) => t.id === "counties")!.emphasis).toBeUndefined();
  });
});

describe("the title's lines", () => {
  it("break only between words, packing words while they fit", () => {
    expect(titleLines(["怀化市", "2026年1—10月", "科技创新工作情况分析通报"])).toEqual(["怀化市2026年1—10月", "科技创新工作情况分析通报"]);
    expect(titleLines(["新疆维吾尔自治区伊犁哈萨克自治州", "2026年上半年", "科技创新工作情况分析通报"])).toEqual(["新疆维吾尔自治区伊犁哈萨克自治州", "2026年上半年科技创新工作情况分析通报"]);
  });
  it("put a word longer than a line on a line of its own", () => {
    expect(titleLines(["甲".repeat(25), "乙乙"], 19)).toEqual(["甲".repeat(25), "乙乙"]);
  });
});

describe("editing", () => {
  const overview = doc.sections[0].paragraphs[1];
  it("accepts a reworded generated paragraph that keeps its figures", () => {
    const reworded = overview.text.replace("1—6月，", "上半年，");
    const { document, problems } = applyEdits(doc, { paragraphs: { [overview.id]: reworded }, additions: {} });
    expect(problems).toEqual([]);
    const saved = document.sections[0].paragraphs[1];
    expect(saved.text).toBe(reworded);
    expect(saved.edited).toBe(true);
    expect(saved.figures).toEqual(overview.figures);
  });
  it("refuses to drop a figure or to add a number the tables do not hold", () => {
    const dropped = applyEdits(doc, { paragraphs: { [overview.id]: overview.text.replace("7.96", "约八") }, additions: {} });
    expect(dropped.problems).toEqual([{ paragraphId: overview.id, problem: "figureRemoved", figure: "7.96" }]);
    const invented = applyEdits(doc, { paragraphs: { [overview.id]: `${overview.text}另有项目999个。` }, additions: {} });
    expect(invented.problems[0]).toMatchObject({ problem: "untracedNumber", figure: "999" });
    expect(untracedNumbers(doc, "完成51.3%")).toEqual([]);
  });
  it("adds custom paragraphs and keeps them when the draft is regenerated", () => {
    const { document } = applyEdits(doc, { paragraphs: {}, additions: { next: "请于下月5日前报送整改措施。" } }, () => "custom-1");
    const added = document.sections.find((s) => s.id === "next")!.paragraphs.at(-1)!;
    expect(added).toEqual({ id: "custom-1", origin: "custom", text: "请于下月5日前报送整改措施。", figures: [] });
    const regenerated = keepCustomParagraphs(generateBulletin(input), document);
    expect(regenerated.sections.find((s) => s.id === "next")!.paragraphs.at(-1)!.id).toBe("custom-1");
    // an emptied custom paragraph is removed
    const removed = applyEdits(document, { paragraphs: { "custom-1": "" }, additions: {} });
    expect(paragraphs(removed.document).some((p) => p.id === "custom-1")).toBe(false);
  });
});

describe("a month not every county has reported", () => {
  const incomplete = generateBulletin({ ...input, unreported: ["龙山县", "永顺县"], pending: ["吉首市"] });
  it("names the counties that have not reported, as of the issue date, and those awaiting approval", () => {
    const opening = incomplete.sections.find((s) => s.id === "counties")!.paragraphs[0]!;
    expect(opening.text).toBe(
      "截至7月10日，龙山县等2个县市区尚未报送6月数据（龙山县、永顺县），不参与本期排名；吉首市报送的6月数据尚待审核，本通报暂按报送数计。",
    );
  });
  it("keeps the opening editable: its date and count are the document's own numbers", () => {
    const opening = incomplete.sections.find((s) => s.id === "counties")!.paragraphs[0]!;
    expect(untracedNumbers(incomplete, opening.text)).toEqual([]);
    expect(untracedNumbers(incomplete, `${opening.text}另有999个`)).toEqual(["999"]);
  });
  it("says nothing of reporting when every county has reported and every figure is approved", () => {
    expect(text(doc)).not.toContain("尚未报送");
  });
});

describe("a tenant that counts approved figures only", () => {
  it("says the counties awaiting approval are not ranked", () => {
    const d = generateBulletin({ ...input, pending: ["吉首市"], pendingCounted: false });
    expect(text(d)).toContain("吉首市报送的6月数据尚待审核，暂不参与本期排名。");
  });
});
