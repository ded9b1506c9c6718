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
import type { Dec } from "../dec";

export interface Ranked<T> {
  item: T;
  rank: number | null;
}

export type RankOrder = "DESC" | "ASC";

export function rankWithTies<T>(
  items: readonly T[],
  score: (item: T) => Dec | null | undefined,
  order: RankOrder = "DESC",
): Ranked<T>[] {
  const sign = order === "DESC" ? -1 : 1;
  const all = items.map((item, index) => ({ item, index, value: score(item) ?? null }));
  const scored = all
    .filter((s): s is { item: T; index: number; value: Dec } => s.value !== null)
    .sort((a, b) => sign * a.value.cmp(b.value) || a.index - b.index);

  const ranked: Ranked<T>[] = [];
  scored.forEach((s, position) => {
    const previous = scored[position - 1];
    const previousRank = ranked[position - 1]?.rank ?? null;
    const tied = previous !== undefined && previous.value.eq(s.value);
    ranked.push({ item: s.item, rank: tied && previousRank !== null ? previousRank : position + 1 });
  });
  const unranked = all.filter((s) => s.value === null).map((s) => ({ item: s.item, rank: null }));
  return [...ranked, ...unranked];
}
