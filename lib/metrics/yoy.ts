/**
 * Year-on-year growth (同比增长): (this year's actual at the month − last year's actual
 * at the same month) / last year's, as a fraction. Last year's actual is computed by
 * the same rules as this year's (YTD for CUMULATIVE, level for STOCK, level-based net
 * increase over the year before's December for INCREMENT, ratio of sums for RATIO,
 * aggregated up the tree, carried forward within last year when a month is missing).
 * Null with a reason when this year or last year is missing, or last year's value is
 * zero (ZERO_BASE) or negative (NEGATIVE_BASE: a rate on a negative base misleads);
 * `change` (the plain difference) is still given whenever both values exist.
 * Both sides are taken at the period's month: when this year's actual is carried
 * forward (`Actual.stale`) the comparison is not like for like, and the cell says so
 * through `actual.stale` / `yoy.lastYearStale` rather than by shifting months.
 */
import type { Actual, YoY } from "./types";

export function computeYoY(current: Actual, lastYear: Actual): YoY {
  const change = current.value !== null && lastYear.value !== null ? current.value.minus(lastYear.value) : null;
  const yoy = (growth: YoY["growth"], reason: YoY["reason"]): YoY => ({
    current: current.value, lastYear: lastYear.value, change, lastYearStale: lastYear.stale, growth, reason,
  });
  if (current.value === null) return yoy(null, "NO_DATA");
  if (lastYear.value === null || change === null) return yoy(null, "NO_LAST_YEAR");
  if (lastYear.value.isZero()) return yoy(null, "ZERO_BASE");
  if (lastYear.value.isNegative()) return yoy(null, "NEGATIVE_BASE");
  return yoy(change.div(lastYear.value), null);
}
