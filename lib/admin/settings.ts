/**
 * Parsing the tenant-settings form into the metrics engine's settings (pure; the text is read
 * as every form is, into the decimals the engine takes):
 * deadline day 1–28, seriousGap ≤ behindGap (points), fullMarks > 0, bonus ≥ 0, tiers
 * (label + minScore, distinct labels, sorted by minScore descending) and indicator weights.
 */
import { Decimal, MAX_MEASURE, parseDecimalInput } from "../decimal";
import type { MetricsSettings } from "../metrics";
import type { SettingsInput } from "../schemas/admin";

export type SettingsProblem =
  | "notNumber"
  | "tooLarge"
  | "seriousAboveBehind"
  | "fullMarksPositive"
  | "notNegative"
  | "tierLabel"
  | "tierDuplicate"
  | "weightRange";

export interface SettingsProposal {
  settings: MetricsSettings;
  /** indicator id → weight */
  weights: Map<string, Decimal>;
}

export function parseSettings(input: SettingsInput): { proposal: SettingsProposal } | { errors: Record<string, SettingsProblem> } {
  const errors: Record<string, SettingsProblem> = {};
  const num = (field: string, text: string): Decimal | null => {
    const d = parseDecimalInput(text);
    if (!d || d.decimalPlaces() > 6) {
      errors[field] = "notNumber";
      return null;
    }
    if (d.abs().greaterThan(MAX_MEASURE)) {
      errors[field] = "tooLarge";
      return null;
    }
    return d;
  };
  const behindGap = num("behindGap", input.behindGap);
  const seriousGap = num("seriousGap", input.seriousGap);
  const fullMarks = num("fullMarks", input.fullMarks);
  const bonusPerPercent = num("bonusPerPercent", input.bonusPerPercent);
  const bonusCap = num("bonusCap", input.bonusCap);
  if (behindGap && seriousGap && seriousGap.greaterThan(behindGap)) errors.seriousGap = "seriousAboveBehind";
  if (fullMarks && !fullMarks.greaterThan(0)) errors.fullMarks = "fullMarksPositive";
  if (bonusPerPercent?.isNegative()) errors.bonusPerPercent = "notNegative";
  if (bonusCap?.isNegative()) errors.bonusCap = "notNegative";

  const tiers: { label: string; minScore: Decimal }[] = [];
  const seen = new Set<string>();
  input.tierLabel.forEach((label, i) => {
    const minText = input.tierMin[i] ?? "";
    if (label === "" && minText.trim() === "") return; // an empty row
    if (label === "") {
      errors[`tier.${i}`] = "tierLabel";
      return;
    }
    if (seen.has(label)) errors[`tier.${i}`] = "tierDuplicate";
    seen.add(label);
    const min = num(`tier.${i}`, minText);
    if (min) tiers.push({ label, minScore: min });
  });
  tiers.sort((a, b) => b.minScore.comparedTo(a.minScore));

  const weights = new Map<string, Decimal>();
  input.weightId.forEach((id, i) => {
    const w = num(`weight.${i}`, input.weight[i] ?? "");
    if (w && (w.isNegative() || w.greaterThan(1000))) errors[`weight.${i}`] = "weightRange";
    else if (w) weights.set(id, w);
  });

  if (Object.keys(errors).length > 0) return { errors };
  return {
    proposal: {
      settings: {
        deadlineDay: input.deadlineDay,
        reportedShare: new Decimal(input.reportedSharePercent).div(100),
        rankUnreported: input.rankUnreported,
        childTargets: input.childTargets,
        countedStatuses: input.countPending ? ["SUBMITTED", "APPROVED"] : ["APPROVED"],
        behindGap: behindGap!,
        seriousGap: seriousGap!,
        composite: {
          fullMarks: fullMarks!,
          bonusPerPercent: bonusPerPercent!,
          bonusCap: bonusCap!,
          tiers,
        },
      },
      weights,
    },
  };
}
