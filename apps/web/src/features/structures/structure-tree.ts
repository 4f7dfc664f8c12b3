import type { StructureNode } from '@itsm/contracts';
import { type FilteredTree, filterTree as filterNodes, flattenTree, matchRange } from '../../lib/tree';

export { branchIds, findNode, matchRange, subtreeIds } from '../../lib/tree';

/** Every node of the tree, depth first, with its depth (0 for roots). */
export const flatten = (nodes: readonly StructureNode[]) => flattenTree(nodes);

export const nodeMatches = (node: Pick<StructureNode, 'name' | 'code'>, query: string) =>
  matchRange(node.name, query) !== null || matchRange(node.code, query) !== null;

/** The tree cut down to the nodes whose name or code matches, and their ancestors. */
export const filterTree = (nodes: readonly StructureNode[], query: string): FilteredTree<StructureNode> =>
  filterNodes(nodes, query, nodeMatches);

/** The server's IN_USE detail ("This structure still has 2 users, 1 children") as counts, if it says so. */
export function parseUsage(detail: string): { what: string; count: number }[] {
  return Array.from(detail.matchAll(/(\d+)\s+(children|users|sites|groups)\b/g), (m) => ({
    what: m[2] ?? '',
    count: Number(m[1]),
  })).filter((u) => u.count > 0);
}
