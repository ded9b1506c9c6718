/** Builders shared by the metrics tests (not a test file itself). */
import { expect } from "vitest";
import { Decimal } from "../../../lib/decimal";
import type {
  FillRow,
  FillStatus,
  IndicatorDef,
  IndicatorKind,
  MetricsSettings,
  PeriodInput,
  RegionDef,
  TargetRow,
} from "../../../lib/metrics";
import { DEFAULT_SETTINGS } from "../../../lib/metrics";

export const d = (value: string | number): Decimal => new Decimal(value);

/** Exact decimal comparison (by decimal.js's canonical string) with a readable failure message. */
export function expectDec(actual: Decimal | null | undefined, expected: string | number): void {
  expect(actual, `expected ${expected}, got null/undefined`).not.toBeNull();
  expect(actual?.toString()).toBe(new Decimal(expected).toString());
}

let sort = 0;
export function region(id: string, parentId: string | null, extra: Partial<RegionDef> = {}): RegionDef {
  sort += 1;
  return { id, code: id, name: id, parentId, active: true, sortOrder: sort, ...extra };
}

export function indicator(id: string, kind: IndicatorKind, extra: Partial<IndicatorDef> = {}): IndicatorDef {
  return {
    id,
    code: id,
    name: id,
    kind,
    direction: "HIGHER_IS_BETTER",
    precision: 2,
    weight: d(0),
    ...extra,
  };
}

export function fill(
  regionId: string,
  indicatorId: string,
  year: number,
  month: number,
  value: string | number,
  status: FillStatus = "SUBMITTED",
  submittedAt: Date | null = null,
): FillRow {
  return { regionId, indicatorId, year, month, value: d(value), status, submittedAt };
}

export function target(regionId: string, indicatorId: string, value: string | number): TargetRow {
  return { regionId, indicatorId, value: d(value) };
}

/** A wall-clock time in China (UTC+8), e.g. chinaTime("2025-07-05T23:59"). */
export function chinaTime(local: string): Date {
  return new Date(`${local}:00+08:00`);
}

export function settings(extra: Partial<MetricsSettings> = {}): MetricsSettings {
  return { ...DEFAULT_SETTINGS, ...extra };
}

/** City C with four counties A, B, D, E and the deactivated county X. */
export function counties(): RegionDef[] {
  return [
    region("C", null),
    region("A", "C"),
    region("B", "C"),
    region("D", "C"),
    region("E", "C"),
    region("X", "C", { active: false }),
  ];
}

export function periodInput(extra: Partial<PeriodInput>): PeriodInput {
  return {
    year: 2025,
    month: 6,
    asOf: chinaTime("2025-07-10T09:00"),
    settings: settings(),
    regions: counties(),
    indicators: [],
    targets: [],
    fills: [],
    ...extra,
  };
}
