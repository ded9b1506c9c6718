/**
 * The figures' states and the ranks the dashboards show with them (lib/metrics/states.ts):
 * built once per computed period from the loaded month's statuses, for either loader.
 * Unless the tenant ranks unreported counties (TenantSettings.rankUnreported), a county
 * whose figure is 未报 (or 待审核, where the tenant counts approved figures only) keeps no rank for it — nor a composite rank when any weighted figure
 * is 未报 — is listed after the ranked ones, and is no laggard.
 */
import { buildRegionTree, FigureStates, indexIndicators, rankReported, type Cell, type CompositeScore, type FigureState, type IndicatorRanking, type MonthStatuses, type PeriodInput, type PeriodResult, type RankEntry, type RegionDef, type RegionTree } from "../metrics";

export interface MarkedLoad {
  input: PeriodInput;
  regions: readonly RegionDef[];
  statuses: readonly MonthStatuses[];
  /** the tree of `regions` where the loader has it already (the cached configuration's) */
  tree?: RegionTree;
}

export class FigureMarks {
  readonly #states: FigureStates;
  readonly #rankUnreported: boolean;
  /** the states a county is not ranked on: 未报, and 待审核 where only approved figures count */
  readonly #unranked: ReadonlySet<FigureState>;
  readonly #cells = new Map<string, Cell>();
  /** each figure's state, computed once (the pages ask for it several times) */
  readonly #stateOf = new Map<Cell, FigureState | null>();
  readonly #rankings = new Map<string, IndicatorRanking>();
  readonly #ranks = new Map<string, ReadonlyMap<string, number | null>>();

  constructor(loaded: MarkedLoad, result: PeriodResult) {
    const tree = loaded.tree ?? buildRegionTree(loaded.regions);
    this.#states = new FigureStates(tree, indexIndicators(loaded.input.indicators), loaded.input.month, loaded.statuses);
    this.#rankUnreported = loaded.input.settings.rankUnreported ?? false;
    const countsPending = loaded.input.settings.countedStatuses?.includes("SUBMITTED") ?? true;
    this.#unranked = new Set<FigureState>(countsPending ? ["MISSING"] : ["MISSING", "SUBMITTED"]);
    for (const c of result.cells) this.#cells.set(`${c.regionId}|${c.indicatorId}`, c);
    for (const r of result.rankings) this.#rankings.set(r.indicatorId, r);
  }

  state(cell: Cell): FigureState | null {
    let state = this.#stateOf.get(cell);
    if (state === undefined) this.#stateOf.set(cell, (state = this.#states.of(cell.regionId, cell.indicatorId, cell.actual)));
    return state;
  }

  stateAt(regionId: string, indicatorId: string): FigureState | null {
    const cell = this.#cells.get(`${regionId}|${indicatorId}`);
    return cell ? this.state(cell) : null;
  }

  /** Is the figure one a county is not ranked on (unless the tenant ranks unreported counties)? */
  private unrankedAt(regionId: string, indicatorId: string): boolean {
    const state = this.stateAt(regionId, indicatorId);
    return state !== null && this.#unranked.has(state);
  }

  /** A county's rank for the cell's indicator as shown (see the module); the engine's otherwise. */
  rank(cell: Cell): number | null {
    const ranking = this.#rankings.get(cell.indicatorId);
    if (!ranking || cell.isRoot) return cell.rank;
    return this.ranksOf(ranking).get(cell.regionId) ?? null;
  }

  /** The ranking's entries in the order shown, with the ranks shown. */
  entries(ranking: IndicatorRanking): RankEntry[] {
    if (!this.unrankedIn(ranking)) return ranking.entries;
    return this.rerank(ranking).map(({ item, rank }) => ({ ...item, rank }));
  }

  /** The laggards worth naming: the engine's, less the counties whose figure is 未报 (unless ranked). */
  laggards(ranking: IndicatorRanking): string[] {
    if (this.#rankUnreported) return ranking.laggardRegionIds;
    return ranking.laggardRegionIds.filter((id) => !this.unrankedAt(id, ranking.indicatorId));
  }

  /** How many of a county's weighted figures it is not ranked on (未报, or 待审核 where only approved ones count). */
  unreportedCount(score: CompositeScore): number {
    return score.parts.filter((p) => p.counted && this.unrankedAt(score.regionId, p.indicatorId)).length;
  }

  /** The composite entries in the order shown, with the ranks shown. */
  composite(entries: readonly CompositeScore[]): readonly CompositeScore[] {
    if (this.#rankUnreported || !entries.some((e) => this.unreportedCount(e) > 0)) return entries;
    return rankReported(entries, (e) => e.total, (e) => this.unreportedCount(e) > 0, this.#rankUnreported).map(({ item, rank }) => (item.rank === rank ? item : { ...item, rank }));
  }

  private rerank(ranking: IndicatorRanking) {
    return rankReported(ranking.entries, (e) => e.completion, (e) => this.unrankedAt(e.regionId, ranking.indicatorId), this.#rankUnreported);
  }

  private ranksOf(ranking: IndicatorRanking): ReadonlyMap<string, number | null> {
    let ranks = this.#ranks.get(ranking.indicatorId);
    if (!ranks) {
      // the engine's ranks stand where no county is left unranked
      const shown = this.unrankedIn(ranking) ? this.rerank(ranking).map(({ item, rank }) => [item.regionId, rank] as const) : ranking.entries.map((e) => [e.regionId, e.rank] as const);
      this.#ranks.set(ranking.indicatorId, (ranks = new Map(shown)));
    }
    return ranks;
  }

  /** Does any county of the ranking keep no rank (see the module)? */
  private unrankedIn(ranking: IndicatorRanking): boolean {
    return !this.#rankUnreported && ranking.entries.some((e) => this.unrankedAt(e.regionId, ranking.indicatorId));
  }
}
