/**
 * The composite tiers as map colours (pure): the dashboards' overview map and the bulletin's
 * map colour a county by its tier with the status keys of StatusBadge.
 */

/**
 * The tiers present, best first, each with a status key: the best AHEAD (green), the worst
 * SERIOUSLY_BEHIND (red), those between BEHIND (amber). A tier's place is its best score (a
 * higher tier's minimum is higher).
 */
export function tierTones(entries: readonly { tier: string | null; total: string | null }[]): Map<string, string> {
  const best = new Map<string, number>();
  for (const e of entries) {
    if (e.tier === null || e.total === null) continue;
    best.set(e.tier, Math.max(best.get(e.tier) ?? -Infinity, Number(e.total))); // order only
  }
  const tiers = [...best.keys()].sort((a, b) => best.get(b)! - best.get(a)!);
  return new Map(tiers.map((tier, i) => [tier, i === 0 ? "AHEAD" : i === tiers.length - 1 ? "SERIOUSLY_BEHIND" : "BEHIND"]));
}
