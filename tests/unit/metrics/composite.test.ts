import { describe, expect, it } from "vitest";
import { compositeScore, indicatorBonus, rankComposite, tierFor } from "../../../lib/metrics";
import type { CompositeSettings } from "../../../lib/metrics";
import { d, expectDec } from "./fixtures";

const scheme: CompositeSettings = {
  fullMarks: d(100),
  bonusPerPercent: d("0.2"),
  bonusCap: d(4),
  tiers: [
    { label: "B", minScore: d(60) },
    { label: "A", minScore: d(80) },
    { label: "C", minScore: d(0) },
  ],
};

describe("composite score (综合得分)", () => {
  it("worked example (玉溪 2017 style): 目标得分 99.5 + 加分 4.0 = 103.5 with a bonus cap of 4", () => {
    // Two indicators of equal weight (50 : 50), fullMarks 100:
    // I1 completion 0.99 → base 100 × 0.5 × 0.99 = 49.5, bonus 0
    // I2 completion 1.30 → base 100 × 0.5 × 1 = 50 (full marks at/above target),
    //    bonus = (1.30 − 1) × 100 × 0.2 = 6 → capped at 4
    // total = 49.5 + 50 + 4 = 99.5 + 4.0 = 103.5 → tier A (≥ 80)
    const s = compositeScore(
      "R",
      [
        { indicatorId: "I1", weight: d(50), completion: d("0.99"), hasTarget: true },
        { indicatorId: "I2", weight: d(50), completion: d("1.30"), hasTarget: true },
      ],
      scheme,
    );
    expectDec(s.targetScore, "99.5");
    expectDec(s.bonusScore, "4");
    expectDec(s.total, "103.5");
    expect(s.tier).toBe("A");
    expectDec(s.parts[0]?.base, "49.5");
    expectDec(s.parts[1]?.base, "50");
    expectDec(s.parts[1]?.bonus, "4");
  });

  it("bonus below the cap: completion 1.1 → (0.1 × 100) × 0.2 = 2 points; at or below target no bonus", () => {
    expectDec(indicatorBonus(d("1.1"), scheme), "2");
    expectDec(indicatorBonus(d("1"), scheme), "0");
    expectDec(indicatorBonus(d("0.5"), scheme), "0");
  });

  it("an indicator without a target is left out and the weights renormalised over the rest", () => {
    // weights 30 / 20 / 50, but I3 has no target → weights 30/50 = 0.6 and 20/50 = 0.4
    // base = 100 × (0.6 × 0.5 + 0.4 × 1) = 100 × 0.7 = 70 → tier B
    const s = compositeScore(
      "R",
      [
        { indicatorId: "I1", weight: d(30), completion: d("0.5"), hasTarget: true },
        { indicatorId: "I2", weight: d(20), completion: d("1"), hasTarget: true },
        { indicatorId: "I3", weight: d(50), completion: null, hasTarget: false },
      ],
      scheme,
    );
    expectDec(s.total, "70");
    expect(s.tier).toBe("B");
    expectDec(s.parts[0]?.normalisedWeight, "0.6");
    expectDec(s.parts[1]?.normalisedWeight, "0.4");
    expect(s.parts[2]?.counted).toBe(false);
    expect(s.parts[2]?.excludedReason).toBe("NO_TARGET");
  });

  it("a target without data scores 0 (counted); a negative completion scores 0, not below; zero weight is ignored", () => {
    // I1 has a target but no data → 0; I2 completion −0.2 (net decrease) → clamped to 0; I3 has weight 0
    const s = compositeScore(
      "R",
      [
        { indicatorId: "I1", weight: d(1), completion: null, hasTarget: true },
        { indicatorId: "I2", weight: d(1), completion: d("-0.2"), hasTarget: true },
        { indicatorId: "I3", weight: d(0), completion: d(2), hasTarget: true },
      ],
      scheme,
    );
    expectDec(s.total, "0");
    expect(s.tier).toBe("C");
    expect(s.parts[0]?.counted).toBe(true);
    expectDec(s.parts[0]?.completion, "0");
    expect(s.parts[2]?.excludedReason).toBe("ZERO_WEIGHT");
  });

  it("three equal weights all at target give exactly fullMarks (single division, no 99.999…)", () => {
    const s = compositeScore(
      "R",
      ["I1", "I2", "I3"].map((id) => ({ indicatorId: id, weight: d(1), completion: d(1), hasTarget: true })),
      scheme,
    );
    expectDec(s.total, "100");
  });

  it("no counted indicator → total null, no tier, unranked", () => {
    const s = compositeScore("R", [{ indicatorId: "I1", weight: d(1), completion: null, hasTarget: false }], scheme);
    expect(s.total).toBeNull();
    expect(s.tier).toBeNull();
    expect(rankComposite([s])[0]?.rank).toBeNull();
  });

  it("tiers: A ≥ 80, B ≥ 60, C ≥ 0 — boundaries inclusive, whatever the order given", () => {
    expect(tierFor(d(80), scheme.tiers)).toBe("A");
    expect(tierFor(d("79.999"), scheme.tiers)).toBe("B");
    expect(tierFor(d(60), scheme.tiers)).toBe("B");
    expect(tierFor(d("59.9"), scheme.tiers)).toBe("C");
    expect(tierFor(d(-1), scheme.tiers)).toBeNull();
  });

  it("ranks by total with ties: 100, 70, 70, 50 → 1, 2, 2, 4", () => {
    const mk = (id: string, total: string) =>
      compositeScore(id, [{ indicatorId: "I", weight: d(1), completion: d(total).div(d(100)), hasTarget: true }], {
        ...scheme,
        bonusCap: d(0),
      });
    const ranked = rankComposite([mk("P", "70"), mk("Q", "50"), mk("R", "100"), mk("S", "70")]);
    expect(ranked.map((s) => [s.regionId, s.rank])).toEqual([
      ["R", 1],
      ["P", 2],
      ["S", 2],
      ["Q", 4],
    ]);
  });
});
