import type { CategoryNode } from '@itsm/contracts';
import { type FilteredTree, filterTree, flattenTree, matchRange } from '../../lib/tree';

export { branchIds, subtreeIds } from '../../lib/tree';

/** Every category of the tree, depth first, with its depth (0 for roots). */
export const flattenCategories = (nodes: readonly CategoryNode[]) => flattenTree(nodes);

/**
 * The tree cut down to the categories whose name matches (ignoring case and accents) and their
 * ancestors, a match keeping its whole subtree; with the ids to expand so that every match shows.
 */
export const filterCategories = (nodes: readonly CategoryNode[], query: string): FilteredTree<CategoryNode> =>
  filterTree(nodes, query, (node) => matchRange(node.name, query) !== null);

/** The server's IN_USE detail ("… is still used by 2 sub-categories, 3 tickets") as counts. */
export function parseCategoryUsage(detail: string): { what: 'children' | 'tickets'; count: number }[] {
  return Array.from(detail.matchAll(/(\d+)\s+(sub-categories|tickets)\b/g), (m) => ({
    what: m[2] === 'tickets' ? ('tickets' as const) : ('children' as const),
    count: Number(m[1]),
  })).filter((u) => u.count > 0);
}
