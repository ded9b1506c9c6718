import { describe, expect, it } from "vitest";
import { buildRegionTree, levelsBelow, regionsBelow, type RegionDef } from "@/lib/metrics";

const region = (id: string, parentId: string | null, active = true, sortOrder = 0): RegionDef => ({ id, code: id, name: id, parentId, active, sortOrder });

// a province: two cities with counties, a zone directly under the province, an inactive city
const tree = buildRegionTree([
  region("P", null),
  region("A", "P", true, 1),
  region("A1", "A", true, 1),
  region("A2", "A", true, 2),
  region("B", "P", true, 2),
  region("B1", "B", true, 1),
  region("Z", "P", true, 3),
  region("X", "P", false, 4),
  region("X1", "X", true, 1),
]);

describe("regions across the tree", () => {
  it("lists the active regions a number of levels down, a region without any below standing for itself", () => {
    expect(regionsBelow(tree, "P", 1).map((r) => r.id)).toEqual(["A", "B", "Z"]);
    expect(regionsBelow(tree, "P", 2).map((r) => r.id)).toEqual(["A1", "A2", "B1", "Z"]);
    expect(regionsBelow(tree, "A", 1).map((r) => r.id)).toEqual(["A1", "A2"]);
  });

  it("counts the levels below a region", () => {
    expect([levelsBelow(tree, "P"), levelsBelow(tree, "A"), levelsBelow(tree, "A1")]).toEqual([2, 1, 0]);
  });
});
