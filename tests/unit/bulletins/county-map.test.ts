/**
 * The bulletin's county map: coloured by the composite tier section 三 discusses, numbered
 * after 图1, with the counties it cannot draw named under it; its drawing reads in black and
 * white (a pattern per tier, each county labelled with its tier).
 */
import { describe, expect, it } from "vitest";
import { generateBulletin } from "../../../lib/bulletins";
import { countyMapSize, countyMapSvg, drawable } from "../../../lib/bulletins/map-svg";
import type { BulletinInput } from "../../../lib/bulletins/types";
import fixture from "./input-2026h1.json";

const input = fixture as BulletinInput;
const codes: Record<string, string> = { 吉首市: "433101", 泸溪县: "433122", 凤凰县: "433123", 花垣县: "433124", 保靖县: "433125", 古丈县: "433126", 永顺县: "433127", 龙山县: "433130", 湘西高新区: "433199" };
const withMap: BulletinInput = { ...input, map: { counties: input.grid.counties.map((name) => ({ name, code: codes[name]!, outlined: name !== "湘西高新区" })) } };
const projected = { width: 600, height: 300, shapes: Object.values(codes).slice(0, 8).map((code, k) => ({ code, d: `M${k * 70} 0h60v60h-60z`, outline: `M${k * 70} 0h60v60h-60z`, label: [k * 70 + 30, 30] as [number, number] })) };

describe("the county map figure", () => {
  const doc = generateBulletin(withMap);
  const map = doc.map!;

  it("colours every county by its composite tier, the best tier green and the worst red", () => {
    expect(map.title).toBe("图2 各县市区科技创新综合得分等次（1—6月）");
    expect(map.legend).toEqual([
      { tone: "AHEAD", label: "A档" },
      { tone: "BEHIND", label: "B档" },
      { tone: "SERIOUSLY_BEHIND", label: "C档" },
    ]);
    expect(map.counties.find((c) => c.name === "保靖县")).toMatchObject({ code: "433125", tone: "SERIOUSLY_BEHIND", label: "C档", outlined: true });
    expect(map.counties.find((c) => c.name === "龙山县")).toMatchObject({ tone: "BEHIND", label: "B档" });
  });

  it("names the counties without an outline under the map", () => {
    expect(map.note).toBe("注：湘西高新区（A档）无单独边界，图中未绘出。");
  });

  it("is cited by the composite paragraph, after 图1", () => {
    const composite = doc.sections.flatMap((s) => s.paragraphs).find((p) => p.id === "counties-composite")!;
    expect(composite.text).toContain("（详见表3、图1、图2）");
  });

  it("is 图1 when the document has no chart, and marks the unranked", () => {
    const noChart = generateBulletin({ ...withMap, chart: null, composite: withMap.composite.filter((c) => c.name !== "龙山县") }).map!;
    expect(noChart.title.startsWith("图1 ")).toBe(true);
    expect(noChart.counties.find((c) => c.name === "龙山县")).toMatchObject({ tone: "NO_DATA", label: "未排名" });
    expect(noChart.legend.at(-1)).toEqual({ tone: "NO_DATA", label: "未排名" });
  });

  it("is absent without outlines, and the text cites no map", () => {
    for (const without of [input, { ...input, map: null }, { ...withMap, map: { counties: withMap.map!.counties.map((c) => ({ ...c, outlined: false })) } }]) {
      const plain = generateBulletin(without);
      expect(plain.map).toBeUndefined();
      expect(plain.sections.flatMap((s) => s.paragraphs).map((p) => p.text).join("")).not.toContain("图2");
    }
  });

  it("leaves the data fingerprint alone: outlines are no figures", () => {
    expect(doc.dataHash).toBe(generateBulletin(input).dataHash);
  });
});

describe("countyMapSvg", () => {
  const figure = generateBulletin(withMap).map!;
  const svg = countyMapSvg(figure, projected, "图2：保靖县C档");

  it("draws each outlined county with its tier's pattern and labels it with its name and tier", () => {
    expect(svg.match(/<path d="M\d+ 0h60/g)).toHaveLength(8);
    expect(svg).toContain('fill="url(#bm-SERIOUSLY_BEHIND)"');
    expect(svg).toMatch(/<pattern id="bm-BEHIND"[^>]*>.*?<path/);
    expect(svg).toContain(">保靖县</tspan>");
    expect(svg).toContain(">C档</tspan>");
  });

  it("draws the legend in and leaves room around the outlines for the labels", () => {
    expect(svg).toContain(">A档</text>");
    expect(countyMapSize(projected)).toEqual({ width: 696, height: 346 });
    expect(svg).toContain('viewBox="0 0 696 346"');
  });

  it("escapes names, and draws nothing when the outlines no longer hold its counties", () => {
    const odd = { ...figure, counties: figure.counties.map((c) => (c.code === "433101" ? { ...c, name: "A<B&C" } : c)) };
    expect(countyMapSvg(odd, projected, "x")).toContain("A&lt;B&amp;C");
    expect(drawable(figure, projected)).toBe(true);
    expect(drawable(figure, { shapes: [] })).toBe(false);
    expect(drawable(undefined, projected)).toBe(false);
  });
});
