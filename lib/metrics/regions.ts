/** The tenant's region tree: root, children, effective activity, tree order. */
import type { RegionDef } from "./types";
import { MetricsInputError } from "./util";

export interface RegionTree {
  root: RegionDef;
  byId: ReadonlyMap<string, RegionDef>;
  /** Every region, depth-first from the root, siblings by sortOrder then code. */
  ordered: readonly RegionDef[];
  /** Active children of the root (the counties): ranked and expected to report. */
  counties: readonly RegionDef[];
  children(regionId: string): readonly RegionDef[];
  activeChildren(regionId: string): readonly RegionDef[];
  /** The region and all its ancestors are active. */
  isActive(regionId: string): boolean;
  /** A region with no active children reports for itself. */
  isLeaf(regionId: string): boolean;
}

function bySortOrder(a: RegionDef, b: RegionDef): number {
  return a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

function indexRegions(regions: readonly RegionDef[]): Map<string, RegionDef> {
  const byId = new Map<string, RegionDef>();
  for (const region of regions) {
    if (byId.has(region.id)) throw new MetricsInputError(`duplicate region id ${region.id}`);
    byId.set(region.id, region);
  }
  return byId;
}

function findRoot(regions: readonly RegionDef[], byId: ReadonlyMap<string, RegionDef>): RegionDef {
  for (const r of regions) {
    if (r.parentId !== null && !byId.has(r.parentId)) {
      throw new MetricsInputError(`region ${r.id} has an unknown parent ${r.parentId}`);
    }
  }
  const roots = regions.filter((r) => r.parentId === null);
  const root = roots[0];
  if (roots.length !== 1 || root === undefined) {
    throw new MetricsInputError(`the region tree needs exactly one root, found ${roots.length}`);
  }
  return root;
}

const NO_CHILDREN: readonly RegionDef[] = Object.freeze([]);

/**
 * The tree as a class (methods on the prototype), not an object of closures: a tree is built
 * per computation, and closures made per call lose their optimised code at every full garbage
 * collection (their code is held only through the closures, which are gone by then).
 */
class Tree implements RegionTree {
  readonly root: RegionDef;
  readonly byId: ReadonlyMap<string, RegionDef>;
  readonly ordered: readonly RegionDef[];
  readonly counties: readonly RegionDef[];
  readonly #children: ReadonlyMap<string, readonly RegionDef[]>;
  readonly #activeChildren: ReadonlyMap<string, readonly RegionDef[]>;
  readonly #active: ReadonlyMap<string, boolean>;

  constructor(regions: readonly RegionDef[]) {
    const byId = indexRegions(regions);
    const root = findRoot(regions, byId);
    const childMap = new Map<string, RegionDef[]>();
    for (const r of regions) {
      if (r.parentId === null) continue;
      let list = childMap.get(r.parentId);
      if (!list) childMap.set(r.parentId, (list = []));
      list.push(r);
    }
    for (const list of childMap.values()) list.sort(bySortOrder);

    const active = new Map<string, boolean>();
    const ordered: RegionDef[] = [];
    const visit = (region: RegionDef, parentActive: boolean): void => {
      ordered.push(region);
      const isActive = parentActive && region.active;
      active.set(region.id, isActive);
      for (const child of childMap.get(region.id) ?? NO_CHILDREN) visit(child, isActive);
    };
    visit(root, true);
    if (ordered.length !== regions.length) {
      throw new MetricsInputError("some regions are not reachable from the root (cycle in parentId)");
    }
    const activeChildMap = new Map<string, readonly RegionDef[]>();
    for (const [parentId, list] of childMap) activeChildMap.set(parentId, list.filter((c) => active.get(c.id) ?? false));

    this.root = root;
    this.byId = byId;
    this.ordered = ordered;
    this.#children = childMap;
    this.#activeChildren = activeChildMap;
    this.#active = active;
    this.counties = this.activeChildren(root.id);
  }

  children(id: string): readonly RegionDef[] {
    return this.#children.get(id) ?? NO_CHILDREN;
  }

  activeChildren(id: string): readonly RegionDef[] {
    return this.#activeChildren.get(id) ?? NO_CHILDREN;
  }

  isActive(id: string): boolean {
    return this.#active.get(id) ?? false;
  }

  isLeaf(id: string): boolean {
    return this.activeChildren(id).length === 0;
  }
}

/** Builds the tree; throws on duplicate ids, unknown parents, several roots or regions unreachable from the root (cycles). */
export function buildRegionTree(regions: readonly RegionDef[]): RegionTree {
  return new Tree(regions);
}

/**
 * The regions `depth` levels below a region (1: its active children) — the units of a ranking
 * across the tree (every county of a province). A region with no active regions below it
 * before that depth stands for itself there: it reports its own figures, as the counties do.
 */
export function regionsBelow(tree: RegionTree, regionId: string, depth: number): readonly RegionDef[] {
  let level: readonly RegionDef[] = tree.activeChildren(regionId);
  for (let d = 1; d < depth; d++) level = level.flatMap((r) => (tree.isLeaf(r.id) ? [r] : tree.activeChildren(r.id)));
  return level;
}

/** How many levels of active regions a region has below it (0 for a leaf). */
export function levelsBelow(tree: RegionTree, regionId: string): number {
  let levels = 0;
  for (let level = tree.activeChildren(regionId); level.length > 0; level = level.flatMap((r) => tree.activeChildren(r.id))) levels++;
  return levels;
}
