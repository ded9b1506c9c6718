/**
 * The words for a scope's regions and its parent: 各市州 when the regions shown are cities,
 * 各县市区 when counties; 全省 / 全州 / 全市 and 省级 / 市级 targets by the parent's level — the
 * city tenants' wording unchanged.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import messages from "../../messages/zh-CN.json";
import en from "../../messages/en.json";
import { scopeArea, unitsLevel, unitsWord } from "../../lib/admin/wording";
import { generateBulletin } from "../../lib/bulletins";
import type { BulletinInput } from "../../lib/bulletins/types";
import fixture from "./bulletins/input-2026h1.json";

const overview = createTranslator({ locale: "zh-CN", messages, namespace: "Overview" });
const targets = createTranslator({ locale: "zh-CN", messages, namespace: "Targets" });
const rankings = createTranslator({ locale: "zh-CN", messages, namespace: "Rankings" });
const bulletins = createTranslator({ locale: "zh-CN", messages, namespace: "Bulletins" });

describe("the regions' word (the bulletin's, always Chinese)", () => {
  it("names cities 市州, counties, county-level cities and districts 县市区, zones 园区", () => {
    expect(unitsWord("PREFECTURE")).toBe("市州");
    for (const level of ["COUNTY", "COUNTY_CITY", "DISTRICT", undefined, ""]) expect(unitsWord(level)).toBe("县市区");
    expect(unitsWord("ZONE")).toBe("园区");
  });
  it("takes the level of the regions a scope shows, at the depth ranked", () => {
    expect(unitsLevel({ levelNames: ["PREFECTURE", "COUNTY"] })).toBe("PREFECTURE");
    expect(unitsLevel({ levelNames: ["PREFECTURE", "COUNTY"] }, 2)).toBe("COUNTY");
    expect(unitsLevel({ levelNames: [] })).toBe("COUNTY");
  });
});

describe("the scope's area word", () => {
  const root = { parentId: undefined, level: "PROVINCE", path: [{ name: "湖南省" }] };
  it("is the tenant's setting at the root", () => {
    expect(scopeArea(root, "全省")).toBe("全省");
    expect(scopeArea({ ...root, level: "PREFECTURE" }, "全州")).toBe("全州");
  });
  it("is the region's own below it: 全州 for a prefecture named …州, 全市 for a city", () => {
    expect(scopeArea({ parentId: "r", level: "PREFECTURE", path: [{ name: "湖南省" }, { name: "湘西土家族苗族自治州" }] }, "全省")).toBe("全州");
    expect(scopeArea({ parentId: "r", level: "PREFECTURE", path: [{ name: "湖南省" }, { name: "怀化市" }] }, "全省")).toBe("全市");
  });
});

describe("the dashboards' and the targets' messages", () => {
  it("send the heat map's reader to the 市州 page under a province, the 县市区 page under a city", () => {
    expect(overview("heatmapHelp", { units: "PREFECTURE" })).toContain("点击地区名称进入市州页面");
    expect(overview("heatmapHelp", { units: "COUNTY" })).toBe(
      "单元格为完成率，颜色与符号表示进度状态，未注明的为进度正常。只列计分且有目标的指标；点击地区名称进入县市区页面，点击指标名称查看排名。",
    );
    expect(rankings("description", { name: "R&D", year: 2026, month: 6, units: "PREFECTURE" })).toBe("R&D · 2026年6月 各市州完成率排名。");
    expect(rankings("description", { name: "R&D", year: 2026, month: 6, units: "DISTRICT" })).toBe("R&D · 2026年6月 各县市区完成率排名。");
  });

  it("check a province's targets against 省级 targets and its cities, a city's against 市级 and its counties", () => {
    expect(targets("check.title", { level: "PROVINCE" })).toBe("合计与省级目标核对");
    expect(targets("check.sum", { units: "PREFECTURE" })).toBe("市州目标合计");
    expect(targets("check.status.NO_CITY_TARGET", { level: "PROVINCE" })).toBe("未设省级目标");
    expect(targets("check.partial", { counted: 1, counties: 2, units: "PREFECTURE" })).toBe("1/2 个市州已设目标");
    // a city tenant reads what it read before
    expect(targets("check.title", { level: "PREFECTURE" })).toBe("合计与市级目标核对");
    expect(targets("check.sum", { units: "COUNTY" })).toBe("县市区目标合计");
    expect(targets("check.status.COUNTIES_BELOW", { level: "PREFECTURE", diff: "1.00" })).toBe("低于市级目标 1.00");
    expect(targets("check.status.NO_COUNTY_TARGETS", { units: "COUNTY" })).toBe("县市区未设目标");
  });

  it("state the ranking rules for the regions shown", () => {
    const figures = createTranslator({ locale: "zh-CN", messages, namespace: "Figures" });
    expect(figures("rulesRanked", { units: "PREFECTURE" })).toBe("未报的市州不参与该指标排名，列在已排名地区之后；综合排名中任一计分指标未报的市州同样不排名。");
    expect(figures("rulesRanked", { units: "COUNTY" })).toBe("未报的县市区不参与该指标排名，列在已排名地区之后；综合排名中任一计分指标未报的县市区同样不排名。");
    expect(figures("rulesAggregate", { area: "全省", units: "PREFECTURE" })).toContain("全省及下设地区的市州为汇总数");
  });

  it("name the unreported regions of a bulletin by their level", () => {
    expect(bulletins("unreported", { month: 6, count: 1, names: "怀化市", units: "PREFECTURE" })).toContain("尚未报送6月数据的市州（1个）");
    expect(bulletins("pending", { month: 6, count: 1, names: "保靖县", units: "COUNTY" })).toContain("6月数据待审核的县市区（1个）");
    const english = createTranslator({ locale: "en", messages: en, namespace: "Targets" });
    expect(english("check.title", { level: "PROVINCE" })).toBe("Sum against province target");
    expect(english("check.title", { level: "PREFECTURE" })).toBe("Sum against city target");
  });
});

describe("the bulletin's words", () => {
  const input = fixture as BulletinInput;
  const text = (i: BulletinInput) => {
    const doc = generateBulletin(i);
    return [doc.sections.map((s) => [s.heading, ...s.paragraphs.map((p) => p.text)].join("")).join(""), doc.tables.map((t) => [t.title, t.note, ...t.columns].join("")).join(""), doc.charts.map((c) => c.title).join("")].join("");
  };
  it("says 各市州 when the regions ranked are cities, and never 县市区", () => {
    const cities = text({ ...input, units: "市州" });
    expect(cities).toContain("三、市州进度情况");
    expect(cities).toContain("表3 各市州科技创新综合排名");
    expect(cities).toContain("图1 各市州");
    expect(cities).toContain("各市州要强化月度调度");
    expect(cities).not.toContain("县市区");
  });
  it("says 各县市区 by default, as a city's bulletins always have", () => {
    expect(text({ ...input, units: "县市区" })).toBe(text(input));
    expect(text(input)).toContain("三、县市区进度情况");
  });
});
