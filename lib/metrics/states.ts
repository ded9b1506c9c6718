/**
 * The state of a figure for a month (domain.md §4), what every view marks it with:
 * - APPROVED (已审核): every reporting region below filled the month and it was approved;
 * - SUBMITTED (待审核): every one filled it, some fills are submitted but not yet approved;
 * - CARRIED (沿用): the indicator is not due this month by its frequency and the figure is
 *   the one of the latest due month (`Actual.monthUsed`), still current;
 * - MISSING (未报): the month is due and some reporting region below has not filled it
 *   (the engine may still carry an earlier, stale figure — it is marked, never hidden).
 * A RATIO takes the state of its numerator and denominator together. A region's state is
 * its reporting leaves' (the active regions without active children below it, or itself);
 * the city's is every county's. Inactive regions have no state.
 *
 * Rankings: by default a county whose figure is MISSING is not ranked on it and is listed
 * after the ranked ones; a tenant may rank on the carried figure instead (the mark stays).
 */
import type { Decimal } from "../decimal";
import { isDueMonth } from "./progress";
import { rankWithTies, type Ranked } from "./ranking";
import type { RegionTree } from "./regions";
import type { Actual, FillStatus, IndicatorDef, ReportRow } from "./types";

export type FigureState = "APPROVED" | "SUBMITTED" | "CARRIED" | "MISSING";

/** One region's fills of the month: the indicators approved and the ones submitted, not yet approved. */
export interface MonthStatuses {
  regionId: string;
  approvedIds: readonly string[];
  pendingIds: readonly string[];
}

/** The month statuses from fills of any status (the full loader's rows). */
export function statusesFromFills(fills: readonly ReportRow[], year: number, month: number): MonthStatuses[] {
  const byRegion = new Map<string, { regionId: string; approvedIds: string[]; pendingIds: string[] }>();
  for (const f of fills) {
    if (f.year !== year || f.month !== month || !COUNTED.has(f.status)) continue;
    let s = byRegion.get(f.regionId);
    if (!s) byRegion.set(f.regionId, (s = { regionId: f.regionId, approvedIds: [], pendingIds: [] }));
    (f.status === "APPROVED" ? s.approvedIds : s.pendingIds).push(f.indicatorId);
  }
  return [...byRegion.values()];
}

/** How far a state is from a current, approved figure: the worst part decides. */
const RANK: Record<FigureState, number> = { APPROVED: 0, SUBMITTED: 1, CARRIED: 2, MISSING: 3 };

const COUNTED: ReadonlySet<FillStatus> = new Set<FillStatus>(["SUBMITTED", "APPROVED"]);

export class FigureStates {
  readonly #tree: RegionTree;
  readonly #indicators: ReadonlyMap<string, IndicatorDef>;
  readonly #month: number;
  readonly #statuses: ReadonlyMap<string, { approved: ReadonlySet<string>; pending: ReadonlySet<string> }>;
  readonly #leaves = new Map<string, readonly string[]>();

  constructor(tree: RegionTree, indicators: ReadonlyMap<string, IndicatorDef>, month: number, statuses: readonly MonthStatuses[]) {
    this.#tree = tree;
    this.#indicators = indicators;
    this.#month = month;
    this.#statuses = new Map(statuses.map((s) => [s.regionId, { approved: new Set(s.approvedIds), pending: new Set(s.pendingIds) }]));
  }

  /** The state of a region's figure whose actual is `actual`; null for an inactive region. */
  of(regionId: string, indicatorId: string, actual: Actual): FigureState | null {
    if (!this.#tree.isActive(regionId)) return null;
    const leaves = this.leavesOf(regionId);
    if (leaves.length === 0) return null;
    // each part on its own (a ratio's parts may differ in frequency), then the worst of them
    let state: FigureState = "APPROVED";
    for (const part of this.partsOf(indicatorId)) {
      const own = this.partState(leaves, part);
      if (RANK[own] > RANK[state]) state = own;
    }
    if (state !== "CARRIED") return state;
    return actual.value !== null && !actual.stale ? "CARRIED" : "MISSING";
  }

  /** One filled indicator over the leaves: CARRIED stands for "not reported, not due" here. */
  private partState(leaves: readonly string[], part: IndicatorDef): FigureState {
    let approved = true;
    let counted = true;
    for (const leaf of leaves) {
      const s = this.#statuses.get(leaf);
      if (s?.approved.has(part.id)) continue;
      approved = false;
      if (!s?.pending.has(part.id)) counted = false;
    }
    if (approved) return "APPROVED";
    if (counted) return "SUBMITTED";
    return isDueMonth(this.#month, part.frequency) ? "MISSING" : "CARRIED";
  }

  private partsOf(indicatorId: string): IndicatorDef[] {
    const def = this.#indicators.get(indicatorId);
    if (!def) return [];
    if (def.kind !== "RATIO") return [def];
    return [def.numeratorId, def.denominatorId].flatMap((id) => (id ? this.partsOf(id) : []));
  }

  /** The reporting leaves at or below a region (the region itself when it has no active children). */
  private leavesOf(regionId: string): readonly string[] {
    let leaves = this.#leaves.get(regionId);
    if (leaves) return leaves;
    const found: string[] = [];
    const visit = (id: string): void => {
      const children = this.#tree.activeChildren(id);
      if (children.length === 0 && id !== this.#tree.root.id) found.push(id);
      for (const c of children) visit(c.id);
    };
    visit(regionId);
    this.#leaves.set(regionId, (leaves = found));
    return leaves;
  }
}

/**
 * Ranks items (in the engine's order) by their score, leaving those with a MISSING
 * figure unranked after the ranked ones unless `rankUnreported`.
 */
export function rankReported<T>(
  items: readonly T[],
  score: (item: T) => Decimal | null,
  missing: (item: T) => boolean,
  rankUnreported: boolean,
): Ranked<T>[] {
  return rankWithTies(items, (item) => (!rankUnreported && missing(item) ? null : score(item)));
}
