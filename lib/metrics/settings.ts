/** Default tenant settings and their validation. */
import { Dec } from "../dec";
import type { FillStatus, MetricsSettings } from "./types";
import { MetricsInputError } from "./util";

/** Fill statuses counted by default: SUBMITTED and APPROVED (not DRAFT, not RETURNED). */
export const DEFAULT_COUNTED_STATUSES: readonly FillStatus[] = ["SUBMITTED", "APPROVED"];

/** Default cap of a LOWER_IS_BETTER completion: 2 (200 %). */
export const DEFAULT_LOWER_IS_BETTER_CAP = Dec.int(2);

/** The defaults of the database schema: deadline the 5th, behind below 0 points, seriously behind below −10. */
export const DEFAULT_SETTINGS: MetricsSettings = {
  deadlineDay: 5,
  behindGap: Dec.int(0),
  seriousGap: Dec.int(-10),
  composite: {
    fullMarks: Dec.int(100),
    bonusPerPercent: Dec.from("0.1"),
    bonusCap: Dec.int(4),
    tiers: [
      { label: "A", minScore: Dec.int(80) },
      { label: "B", minScore: Dec.int(60) },
      { label: "C", minScore: Dec.int(0) },
    ],
  },
  countedStatuses: DEFAULT_COUNTED_STATUSES,
  lowerIsBetterCap: DEFAULT_LOWER_IS_BETTER_CAP,
};

/** Settings with every optional field filled in. */
export interface ResolvedSettings extends MetricsSettings {
  countedStatuses: readonly FillStatus[];
  lowerIsBetterCap: Dec;
}

export function resolveSettings(settings: MetricsSettings): ResolvedSettings {
  validateSettings(settings);
  return {
    ...settings,
    countedStatuses: settings.countedStatuses ?? DEFAULT_COUNTED_STATUSES,
    lowerIsBetterCap: settings.lowerIsBetterCap ?? DEFAULT_LOWER_IS_BETTER_CAP,
  };
}

export function validateSettings(settings: MetricsSettings): void {
  const { deadlineDay, behindGap, seriousGap, composite } = settings;
  if (!Number.isInteger(deadlineDay) || deadlineDay < 1 || deadlineDay > 31) {
    throw new MetricsInputError(`deadlineDay must be an integer 1–31, got ${deadlineDay}`);
  }
  if (seriousGap.gt(behindGap)) {
    throw new MetricsInputError(`seriousGap (${seriousGap}) must not exceed behindGap (${behindGap})`);
  }
  if (!composite.fullMarks.isPositive()) throw new MetricsInputError("composite.fullMarks must be positive");
  if (composite.bonusPerPercent.isNegative()) throw new MetricsInputError("composite.bonusPerPercent must not be negative");
  if (composite.bonusCap.isNegative()) throw new MetricsInputError("composite.bonusCap must not be negative");
  const cap = settings.lowerIsBetterCap;
  if (cap !== undefined && !cap.isPositive()) throw new MetricsInputError("lowerIsBetterCap must be positive");
}
