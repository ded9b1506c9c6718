/** Pure rules of the region tree: codes, and moves that would break the tree. */

export const REGION_CODE = /^\d{6}$/;

export interface TreeNode {
  id: string;
  parentId: string | null;
}

/** Is `candidate` the node itself or one of its descendants? */
export function isSelfOrDescendant(nodes: TreeNode[], nodeId: string, candidate: string): boolean {
  const parent = new Map(nodes.map((n) => [n.id, n.parentId]));
  let cur: string | null | undefined = candidate;
  const seen = new Set<string>();
  while (cur) {
    if (cur === nodeId) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
    cur = parent.get(cur) ?? null;
  }
  return false;
}

export type MoveProblem = "moveRoot" | "moveIntoSelf" | "parentUnknown" | "parentInactive";

export function checkMove(nodes: (TreeNode & { active: boolean })[], nodeId: string, newParentId: string): MoveProblem | null {
  const node = nodes.find((n) => n.id === nodeId);
  const parent = nodes.find((n) => n.id === newParentId);
  if (!node || node.parentId === null) return "moveRoot";
  if (!parent) return "parentUnknown";
  if (isSelfOrDescendant(nodes, nodeId, newParentId)) return "moveIntoSelf";
  if (!parent.active) return "parentInactive";
  return null;
}

/** Depth-first order (root first, children by sort order then code) with each node's depth. */
export function flattenTree<T extends TreeNode & { sortOrder: number; code: string }>(nodes: T[]): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>();
  for (const n of nodes) (children.get(n.parentId) ?? children.set(n.parentId, []).get(n.parentId)!).push(n);
  for (const list of children.values()) list.sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const out: (T & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const n of children.get(parentId) ?? []) {
      out.push({ ...n, depth });
      visit(n.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
