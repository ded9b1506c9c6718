/**
 * The figures' states and the ranks the dashboards show with them (lib/metrics/states.ts):
 * built once per computed period from the loaded month's statuses, for either loader.
 * Unless the tenant ranks unreported counties (TenantSettings.rankUnreported), a county
 * whose figure is 未报 (or 待审核, where the tenant counts approved figures only) keeps no rank for it — nor a composite rank when any weighted figure
 * is 未报 — is listed after the ranked ones, and is no laggard.
 */
import { buildRegionTree, FigureStates, indexIndicators, rankReported, type Cell, type CompositeScore, type FigureState, type IndicatorRanking, type MonthStatuses, type PeriodInput, type PeriodResult, type RankEntry, type RegionDef } from "../metrics";

export interface MarkedLoad {
  input: PeriodInput;
  regions: readonly RegionDef[];
  statuses: readonly MonthStatuses[];
}

export class FigureMarks {
  readonly #states: FigureStates;
  readonly #result: PeriodResult;
  readonly #rankUnreported: boolean;
  /** the states a county is not ranked on: 未报, and 待审核 where only approved figures count */
  readonly #unranked: ReadonlySet<FigureState>;
  readonly #cells = new Map<string, Cell>();
  readonly #ranks = new Map<string, Map<string, number | null>>();

  constructor(loaded: MarkedLoad, result: PeriodResult) {
    this.#states = new FigureStates(buildRegionTree(loaded.regions), indexIndicators(loaded.input.indicators), loaded.input.month, loaded.statuses);
    this.#result = result;
    this.#rankUnreported = loaded.input.settings.rankUnreported ?? false;
    const countsPending = loaded.input.settings.countedStatuses?.includes("SUBMITTED") ?? true;
    this.#unranked = new Set<FigureState>(countsPending ? ["MISSING"] : ["MISSING", "SUBMITTED"]);
    for (const c of result.cells) this.#cells.set(`${c.regionId}|${c.indicatorId}`, c);
  }

  state(cell: Cell): FigureState | null {
    return this.#states.of(cell.regionId, cell.indicatorId, cell.actual);
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
    const ranking = this.#result.rankings.find((r) => r.indicatorId === cell.indicatorId);
    if (!ranking || cell.isRoot) return cell.rank;
    return this.ranksOf(ranking).get(cell.regionId) ?? null;
  }

  /** The ranking's entries in the order shown, with the ranks shown. */
  entries(ranking: IndicatorRanking): RankEntry[] {
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
  composite(entries: readonly CompositeScore[]): CompositeScore[] {
    return rankReported(entries, (e) => e.total, (e) => this.unreportedCount(e) > 0, this.#rankUnreported).map(({ item, rank }) => (item.rank === rank ? item : { ...item, rank }));
  }

  private rerank(ranking: IndicatorRanking) {
    return rankReported(ranking.entries, (e) => e.completion, (e) => this.unrankedAt(e.regionId, ranking.indicatorId), this.#rankUnreported);
  }

  private ranksOf(ranking: IndicatorRanking): Map<string, number | null> {
    let ranks = this.#ranks.get(ranking.indicatorId);
    if (!ranks) {
      ranks = new Map(this.rerank(ranking).map(({ item, rank }) => [item.regionId, rank]));
      this.#ranks.set(ranking.indicatorId, ranks);
    }
    return ranks;
  }
}
