/**
 * The entry form's live figures, by the engine's own rules (lib/metrics: RATIO, INCREMENT,
 * 序时进度, completion, gap status) and the reporting checks (lib/reporting/checks) — the
 * form computes nothing of its own. Pure and client-safe.
 */
import type { EntryRow } from "@/lib/data/fills";
import { Decimal } from "@/lib/decimal";
import { ratioValue } from "@/lib/metrics/actual";
import { differenceActual, missingActual, ownActual } from "@/lib/metrics/aggregate";
import { computeCompletion, type Completion } from "@/lib/metrics/completion";
import { expectedProgress } from "@/lib/metrics/progress";
import { DEFAULT_LOWER_IS_BETTER_CAP, DEFAULT_SETTINGS } from "@/lib/metrics/settings";
import { gapPoints, gapStatus } from "@/lib/metrics/status";
import { checkInputOf, checkValue, flagValues, parseEntry, type CheckFlag } from "@/lib/reporting/checks";

/** The engine's number, from a typed or stored decimal. */
const engine = (v: Decimal | string): Decimal => (typeof v === "string" ? new Decimal(v) : v);

/** A typed value: empty, a number, or malformed. */
export type Parsed = Decimal | null | "error";

/** Every typed (non-RATIO) row's value, parsed with the indicator's precision. */
export function parseValues(rows: readonly EntryRow[], text: (r: EntryRow) => string): Record<string, Parsed> {
  const out: Record<string, Parsed> = {};
  for (const r of rows) {
    if (r.kind === "RATIO") continue;
    const raw = text(r);
    if (raw.trim() === "") out[r.indicatorId] = null;
    else {
      const p = parseEntry(raw, r.precision);
      out[r.indicatorId] = "error" in p ? "error" : p.value;
    }
  }
  return out;
}

export type ValueOf = (indicatorId: string | null) => Decimal | null;

/** The row's actual as the engine defines it: RATIO from its typed parts, INCREMENT net of last year's level. */
export function liveActual(r: EntryRow, month: number, valueOf: ValueOf): Decimal | null {
  if (r.kind === "RATIO") {
    const num = valueOf(r.numeratorId);
    const den = valueOf(r.denominatorId);
    if (num === null || den === null) return null;
    return r.ratioFactor === null ? ratioValue(engine(num), engine(den)) : ratioValue(engine(num), engine(den), engine(r.ratioFactor));
  }
  const v = valueOf(r.indicatorId);
  if (v === null) return null;
  if (r.kind !== "INCREMENT") return engine(v);
  const level = ownActual(engine(v), month, false);
  const base = r.baseline === null ? missingActual("NO_BASELINE") : ownActual(engine(r.baseline), 12, false);
  return differenceActual(level, base).value;
}

export type Tone = "none" | "ahead" | "behind" | "serious";

/** Completion against 序时进度 and its traffic-light tone (the tenant-default thresholds). */
export function liveCompletion(r: EntryRow, month: number, actual: Decimal | null): { completion: Completion; tone: Tone } {
  const expected = expectedProgress(month, r.curve ? r.curve.map(engine) : null);
  const target = r.target === null ? null : engine(r.target);
  const completion = computeCompletion({ actual, target, direction: r.direction, kind: r.kind, expected, lowerIsBetterCap: DEFAULT_LOWER_IS_BETTER_CAP });
  const gap = gapPoints(completion.value, completion.benchmark);
  if (gap === null) return { completion, tone: "none" };
  const status = gapStatus(gap, DEFAULT_SETTINGS);
  return { completion, tone: status === "AHEAD" ? "ahead" : status === "SERIOUSLY_BEHIND" ? "serious" : "behind" };
}

/** The checks' warnings on a changed value (a value equal to the saved one was confirmed then), with the figures their messages quote. */
export function liveFlags(r: EntryRow, month: number, value: Decimal | null): { flags: CheckFlag[]; values: Record<string, string> } {
  if (r.kind === "RATIO" || value === null) return { flags: [], values: {} };
  if (r.fill && new Decimal(r.fill.value).eq(value)) return { flags: [], values: {} };
  const input = checkInputOf(r, month, value);
  return { flags: checkValue(input), values: flagValues(input, r.unit) };
}
