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
import { ZERO } from "../decimal";
import type { Actual, YoY } from "./types";

export function computeYoY(current: Actual, lastYear: Actual): YoY {
  const change = current.value !== null && lastYear.value !== null ? current.value.minus(lastYear.value) : null;
  let growth: YoY["growth"] = null;
  let reason: YoY["reason"] = null;
  if (current.value === null) reason = "NO_DATA";
  else if (lastYear.value === null || change === null) reason = "NO_LAST_YEAR";
  else if (lastYear.value.isZero()) reason = "ZERO_BASE";
  else if (lastYear.value.lt(ZERO)) reason = "NEGATIVE_BASE";
  else growth = change.div(lastYear.value);
  // the field order of the plain data
  return { current: current.value, lastYear: lastYear.value, change, lastYearStale: lastYear.stale, growth, reason };
}
