/**
 * Roll-ups (lib/metrics/rollup.ts): the engine on root + units with summed leaves gives
 * exactly what it gives on the whole tree with every fill — checked on hundreds of random
 * ledgers — and the conversion of a roll-up row into an Actual, worked by hand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computePeriod, ranksAt, rollupActual, rollupPlan, type Cell, type PeriodInput, type PeriodResult, type RollupRow } from "../../../lib/metrics";
import { randomLedger } from "../../support/random-ledger";
import { referenceReducedInput } from "../../support/rollup-reference";
import { d, settings } from "./fixtures";

/** Decimals as strings, Dates as ISO strings: plain JSON to compare. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const withoutChildTargets = (c: Cell) => ({ ...c, childTargetSum: null });

function fullInput(seed: number, rootFills?: boolean): PeriodInput {
  const ledger = randomLedger(seed, { rootFills });
  return {
    year: ledger.year,
    month: ledger.month,
    asOf: new Date(Date.UTC(ledger.year, ledger.month, 6)),
    settings: settings({ deadlineDay: 5 }),
    regions: ledger.regions,
    indicators: ledger.indicators,
    targets: ledger.targets,
    fills: ledger.fills,
  };
}

function comparable(result: PeriodResult) {
  const shown = new Set([result.rootRegionId, ...result.countyIds]);
  return plain({
    countyIds: result.countyIds,
    expected: result.expected,
    city: result.city,
    cells: result.cells.filter((c) => shown.has(c.regionId) && !c.isRoot).map(withoutChildTargets),
    rankings: result.rankings,
    composite: result.composite,
    completeness: result.completeness,
  });
}

describe("the engine on roll-ups", () => {
  it("equals the engine on the whole tree: cells, outlook, rankings, composite and completeness", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, rootFills) => {
        const input = fullInput(seed, rootFills);
        const reduced = referenceReducedInput(input, rollupPlan(input.year, input.month));
        expect(comparable(computePeriod(reduced))).toEqual(comparable(computePeriod(input)));
      }),
      { numRuns: 250 },
    );
  }, 30_000);

  it("ranksAt last month on roll-ups equals the full engine's ranking of last month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const input = fullInput(seed);
        if (input.month === 1) return;
        const reduced = referenceReducedInput(input, rollupPlan(input.year, input.month, { previousMonth: true }));
        const before = computePeriod({ ...input, month: input.month - 1 });
        // reusing the resolver of computePeriod on the same input (as getRanking does) changes nothing;
        // a result of another input is not reused
        const now = computePeriod(reduced);
        const other = computePeriod(fullInput(seed + 1));
        for (const ranking of before.rankings) {
          const expected = Object.fromEntries(ranking.entries.map((e) => [e.regionId, e.rank]));
          expect(Object.fromEntries(ranksAt(reduced, ranking.indicatorId, input.month - 1))).toEqual(expected);
          expect(Object.fromEntries(ranksAt(reduced, ranking.indicatorId, input.month - 1, now))).toEqual(expected);
          expect(Object.fromEntries(ranksAt(reduced, ranking.indicatorId, input.month - 1, other))).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it("with the whole year's points (the county page), equals the full engine at every month so far", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, rootFills) => {
        const input = fullInput(seed, rootFills);
        const reduced = referenceReducedInput(input, rollupPlan(input.year, input.month, { wholeYear: true }));
        // the county page shows no completeness (the reduced input carries the period's month only)
        const shown = (r: PeriodResult) => ({ ...comparable(r), completeness: null });
        for (let month = 1; month <= input.month; month += 1) {
          expect(shown(computePeriod({ ...reduced, month }))).toEqual(shown(computePeriod({ ...input, month })));
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it("refuses a point the loader did not supply instead of guessing", () => {
    const input = fullInput(7);
    const reduced = referenceReducedInput(input, rollupPlan(input.year, input.month));
    const withoutCurrent = {
      ...reduced,
      rollups: { ...reduced.rollups!, rows: reduced.rollups!.rows.filter((r) => !(r.year === input.year && r.month === input.month)) },
    };
    expect(() => computePeriod(withoutCurrent)).toThrow(/no LEVEL roll-up|no NET roll-up/);
  });
});

describe("rollupPlan", () => {
  it("June with last month: this month, May, June and December last year, December the year before", () => {
    const plan = rollupPlan(2025, 6, { previousMonth: true });
    expect(plan.points).toEqual([
      { year: 2025, month: 6, stockOnly: false },
      { year: 2025, month: 5, stockOnly: false },
      { year: 2024, month: 6, stockOnly: false },
      { year: 2024, month: 12, stockOnly: false },
      { year: 2023, month: 12, stockOnly: true },
    ]);
    expect(plan.nets).toEqual([{ level: 0, base: 3 }, { level: 1, base: 3 }, { level: 2, base: 4 }, { level: 3, base: 4 }]);
  });

  it("December: the same month last year is last December (read once); January has no last month", () => {
    expect(rollupPlan(2025, 12).points).toHaveLength(3);
    expect(rollupPlan(2025, 1, { previousMonth: true }).points.map((p) => p.month)).toEqual([1, 1, 12, 12]);
  });
});

describe("rollupActual", () => {
  const row = (extra: Partial<RollupRow>): RollupRow => ({
    regionId: "U", indicatorId: "I", year: 2025, month: 6, measure: "LEVEL",
    present: 2, sum: d("30.5"), minUsed: 6, minBaseUsed: null, missingRegionIds: [], noBaseline: 0, ...extra,
  });

  it("a sum over leaves is an AGGREGATE, partial when some leaves are missing", () => {
    const a = rollupActual(row({ missingRegionIds: ["L3"] }), false, "MONTHLY");
    expect(a).toMatchObject({ reason: null, source: "AGGREGATE", stale: false, monthUsed: 6, partial: true, missingRegionIds: ["L3"] });
    expect(a.value?.toString()).toBe("30.5");
  });

  it("a value carried forward from before the latest month due is stale; a quarterly March figure in May is not", () => {
    expect(rollupActual(row({ minUsed: 4 }), false, "MONTHLY").stale).toBe(true);
    expect(rollupActual(row({ month: 5, minUsed: 3 }), false, "QUARTERLY").stale).toBe(false);
  });

  it("a leaf unit reports for itself: source FILL, and missing means NO_DATA without naming itself", () => {
    expect(rollupActual(row({ present: 1 }), true, "MONTHLY")).toMatchObject({ source: "FILL", partial: false, missingRegionIds: [] });
    expect(rollupActual(row({ present: 0, minUsed: null, missingRegionIds: ["U"] }), true, "MONTHLY")).toMatchObject({
      value: null, reason: "NO_DATA", missingRegionIds: [],
    });
  });

  it("NET: no baseline anywhere is NO_BASELINE; a stale baseline makes the net change stale", () => {
    const none = rollupActual(row({ measure: "NET", present: 0, minUsed: null, missingRegionIds: ["L1", "L2"], noBaseline: 2 }), false, "MONTHLY");
    expect(none).toMatchObject({ value: null, reason: "NO_BASELINE", missingRegionIds: ["L1", "L2"] });
    const mixed = rollupActual(row({ measure: "NET", present: 0, minUsed: null, missingRegionIds: ["L1", "L2"], noBaseline: 1 }), false, "MONTHLY");
    expect(mixed.reason).toBe("NO_DATA");
    expect(rollupActual(row({ measure: "NET", minBaseUsed: 11 }), false, "MONTHLY").stale).toBe(true);
    expect(rollupActual(row({ measure: "NET", minBaseUsed: 12 }), false, "MONTHLY").stale).toBe(false);
  });
});
