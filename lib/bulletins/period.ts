/**
 * Bulletin periods: the last month of each (the figures are year-to-date at its end) and
 * the Chinese period names of titles. Pure and client-safe.
 */
import type { BulletinPeriodSpec, BulletinPeriodType } from "./types";

export const PERIOD_COUNT: Record<BulletinPeriodType, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, YEAR: 1 };

/** month → that month; quarter Q → 3Q; half H → 6H; year → 12. */
export function lastMonthOf(spec: BulletinPeriodSpec): number {
  switch (spec.type) {
    case "MONTH":
      return spec.period;
    case "QUARTER":
      return spec.period * 3;
    case "HALF_YEAR":
      return spec.period * 6;
    case "YEAR":
      return 12;
  }
}

const QUARTERS = ["一", "二", "三", "四"];

/** "2026年上半年", "2026年1—10月", "2026年1月", "2026年第三季度", "2026年". */
export function periodName(spec: BulletinPeriodSpec): string {
  switch (spec.type) {
    case "MONTH":
      return spec.period === 1 ? `${spec.year}年1月` : `${spec.year}年1—${spec.period}月`;
    case "QUARTER":
      return `${spec.year}年第${QUARTERS[spec.period - 1]}季度`;
    case "HALF_YEAR":
      return `${spec.year}年${spec.period === 1 ? "上半年" : "下半年"}`;
    case "YEAR":
      return `${spec.year}年`;
  }
}

/** The span the year-to-date figures cover: "1—6月" (or "1月"). */
export function spanName(month: number): string {
  return month === 1 ? "1月" : `1—${month}月`;
}

/** The most recent period of `type` whose last month is at or before `latest`. */
export function latestPeriodOf(type: BulletinPeriodType, latest: { year: number; month: number }): BulletinPeriodSpec {
  const count = PERIOD_COUNT[type];
  for (let p = count; p >= 1; p--) {
    const spec = { type, year: latest.year, period: p };
    if (lastMonthOf(spec) <= latest.month) return spec;
  }
  return { type, year: latest.year - 1, period: count };
}
