import { describe, expect, it } from "vitest";
import { parseCurve, refusedChanges, storedDecimals } from "../../../lib/admin/catalogue";
import { checkMove, flattenTree, isSelfOrDescendant } from "../../../lib/admin/regions";
import { parseSettings } from "../../../lib/admin/settings";
import { curveSchema } from "../../../lib/schemas/admin";

describe("expected-progress curve", () => {
  const ok = ["0", "0", "2", "5", "8", "12", "15", "20", "30", "55", "80", "100"];
  it("parses 12 non-decreasing percentages ending at 100 into fractions", () => {
    const r = parseCurve(ok);
    expect("shares" in r && r.shares.map(String)).toEqual(["0", "0", "0.02", "0.05", "0.08", "0.12", "0.15", "0.2", "0.3", "0.55", "0.8", "1"]);
  });
  it("names the first bad month", () => {
    expect(parseCurve(ok.slice(0, 11))).toEqual({ problem: "curveLength" });
    expect(parseCurve(["0", "10", "5", ...ok.slice(3)])).toEqual({ problem: "curveOrder", month: 3 });
    expect(parseCurve([...ok.slice(0, 11), "99"])).toEqual({ problem: "curveEnd", month: 12 });
    expect(parseCurve(["x", ...ok.slice(1)])).toEqual({ problem: "curveRange", month: 1 });
    expect(parseCurve(["101", ...ok.slice(1)])).toMatchObject({ problem: "curveRange" });
  });
  it("the zod schema accepts an empty curve (linear default) and rejects a decreasing one", () => {
    expect(curveSchema.safeParse(Array(12).fill("")).success).toBe(true);
    expect(curveSchema.safeParse(ok).success).toBe(true);
    const bad = curveSchema.safeParse(["0", "10", "5", ...ok.slice(3)]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ message: "curveOrder", path: [2] });
  });
});

describe("changes refused once an indicator holds figures", () => {
  const before = { kind: "CUMULATIVE", unit: "亿元", precision: 2, numeratorId: null, denominatorId: null, ratioFactor: null };
  it("allows anything without figures", () => {
    expect(refusedChanges(before, { ...before, kind: "STOCK", unit: "万元", precision: 0 }, false, 2)).toEqual([]);
  });
  it("refuses kind, unit, ratio parts, factor and precision loss with figures", () => {
    expect(refusedChanges(before, { ...before, kind: "STOCK", unit: "万元" }, true, 2)).toEqual(["kind", "unit"]);
    expect(refusedChanges(before, { ...before, numeratorId: "a", ratioFactor: 100n }, true, 0)).toEqual(["ratioParts", "ratioFactor"]);
    expect(refusedChanges(before, { ...before, precision: 1 }, true, 2)).toEqual(["precision"]);
    expect(refusedChanges(before, { ...before, precision: 1 }, true, 1)).toEqual([]);
    expect(refusedChanges(before, { ...before, precision: 4 }, true, 2)).toEqual([]);
  });
  it("counts the decimal places a stored value uses", () => {
    expect([storedDecimals(1_900_000n), storedDecimals(1_000_000n), storedDecimals(1_234_567n), storedDecimals(-50_000n)]).toEqual([1, 0, 6, 2]);
  });
});

describe("region tree", () => {
  const nodes = [
    { id: "root", parentId: null, active: true, sortOrder: 0, code: "433100" },
    { id: "a", parentId: "root", active: true, sortOrder: 2, code: "433101" },
    { id: "b", parentId: "root", active: false, sortOrder: 1, code: "433122" },
    { id: "a1", parentId: "a", active: true, sortOrder: 0, code: "433198" },
  ];
  it("refuses moving the root, into itself or its descendant, or under an inactive parent", () => {
    expect(checkMove(nodes, "root", "a")).toBe("moveRoot");
    expect(checkMove(nodes, "a", "a1")).toBe("moveIntoSelf");
    expect(checkMove(nodes, "a", "a")).toBe("moveIntoSelf");
    expect(checkMove(nodes, "a1", "b")).toBe("parentInactive");
    expect(checkMove(nodes, "a1", "zz")).toBe("parentUnknown");
    expect(checkMove(nodes, "a1", "root")).toBeNull();
    expect(isSelfOrDescendant(nodes, "root", "a1")).toBe(true);
  });
  it("flattens depth-first by sort order", () => {
    expect(flattenTree(nodes).map((n) => `${n.id}:${n.depth}`)).toEqual(["root:0", "b:1", "a:1", "a1:2"]);
  });
});

describe("settings form", () => {
  const input = { deadlineDay: 5, reportedSharePercent: 80, rankUnreported: false, countPending: false, childTargets: true, behindGap: "0", seriousGap: "-10", fullMarks: "100", bonusPerPercent: "0.1", bonusCap: "4", tierLabel: ["B", "A", ""], tierMin: ["60", "80", ""], weightId: ["i1"], weight: ["15"] };
  it("parses into Decimal settings with tiers sorted best first and empty tier rows ignored", () => {
    const r = parseSettings(input);
    expect("proposal" in r).toBe(true);
    if (!("proposal" in r)) return;
    expect(r.proposal.settings.composite.tiers.map((t) => `${t.label}${t.minScore}`)).toEqual(["A80", "B60"]);
    expect(r.proposal.weights.get("i1")?.toString()).toBe("15");
    expect([r.proposal.settings.reportedShare?.toString(), r.proposal.settings.rankUnreported, r.proposal.settings.countedStatuses]).toEqual(["0.8", false, ["APPROVED"]]);
  });
  it("names each bad field", () => {
    const r = parseSettings({ ...input, seriousGap: "1", fullMarks: "0", bonusCap: "-1", tierLabel: ["A", "A"], tierMin: ["1", "2"], weight: ["abc"] });
    expect("errors" in r && r.errors).toEqual({ seriousGap: "seriousAboveBehind", fullMarks: "fullMarksPositive", bonusCap: "notNegative", "tier.1": "tierDuplicate", "weight.0": "notNumber" });
  });
});
