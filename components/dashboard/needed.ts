/**
 * The outlook's "每月尚需完成" as the county page shows it: per month at the indicator's
 * precision, or — where that would round into a different claim (0.5 家 a month shown as
 * 1 家) — the total over the months left ("共需 3 家，余 6 个月"), by lib/metrics neededClaim.
 */
import type { Translate } from "@/components/dashboard/bits";
import { Decimal } from "@/lib/decimal";
import { formatMeasure } from "@/lib/format";
import { neededClaim } from "@/lib/metrics/outlook";

interface NeededOutlook {
  neededPerMonth: Decimal | string | null;
  neededReason: string | null;
  remainingMonths: number;
}

export function neededText(outlook: NeededOutlook, ind: { precision: number; unit: string }, t: Translate): string {
  if (outlook.neededPerMonth === null) return outlook.neededReason === "TARGET_MET" ? t("targetMet") : "—";
  const claim = neededClaim(new Decimal(outlook.neededPerMonth), outlook.remainingMonths, ind.precision);
  if ("perMonth" in claim) return formatMeasure(claim.perMonth, ind.precision, ind.unit);
  return t("neededTotal", { total: formatMeasure(claim.total, ind.precision, ind.unit), months: claim.months });
}
