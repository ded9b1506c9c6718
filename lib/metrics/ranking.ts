/**
 * Competition ranking with ties ("1, 2, 2, 4"): equal scores — compared exactly as
 * decimals at full precision, never rounded — share the better rank and the next
 * distinct score skips the shared places. Items without a score are unranked
 * (rank null) and listed after the ranked ones. Input order breaks ties in the
 * listing (pass items in tree order for a stable display).
 *
 * Per-indicator rankings order counties by completion, best first, for both
 * directions: completion already encodes the direction (see completion.ts).
 */
import type { Decimal } from "../decimal";

export interface Ranked<T> {
  item: T;
  rank: number | null;
}

export type RankOrder = "DESC" | "ASC";

export function rankWithTies<T>(
  items: readonly T[],
  score: (item: T) => Decimal | null | undefined,
  order: RankOrder = "DESC",
): Ranked<T>[] {
  const scored: Scored<T>[] = [];
  const unranked: Ranked<T>[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const value = score(item) ?? null;
    if (value === null) unranked.push({ item, rank: null });
    else scored.push({ item, index, value });
  }
  scored.sort(order === "DESC" ? bestFirst : worstFirst);
  const ranked: Ranked<T>[] = new Array(scored.length);
  let rank = 0;
  for (let position = 0; position < scored.length; position++) {
    const s = scored[position]!;
    // a tie shares the rank of the first of its equals
    if (position === 0 || !scored[position - 1]!.value.eq(s.value)) rank = position + 1;
    ranked[position] = { item: s.item, rank };
  }
  for (const u of unranked) ranked.push(u);
  return ranked;
}

interface Scored<T> {
  item: T;
  index: number;
  value: Decimal;
}

// at module level, not made per call (see regions.ts); input order breaks ties
const bestFirst = (a: Scored<unknown>, b: Scored<unknown>): number => b.value.cmp(a.value) || a.index - b.index;
const worstFirst = (a: Scored<unknown>, b: Scored<unknown>): number => a.value.cmp(b.value) || a.index - b.index;
