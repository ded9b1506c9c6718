/**
 * The roll-ups computed in JavaScript from a full engine input — the reference the SQL
 * roll-up query (lib/data/rollup-sql.ts) and the reduced engine input are checked
 * against. Sums the leaves' latest counted fills exactly as the resolver does.
 */
import { ZERO } from "../../lib/decimal";
import {
  buildFillIndex,
  buildRegionTree,
  DEFAULT_COUNTED_STATUSES,
  reportingRegionIds,
  targetsFromChildren,
  type PeriodInput,
  type RegionTree,
  type RollupPlan,
  type RollupRow,
} from "../../lib/metrics";

function leavesBelow(tree: RegionTree, regionId: string): string[] {
  if (tree.isLeaf(regionId)) return [regionId];
  return tree.activeChildren(regionId).flatMap((c) => leavesBelow(tree, c.id));
}

/** Every LEVEL and NET row of the plan for the root's active children. */
export function referenceRollupRows(input: PeriodInput, plan: RollupPlan): RollupRow[] {
  const tree = buildRegionTree(input.regions);
  const fills = buildFillIndex(input.fills, input.settings.countedStatuses ?? DEFAULT_COUNTED_STATUSES);
  const rows: RollupRow[] = [];
  for (const unit of tree.counties) {
    const leaves = leavesBelow(tree, unit.id);
    for (const indicator of input.indicators) {
      if (indicator.kind === "RATIO") continue;
      const stockish = indicator.kind === "STOCK" || indicator.kind === "INCREMENT";
      const at = (k: number) => leaves.map((leaf) => ({ leaf, fill: fills.latest(leaf, indicator.id, plan.points[k]!.year, plan.points[k]!.month) }));
      plan.points.forEach((point, k) => {
        if (point.stockOnly && !stockish) return;
        const values = at(k);
        const present = values.filter((v) => v.fill);
        rows.push({
          regionId: unit.id, indicatorId: indicator.id, year: point.year, month: point.month, measure: "LEVEL",
          present: present.length,
          sum: present.reduce((acc, v) => acc.plus(v.fill!.value), ZERO),
          minUsed: present.length ? Math.min(...present.map((v) => v.fill!.month)) : null,
          minBaseUsed: null,
          missingRegionIds: values.filter((v) => !v.fill).map((v) => v.leaf),
          noBaseline: 0,
        });
      });
      if (!stockish) continue;
      for (const net of plan.nets) {
        const levels = at(net.level);
        const bases = at(net.base);
        const both = levels.filter((v, i) => v.fill && bases[i]!.fill).map((v) => ({ level: v.fill!, base: bases[levels.indexOf(v)]!.fill! }));
        rows.push({
          regionId: unit.id, indicatorId: indicator.id, year: plan.points[net.level]!.year, month: plan.points[net.level]!.month, measure: "NET",
          present: both.length,
          sum: both.reduce((acc, b) => acc.plus(b.level.value.minus(b.base.value)), ZERO),
          minUsed: both.length ? Math.min(...both.map((b) => b.level.month)) : null,
          minBaseUsed: both.length ? Math.min(...both.map((b) => b.base.month)) : null,
          missingRegionIds: levels.filter((v, i) => !(v.fill && bases[i]!.fill)).map((v) => v.leaf),
          noBaseline: levels.filter((v, i) => v.fill && !bases[i]!.fill).length,
        });
      }
    }
  }
  return rows;
}

/** The engine input on root + units with the reference roll-ups (what the SQL loader builds). */
export function referenceReducedInput(input: PeriodInput, plan: RollupPlan): PeriodInput {
  const tree = buildRegionTree(input.regions);
  const kept = new Set([tree.root.id, ...tree.counties.map((c) => c.id)]);
  return {
    ...input,
    regions: input.regions.filter((r) => kept.has(r.id)),
    targets: input.targets.filter((t) => kept.has(t.regionId)),
    // the units with regions below them: their children's targets, as the loader reads them
    childTargets: targetsFromChildren(tree, tree.counties.filter((c) => !tree.isLeaf(c.id)).map((c) => c.id), input.indicators, input.targets),
    fills: input.fills.filter((f) => f.regionId === tree.root.id),
    rollups: {
      regions: tree.counties.map((c) => ({ regionId: c.id, leaf: tree.isLeaf(c.id) })),
      rows: referenceRollupRows(input, plan),
    },
    reporting: {
      regionIds: reportingRegionIds(tree),
      fills: input.fills.filter((f) => f.year === input.year && f.month === input.month),
    },
  };
}
