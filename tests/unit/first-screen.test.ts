import { describe, expect, it } from "vitest";
import { barWidths, byGroup, countyLags, splitIndicators } from "@/components/dashboard/first-screen";
import type { OverviewData } from "@/lib/data/dashboard";

const ind = (id: string, weight: string) => ({ id, code: id, name: id, unit: "家", kind: "CUMULATIVE", direction: "HIGHER_IS_BETTER", precision: 0, definition: "", weight, group: null });
const region = (id: string) => ({ id, code: id, name: id, level: "COUNTY", parentId: "city", active: true });
const cell = (regionId: string, indicatorId: string, status: string, gapPoints: string | null) => ({ regionId, indicatorId, status, gapPoints, target: "10" });

function overview(): OverviewData {
  return {
    indicators: [ind("A", "10"), ind("B", "5"), ind("GDP", "0"), ind("POP", "5")],
    cityCells: [
      { indicatorId: "A", target: "100" }, { indicatorId: "B", target: "50" }, { indicatorId: "GDP", target: "900" }, { indicatorId: "POP", target: null },
    ],
    counties: [region("r1"), region("r2"), region("r3")],
    cells: [
      cell("r1", "A", "BEHIND", "-3"), cell("r1", "B", "BEHIND", "-8"), cell("r1", "GDP", "SERIOUSLY_BEHIND", "-30"),
      cell("r2", "A", "SERIOUSLY_BEHIND", "-25"), cell("r2", "B", "AHEAD", "4"),
      cell("r3", "A", "SERIOUSLY_BEHIND", "-12"),
    ],
    // r3 is seriously behind on A but unreported: the overview does not name it
    laggards: [{ indicatorId: "A", regionIds: ["r1", "r2"] }, { indicatorId: "B", regionIds: ["r1"] }, { indicatorId: "GDP", regionIds: ["r1"] }],
    composite: [
      { regionId: "r2", rank: 1, tier: "A", unreported: 0 }, { regionId: "r1", rank: 2, tier: "B", unreported: 0 }, { regionId: "r3", rank: null, tier: null, unreported: 1 },
    ],
  } as unknown as OverviewData;
}

describe("the overview's first screen", () => {
  it("keeps indicators without a weight or a target out of the scored list", () => {
    const { scored, other } = splitIndicators(overview());
    expect(scored.map((i) => i.id)).toEqual(["A", "B"]);
    expect(other.map((i) => i.id)).toEqual(["GDP", "POP"]);
  });

  it("orders counties by indicators seriously behind, then behind, counting only named laggards on scored indicators", () => {
    const lags = countyLags(overview(), new Set(["A", "B"]));
    expect(lags.map((l) => [l.regionId, l.seriously, l.behind, l.rank])).toEqual([
      ["r2", 1, 0, 1],
      ["r1", 0, 2, 2],
      ["r3", 0, 0, null],
    ]);
    // furthest behind first
    expect(lags[1]!.worst).toEqual([{ indicatorId: "B", gapPoints: "-8" }, { indicatorId: "A", gapPoints: "-3" }]);
    expect(lags[2]!.unreported).toBe(1);
  });

  it("draws the bar within 0–100 % and the tick at time progress", () => {
    expect(barWidths("0.4567", "0.8333")).toEqual({ fill: 45.7, tick: 83.3 });
    expect(barWidths("1.3", "0.5")).toEqual({ fill: 100, tick: 50 });
    expect(barWidths(null, "0.5")).toEqual({ fill: 0, tick: 50 });
  });
});

describe("indicator groups on the overview", () => {
  it("lists groups in catalogue order and the ungrouped last", () => {
    const list = [
      { id: "a", group: "企业培育" }, { id: "b", group: null }, { id: "c", group: "研发投入" }, { id: "d", group: "企业培育" },
    ];
    expect(byGroup(list).map((g) => [g.group, g.indicators.map((i) => i.id)])).toEqual([
      ["企业培育", ["a", "d"]],
      ["研发投入", ["c"]],
      [null, ["b"]],
    ]);
  });
});
