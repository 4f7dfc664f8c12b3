import type { CategoryNode } from '@itsm/contracts';
import { matchRange } from '../structures/structure-tree';

/** Every category of the tree, depth first, with its depth (0 for roots). */
export function flattenCategories(
  nodes: readonly CategoryNode[],
  depth = 0,
): { node: CategoryNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenCategories(node.children, depth + 1)]);
}

/** The ids of a category and of everything below it (where it may not be moved). */
export function subtreeIds(node: CategoryNode): Set<number> {
  return new Set(flattenCategories([node]).map((n) => n.node.id));
}

/** The ids of the categories that have sub-categories (to expand everything). */
export function branchIds(nodes: readonly CategoryNode[]): number[] {
  return flattenCategories(nodes)
    .filter((n) => n.node.children.length > 0)
    .map((n) => n.node.id);
}

/**
 * The tree cut down to the categories whose name matches (ignoring case and accents) and their
 * ancestors, a match keeping its whole subtree; with the ids to expand so that every match shows.
 */
export function filterCategories(
  nodes: readonly CategoryNode[],
  query: string,
): { nodes: CategoryNode[]; expand: number[]; matches: number } {
  if (!query.trim()) return { nodes: [...nodes], expand: [], matches: 0 };
  const expand: number[] = [];
  let matches = 0;
  const walk = (list: readonly CategoryNode[]): CategoryNode[] =>
    list.flatMap((node) => {
      const own = matchRange(node.name, query) !== null;
      if (own) matches += 1;
      const children = walk(node.children);
      if (children.length > 0) expand.push(node.id);
      if (own) return [node];
      return children.length > 0 ? [{ ...node, children }] : [];
    });
  return { nodes: walk(nodes), expand, matches };
}

/** The server's IN_USE detail ("… is still used by 2 sub-categories, 3 tickets") as counts. */
export function parseCategoryUsage(detail: string): { what: 'children' | 'tickets'; count: number }[] {
  return Array.from(detail.matchAll(/(\d+)\s+(sub-categories|tickets)\b/g), (m) => ({
    what: m[2] === 'tickets' ? ('tickets' as const) : ('children' as const),
    count: Number(m[1]),
  })).filter((u) => u.count > 0);
}
