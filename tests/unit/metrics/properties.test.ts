/** Property-based tests (fast-check) of the ranking, aggregation, completion and composite rules. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCompletion, computePeriod, compositeScore, getCell, rankWithTies } from "../../../lib/metrics";
import type { Direction, IndicatorKind } from "../../../lib/metrics";
import type { Decimal } from "../../../lib/decimal";
import { d, fill, indicator, periodInput, region } from "./fixtures";

/** Exact decimals with 3 places in [min, max] (integers / 1000). */
const decimal = (min: number, max: number) =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => d(n).div(d(1000)));
/** Few distinct values so that ties are frequent. */
const tieProne = fc.option(fc.integer({ min: 0, max: 6 }).map((n) => d(n).div(d(4))), { nil: null });

describe("rankWithTies properties", () => {
  it("the ranked entries are a permutation of the scored items; unranked ones come last", () => {
    fc.assert(
      fc.property(fc.array(tieProne, { maxLength: 30 }), (scores) => {
        const items = scores.map((score, index) => ({ index, score }));
        const ranked = rankWithTies(items, (i) => i.score);
        expect(ranked).toHaveLength(items.length);
        const withRank = ranked.filter((r) => r.rank !== null).map((r) => r.item.index);
        const scored = items.filter((i) => i.score !== null).map((i) => i.index);
        expect([...withRank].sort((a, b) => a - b)).toEqual(scored);
        const firstUnranked = ranked.findIndex((r) => r.rank === null);
        if (firstUnranked >= 0) expect(ranked.slice(firstUnranked).every((r) => r.rank === null)).toBe(true);
      }),
    );
  });

  it("rank = 1 + number of strictly better scores: ties share a rank and the next rank skips", () => {
    fc.assert(
      fc.property(fc.array(tieProne, { maxLength: 30 }), (scores) => {
        const ranked = rankWithTies(scores, (s) => s);
        for (const { item, rank } of ranked) {
          if (item === null) continue;
          const better = scores.filter((s) => s !== null && s.gt(item)).length;
          expect(rank).toBe(better + 1);
        }
        // the listing is best first, and equal scores have equal ranks
        const listed = ranked.filter((r) => r.item !== null);
        for (let i = 1; i < listed.length; i += 1) {
          const prev = listed[i - 1]!;
          const cur = listed[i]!;
          expect(prev.item!.gte(cur.item!)).toBe(true);
          if (prev.item!.eq(cur.item!)) expect(cur.rank).toBe(prev.rank);
          else expect(cur.rank).toBe(i + 1);
        }
      }),
    );
  });
});

describe("aggregation properties", () => {
  const countyValues = fc.array(fc.record({ num: decimal(0, 1000), den: decimal(0.001, 100000) }), { minLength: 1, maxLength: 10 });

  it("the city's ratio equals Σ numerators / Σ denominators × factor (never an average of ratios)", () => {
    fc.assert(
      fc.property(countyValues, (values) => {
        const regions = [region("C", null), ...values.map((_, i) => region(`k${i}`, "C"))];
        const fills = values.flatMap((v, i) => [fill(`k${i}`, "N", 2025, 6, v.num.toString()), fill(`k${i}`, "D", 2025, 6, v.den.toString())]);
        const result = computePeriod(
          periodInput({
            regions,
            indicators: [
              indicator("N", "CUMULATIVE"),
              indicator("D", "CUMULATIVE"),
              indicator("R", "RATIO", { numeratorId: "N", denominatorId: "D", ratioFactor: d(100) }),
            ],
            fills,
          }),
        );
        const sumN = values.reduce((acc, v) => acc.plus(v.num), d(0));
        const sumD = values.reduce((acc, v) => acc.plus(v.den), d(0));
        const city = getCell(result, "C", "R")?.actual.value;
        expect(city?.eq(sumN.div(sumD).times(d(100)))).toBe(true);
        expect(getCell(result, "C", "N")?.actual.value?.eq(sumN)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe("completion properties", () => {
  const kinds: IndicatorKind[] = ["CUMULATIVE", "STOCK", "INCREMENT", "RATIO"];
  const args = fc.record({
    a1: decimal(-100, 1000),
    a2: decimal(-100, 1000),
    target: decimal(0.001, 1000),
    month: fc.integer({ min: 1, max: 12 }),
    kind: fc.constantFrom(...kinds),
  });
  const completion = (direction: Direction, actual: Decimal, target: Decimal, month: number, kind: IndicatorKind) =>
    computeCompletion({
      actual,
      target,
      direction,
      kind,
      expected: d(month).div(d(12)),
      lowerIsBetterCap: d(2),
    }).value;

  it("higher is better: completion never falls when the actual rises", () => {
    fc.assert(
      fc.property(args, ({ a1, a2, target, month, kind }) => {
        const [lo, hi] = a1.lte(a2) ? [a1, a2] : [a2, a1];
        const cLo = completion("HIGHER_IS_BETTER", lo, target, month, kind);
        const cHi = completion("HIGHER_IS_BETTER", hi, target, month, kind);
        expect(cHi!.gte(cLo!)).toBe(true);
      }),
    );
  });

  it("lower is better: completion never rises when the actual rises, and stays within (0, cap]", () => {
    fc.assert(
      fc.property(args, ({ a1, a2, target, month, kind }) => {
        const [lo, hi] = a1.lte(a2) ? [a1, a2] : [a2, a1];
        const cLo = completion("LOWER_IS_BETTER", lo, target, month, kind)!;
        const cHi = completion("LOWER_IS_BETTER", hi, target, month, kind)!;
        expect(cHi.lte(cLo)).toBe(true);
        expect(cLo.lte(d(2)) && cHi.gt(0)).toBe(true);
      }),
    );
  });
});

describe("composite properties", () => {
  it("0 ≤ target score ≤ fullMarks and 0 ≤ bonus ≤ bonusCap × counted indicators", () => {
    const part = fc.record({
      weight: decimal(0, 50),
      completion: fc.option(decimal(-1, 3), { nil: null }),
      hasTarget: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const scheme = { fullMarks: d(100), bonusPerPercent: d("0.3"), bonusCap: d(4), tiers: [] };
        const s = compositeScore("R", parts.map((p, i) => ({ indicatorId: `I${i}`, ...p })), scheme);
        const counted = s.parts.filter((p) => p.counted).length;
        if (counted === 0) {
          expect(s.total).toBeNull();
          return;
        }
        expect(s.targetScore!.gte(d(0)) && s.targetScore!.lte(d(100))).toBe(true);
        expect(s.bonusScore!.gte(d(0)) && s.bonusScore!.lte(d(4 * counted))).toBe(true);
        expect(s.total!.eq(s.targetScore!.plus(s.bonusScore!))).toBe(true);
      }),
    );
  });
});
