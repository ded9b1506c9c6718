import { describe, expect, it } from "vitest";
import { rankWithTies } from "../../../lib/metrics";
import { d } from "./fixtures";

describe("rankWithTies", () => {
  it('worked example: completions 0.9, 0.6, 0.6, 0.234 → ranks "1, 2, 2, 4"', () => {
    const items = [
      { id: "A", c: d("0.234") },
      { id: "B", c: d("0.9") },
      { id: "D", c: d("0.6") },
      { id: "E", c: d("0.60") }, // same value, different spelling: a tie
    ];
    const ranked = rankWithTies(items, (i) => i.c);
    expect(ranked.map((r) => [r.item.id, r.rank])).toEqual([
      ["B", 1],
      ["D", 2],
      ["E", 2],
      ["A", 4],
    ]);
  });

  it("compares at full Decimal precision: 1/3 and 0.33333333333333333333 are tied only if exactly equal", () => {
    const third = d(1).div(d(3)); // 0.33333333333333333333 (20 digits)
    const items = [
      { id: "P", c: third },
      { id: "Q", c: d("0.33333333333333333333") },
      { id: "R", c: d("0.3333333333333333333") }, // one digit fewer: smaller
    ];
    expect(rankWithTies(items, (i) => i.c).map((r) => [r.item.id, r.rank])).toEqual([
      ["P", 1],
      ["Q", 1],
      ["R", 3],
    ]);
  });

  it("items without a score are unranked (rank null) and listed after, in input order", () => {
    const items = [
      { id: "A", c: null },
      { id: "B", c: d(1) },
      { id: "C", c: undefined },
      { id: "D", c: d(2) },
    ];
    expect(rankWithTies(items, (i) => i.c).map((r) => [r.item.id, r.rank])).toEqual([
      ["D", 1],
      ["B", 2],
      ["A", null],
      ["C", null],
    ]);
  });

  it("ascending order ranks the smallest first", () => {
    const items = [d(3), d(1), d(1), d(2)];
    expect(rankWithTies(items, (i) => i, "ASC").map((r) => [r.item.toString(), r.rank])).toEqual([
      ["1", 1],
      ["1", 1],
      ["2", 3],
      ["3", 4],
    ]);
  });

  it("an empty list ranks to an empty list; all tied share rank 1", () => {
    expect(rankWithTies([], () => d(1))).toEqual([]);
    expect(rankWithTies([1, 2, 3], () => d(5)).map((r) => r.rank)).toEqual([1, 1, 1]);
  });
});
