/**
 * Weighted composite score (综合得分) and its ranking and tiers (DESIGN.md §5).
 *
 * For a region, indicator i counts when its weight is positive and the region has a
 * usable target for it. Indicators without a target are left out and the weights are
 * renormalised over the rest, so a county is not punished for an indicator it was not
 * assigned. An indicator with a target but no data counts with completion 0 (no
 * reporting earns nothing). Then, with w = weight / Σ weights of the counted ones:
 * - base_i (目标得分) = fullMarks × w_i × clamp(completion_i, 0, 1) — full marks at or
 *   above target, proportional below it, never negative (a net decrease scores 0);
 * - bonus_i (加分) = min(bonusCap, (completion_i − 1) × 100 × bonusPerPercent) when
 *   completion_i > 1, else 0 — a capped bonus per indicator;
 * - total (综合得分) = Σ base + Σ bonus (e.g. 99.5 + 4.0 = 103.5).
 * The target score is computed as fullMarks × Σ(weight × clamped completion) / Σ weight
 * with a single division, so all indicators at target give exactly fullMarks.
 * Completion for LOWER_IS_BETTER indicators is already "higher is better" (completion.ts).
 * computePeriod scores completion against the schedule — completion ÷ 序时进度
 * (period.ts `scheduleCompletion`) — so a county on schedule mid-year earns full marks
 * and at month 12 this is completion against the annual target.
 * Ranking: by total, descending, ties share a rank (ranking.ts); no counted indicator
 * → total null, unranked. Tier: the tier with the highest minScore ≤ total.
 */
import { Decimal, ONE, ZERO } from "../decimal";
import { rankWithTies } from "./ranking";
import type { CompositeScore, CompositeSettings, IndicatorScore, ScoreTier } from "./types";
import { HUNDRED, clamp, derived } from "./util";

export interface ScoreInput {
  indicatorId: string;
  weight: Decimal;
  /** The region's completion for the indicator (null when there is no data or no target). */
  completion: Decimal | null;
  /** The region has a usable (positive) target for the indicator. */
  hasTarget: boolean;
}

/** 加分 of one indicator: min(bonusCap, (completion − 1) × 100 × bonusPerPercent) above target, else 0. */
export function indicatorBonus(completion: Decimal, settings: CompositeSettings): Decimal {
  if (!completion.gt(ONE)) return ZERO;
  const raw = completion.minus(ONE).times(HUNDRED).times(settings.bonusPerPercent);
  return raw.gt(settings.bonusCap) ? settings.bonusCap : raw;
}

/** The tier whose minScore is the highest one not above the score; null when the score is below every tier. */
export function tierFor(score: Decimal, tiers: readonly ScoreTier[]): string | null {
  for (const t of derived(sortedTiers, tiers, bestTierFirst)) if (score.gte(t.minScore)) return t.label;
  return null;
}

/** Tiers best first, once per tiers list (the settings' own array). */
const sortedTiers = new WeakMap<readonly ScoreTier[], ScoreTier[]>();
const bestTierFirst = (tiers: readonly ScoreTier[]): ScoreTier[] => [...tiers].sort((a, b) => b.minScore.cmp(a.minScore));

function excluded(input: ScoreInput): IndicatorScore {
  return {
    indicatorId: input.indicatorId,
    weight: input.weight,
    normalisedWeight: ZERO,
    completion: null,
    base: ZERO,
    bonus: ZERO,
    counted: false,
    excludedReason: input.weight.gt(ZERO) ? "NO_TARGET" : "ZERO_WEIGHT",
  };
}

function counts(input: ScoreInput): boolean {
  return input.weight.gt(ZERO) && input.hasTarget;
}

/**
 * Results that repeat across the regions of one ranking — weight ÷ Σ weights is the same for
 * every county that has all targets, fullMarks × weight the same for all — computed once.
 * The same operations on the same operands: the values are those computed afresh.
 */
export class ScoreCache {
  /** by the weight (the indicator's own Decimal, shared by every region) and Σ weights as text */
  private readonly shares = new Map<Decimal, Map<string, Decimal>>();
  private readonly marks = new Map<Decimal, Map<Decimal, Decimal>>();
  /** the full-marks base, by the weight and Σ weights as text (fullMarks is one per ranking) */
  private readonly fullBases = new Map<Decimal, Map<string, Decimal>>();

  normalisedWeight(weight: Decimal, totalWeight: Decimal, totalKey: string): Decimal {
    let byTotal = this.shares.get(weight);
    if (!byTotal) this.shares.set(weight, (byTotal = new Map()));
    let v = byTotal.get(totalKey);
    if (!v) byTotal.set(totalKey, (v = weight.div(totalWeight)));
    return v;
  }

  fullMarksTimes(weight: Decimal, fullMarks: Decimal): Decimal {
    let byMarks = this.marks.get(weight);
    if (!byMarks) this.marks.set(weight, (byMarks = new Map()));
    let v = byMarks.get(fullMarks);
    if (!v) byMarks.set(fullMarks, (v = fullMarks.times(weight)));
    return v;
  }

  /** fullMarks × weight ÷ Σ weights: the base of an indicator at or above target (× 1 changes nothing). */
  fullBase(weight: Decimal, fullMarks: Decimal, totalWeight: Decimal, totalKey: string): Decimal {
    let byTotal = this.fullBases.get(weight);
    if (!byTotal) this.fullBases.set(weight, (byTotal = new Map()));
    let v = byTotal.get(totalKey);
    if (!v) byTotal.set(totalKey, (v = this.fullMarksTimes(weight, fullMarks).div(totalWeight)));
    return v;
  }
}

export function compositeScore(
  regionId: string,
  inputs: readonly ScoreInput[],
  settings: CompositeSettings,
  cache: ScoreCache = new ScoreCache(),
): CompositeScore {
  let totalWeight = ZERO;
  for (const input of inputs) if (counts(input)) totalWeight = totalWeight.plus(input.weight);
  const totalKey = totalWeight.toString();
  let weighted = ZERO;
  let bonusScore = ZERO;
  let anyCounted = false;
  const parts: IndicatorScore[] = new Array(inputs.length);
  for (let k = 0; k < inputs.length; k++) {
    const input = inputs[k]!;
    if (!counts(input)) {
      parts[k] = excluded(input);
      continue;
    }
    anyCounted = true;
    const completion = input.completion ?? ZERO;
    const clamped = clamp(completion, ZERO, ONE);
    // at or above target (clamped to 1) the base repeats across regions; at 0 it is 0 (and
    // weight × 1 is the weight, weight × 0 adds nothing: the same sums, fewer operations)
    const full = clamped.eq(ONE);
    const none = !full && clamped.isZero();
    const base = full
      ? cache.fullBase(input.weight, settings.fullMarks, totalWeight, totalKey)
      : none
        ? ZERO
        : cache.fullMarksTimes(input.weight, settings.fullMarks).times(clamped).div(totalWeight);
    const bonus = indicatorBonus(completion, settings);
    if (!none) weighted = weighted.plus(full ? input.weight : input.weight.times(clamped));
    bonusScore = bonusScore.plus(bonus);
    parts[k] = {
      indicatorId: input.indicatorId,
      weight: input.weight,
      normalisedWeight: cache.normalisedWeight(input.weight, totalWeight, totalKey),
      completion,
      base,
      bonus,
      counted: true,
      excludedReason: null,
    };
  }
  if (!anyCounted) {
    return { regionId, targetScore: null, bonusScore: null, total: null, tier: null, rank: null, parts };
  }
  const targetScore = settings.fullMarks.times(weighted).div(totalWeight);
  const total = targetScore.plus(bonusScore);
  return { regionId, targetScore, bonusScore, total, tier: tierFor(total, settings.tiers), rank: null, parts };
}

const totalOf = (s: CompositeScore): Decimal | null => s.total;

/** Ranks composite scores by total (best first, ties share a rank, null totals last). */
export function rankComposite(scores: readonly CompositeScore[]): CompositeScore[] {
  const ranked = rankWithTies(scores, totalOf);
  const out: CompositeScore[] = new Array(ranked.length);
  for (let k = 0; k < ranked.length; k++) out[k] = { ...ranked[k]!.item, rank: ranked[k]!.rank };
  return out;
}
