/**
 * A random but reproducible ledger (regions, indicators, targets, fills) for comparing
 * the period loader's roll-ups with the full engine: trees 2–4 levels deep with
 * deactivated branches, every indicator kind and several frequencies, gaps, drafts and
 * returned figures, negative and zero targets, and (optionally) a city that fills some
 * figures itself. Plain engine types, so unit tests use it directly and integration
 * tests write it to a database.
 */
import { Decimal, ZERO } from "../../lib/decimal";
import type { FillRow, FillStatus, Frequency, IndicatorDef, RegionDef, TargetRow } from "../../lib/metrics";

export interface RandomLedger {
  year: number;
  month: number;
  regions: RegionDef[];
  indicators: IndicatorDef[];
  targets: TargetRow[];
  fills: FillRow[];
}

/** mulberry32: a small seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LedgerOptions {
  /** the root fills some of its own figures (default: at random) */
  rootFills?: boolean;
  /** the period's month (default: at random) */
  month?: number;
}

export function randomLedger(seed: number, options: LedgerOptions = {}): RandomLedger {
  const rnd = prng(seed);
  const chance = (p: number) => rnd() < p;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const year = 2025;
  const month = options.month ?? int(1, 12);

  const regions: RegionDef[] = [];
  let n = 0;
  const add = (parentId: string | null, depth: number): string => {
    n += 1;
    const id = `g${seed}r${n}`;
    regions.push({ id, code: `R${seed}-${n}`, name: `区域${n}`, parentId, active: parentId === null || !chance(0.12), sortOrder: int(0, 3) });
    if (depth === 0) {
      for (let k = int(1, 5); k > 0; k -= 1) add(id, 1);
    } else if (depth < 3 && chance(depth === 1 ? 0.55 : 0.4)) {
      for (let k = int(1, 3); k > 0; k -= 1) add(id, depth + 1);
    }
    return id;
  };
  const rootId = add(null, 0);

  const freq = (): Frequency => pick<Frequency>(["MONTHLY", "MONTHLY", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY"]);
  const weight = () => new Decimal(pick([0, 1, 2, 3]));
  const curve = chance(0.5)
    ? [0.02, 0.05, 0.12, 0.2, 0.3, 0.42, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((v) => new Decimal(v))
    : null;
  const id = (k: string) => `g${seed}${k}`;
  const indicators: IndicatorDef[] = [
    { id: id("C1"), code: "C1", name: "累计", kind: "CUMULATIVE", direction: "HIGHER_IS_BETTER", precision: 2, weight: weight(), frequency: freq(), curve },
    { id: id("C2"), code: "C2", name: "越低越好", kind: "CUMULATIVE", direction: "LOWER_IS_BETTER", precision: 2, weight: weight(), frequency: "MONTHLY" },
    { id: id("S1"), code: "S1", name: "存量", kind: "STOCK", direction: "HIGHER_IS_BETTER", precision: 0, weight: weight(), frequency: freq() },
    { id: id("N1"), code: "N1", name: "净增", kind: "INCREMENT", direction: "HIGHER_IS_BETTER", precision: 0, weight: weight(), frequency: freq() },
    { id: id("D1"), code: "D1", name: "分母", kind: "CUMULATIVE", direction: "HIGHER_IS_BETTER", precision: 2, weight: ZERO, frequency: "MONTHLY" },
    {
      id: id("R1"), code: "R1", name: "比率", kind: "RATIO", direction: "HIGHER_IS_BETTER", precision: 2, weight: weight(),
      numeratorId: id("C1"), denominatorId: id("D1"), ratioFactor: new Decimal(100),
    },
  ];

  const hasChildren = new Set(regions.map((r) => r.parentId));
  const leaves = regions.filter((r) => r.parentId !== null && !hasChildren.has(r.id));
  const rootFills = options.rootFills ?? chance(0.25);
  const statuses: FillStatus[] = ["SUBMITTED", "SUBMITTED", "SUBMITTED", "APPROVED", "APPROVED", "DRAFT", "RETURNED"];
  const fills: FillRow[] = [];
  const fillRegion = (regionId: string, density: number) => {
    for (const indicator of indicators) {
      if (indicator.kind === "RATIO") continue;
      for (const y of [year - 2, year - 1, year]) {
        let level = int(0, 500);
        for (let m = 1; m <= (y === year ? month : 12); m += 1) {
          level += int(-20, 120);
          if (!chance(density)) continue;
          const value = new Decimal(chance(0.05) ? 0 : level).plus(new Decimal(int(0, 999)).div(new Decimal(1000)));
          const due = Date.UTC(y, m, int(1, 20), int(0, 23));
          fills.push({
            regionId, indicatorId: indicator.id, year: y, month: m, value, status: pick(statuses),
            submittedAt: chance(0.1) ? null : new Date(due),
          });
        }
      }
    }
  };
  for (const leaf of leaves) fillRegion(leaf.id, chance(0.1) ? 0.1 : 0.75);
  if (rootFills) fillRegion(rootId, 0.3);

  const targets: TargetRow[] = [];
  for (const r of regions) {
    for (const indicator of indicators) {
      if (chance(0.1)) continue;
      const roll = rnd();
      const value = roll < 0.05 ? ZERO : roll < 0.08 ? new Decimal(-5) : new Decimal(int(1, 3000)).div(new Decimal(pick([1, 4, 10])));
      targets.push({ regionId: r.id, indicatorId: indicator.id, value });
    }
  }
  return { year, month, regions, indicators, targets, fills };
}
