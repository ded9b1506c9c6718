/** 图1's drawing: one bar per county, those below 序时进度 in red, labels escaped. */
import { describe, expect, it } from "vitest";
import { chartSize, completionChartSvg } from "../../../lib/bulletins/chart-svg";
import type { BulletinChart } from "../../../lib/bulletins/types";

const chart: BulletinChart = {
  id: "completion",
  title: "图1",
  expectedPercent: "50.0",
  bars: [
    { label: "吉首市", percent: "55.5" },
    { label: "A<B&C", percent: "23.7" },
    { label: "永顺县", percent: null },
  ],
};
const svg = completionChartSvg(chart, { expected: "序时进度", axis: "完成率（%）", aria: "图1：完成率" });

describe("completionChartSvg", () => {
  it("draws a bar per county, red below 序时进度, and the 序时进度 line's label", () => {
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg.match(/fill="#b91c1c"/g)).toHaveLength(1);
    expect(svg).toContain("序时进度 50.0%");
    expect(svg).toContain(">—</text>");
  });
  it("escapes the labels, so a name cannot break the markup", () => {
    expect(svg).toContain("A&lt;B&amp;C");
    expect(svg).not.toContain("A<B");
  });
  it("grows with the number of counties", () => {
    expect(chartSize(chart)).toEqual({ width: 640, height: 28 + 3 * 26 + 24 });
  });
});
