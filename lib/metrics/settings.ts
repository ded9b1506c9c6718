/** Default tenant settings and their validation. */
import { Decimal, ZERO } from "../decimal";
import type { FillStatus, MetricsSettings } from "./types";
import { MetricsInputError } from "./util";

/** Fill statuses counted by default: SUBMITTED and APPROVED (not DRAFT, not RETURNED). */
export const DEFAULT_COUNTED_STATUSES: readonly FillStatus[] = ["SUBMITTED", "APPROVED"];

/** Default cap of a LOWER_IS_BETTER completion: 2 (200 %). */
export const DEFAULT_LOWER_IS_BETTER_CAP = new Decimal(2);

/** The defaults of the database schema: deadline the 5th, behind below 0 points, seriously behind below −10. */
export const DEFAULT_SETTINGS: MetricsSettings = {
  deadlineDay: 5,
  behindGap: new Decimal(0),
  seriousGap: new Decimal(-10),
  composite: {
    fullMarks: new Decimal(100),
    bonusPerPercent: new Decimal("0.1"),
    bonusCap: new Decimal(4),
    tiers: [
      { label: "A", minScore: new Decimal(80) },
      { label: "B", minScore: new Decimal(60) },
      { label: "C", minScore: new Decimal(0) },
    ],
  },
  countedStatuses: DEFAULT_COUNTED_STATUSES,
  lowerIsBetterCap: DEFAULT_LOWER_IS_BETTER_CAP,
};

/** Settings with every optional field filled in. */
export interface ResolvedSettings extends MetricsSettings {
  countedStatuses: readonly FillStatus[];
  lowerIsBetterCap: Decimal;
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
  if (!composite.fullMarks.gt(ZERO)) throw new MetricsInputError("composite.fullMarks must be positive");
  if (composite.bonusPerPercent.lt(ZERO)) throw new MetricsInputError("composite.bonusPerPercent must not be negative");
  if (composite.bonusCap.lt(ZERO)) throw new MetricsInputError("composite.bonusCap must not be negative");
  const cap = settings.lowerIsBetterCap;
  if (cap !== undefined && !cap.gt(ZERO)) throw new MetricsInputError("lowerIsBetterCap must be positive");
}
