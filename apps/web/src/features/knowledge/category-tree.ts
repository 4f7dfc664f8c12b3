import type { KbCategory } from '@itsm/contracts';
import { indentedLabel } from '../../lib/structure-options';
import { type FilteredTree, filterTree, flattenTree, matchRange } from '../../lib/tree';

/** A knowledge category with its sub-categories and the published articles in it and below. */
export type KbCategoryNode = KbCategory & { children: KbCategoryNode[]; total: number };

const byPosition = (a: KbCategory, b: KbCategory) => a.position - b.position || a.name.localeCompare(b.name);

/**
 * The API's flat list as a tree: siblings by position then name, each node with `total`, its own
 * count plus its sub-categories'. A category whose parent is not in the list shows as a root.
 */
export function buildCategoryTree(categories: readonly KbCategory[]): KbCategoryNode[] {
  const ids = new Set(categories.map((c) => c.id));
  const byParent = new Map<number | null, KbCategory[]>();
  for (const category of categories) {
    const parent = category.parent !== null && ids.has(category.parent) ? category.parent : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), category]);
  }
  const build = (parent: number | null, path: ReadonlySet<number>): KbCategoryNode[] =>
    [...(byParent.get(parent) ?? [])]
      .sort(byPosition)
      // A cycle (never made by the API) would recurse forever: cut it.
      .filter((category) => !path.has(category.id))
      .map((category) => {
        const children = build(category.id, new Set([...path, category.id]));
        const total = children.reduce((sum, child) => sum + child.total, category.article_count);
        return { ...category, children, total };
      });
  return build(null, new Set());
}

/** The tree without the categories that hold no article, in them or below (what a reader browses). */
export function withoutEmpty(nodes: readonly KbCategoryNode[]): KbCategoryNode[] {
  return nodes.filter((n) => n.total > 0).map((n) => ({ ...n, children: withoutEmpty(n.children) }));
}

/** The tree cut down to the categories whose name matches (case and accents ignored) and their parents. */
export const filterCategories = (
  nodes: readonly KbCategoryNode[],
  query: string,
): FilteredTree<KbCategoryNode> => filterTree(nodes, query, (node) => matchRange(node.name, query) !== null);

/** Options of a native select, in tree order and indented; `exclude` and its sub-categories left out. */
export function categoryOptions(nodes: readonly KbCategoryNode[], exclude?: KbCategoryNode) {
  const excluded = exclude ? new Set(flattenTree([exclude]).map((n) => n.node.id)) : new Set<number>();
  return flattenTree(nodes)
    .filter(({ node }) => !excluded.has(node.id))
    .map(({ node, depth }) => ({ value: String(node.id), label: indentedLabel(node.name, depth) }));
}

/** "Réseau › VPN": the names from the root down to a category; null when it is unknown. */
export function categoryPath(nodes: readonly KbCategoryNode[], id: number | null): string | null {
  if (id === null) return null;
  const walk = (list: readonly KbCategoryNode[], above: string[]): string[] | null => {
    for (const node of list) {
      const names = [...above, node.name];
      if (node.id === id) return names;
      const found = walk(node.children, names);
      if (found) return found;
    }
    return null;
  };
  return walk(nodes, [])?.join(' › ') ?? null;
}

/** The siblings of a category (itself included), in their order; the roots for a root. */
export function siblingsOf(nodes: readonly KbCategoryNode[], category: KbCategoryNode): KbCategoryNode[] {
  if (category.parent === null) return [...nodes];
  const parent = flattenTree(nodes).find((n) => n.node.id === category.parent)?.node;
  return parent ? [...parent.children] : [...nodes];
}

/** The position that puts a new category after its siblings. */
export const positionAfter = (siblings: readonly Pick<KbCategory, 'position'>[]) =>
  siblings.reduce((max, s) => Math.max(max, s.position + 1), 0);

/**
 * Moves a category one place up (-1) or down (+1) among its siblings, given in their current order:
 * the siblings are numbered again 0, 1, 2… in the new order, and only those whose position changes are
 * answered (the PATCHes to send). Nothing at either end.
 */
export function reorderSiblings(
  siblings: readonly Pick<KbCategory, 'id' | 'position'>[],
  id: number,
  direction: -1 | 1,
): { id: number; position: number }[] {
  const from = siblings.findIndex((s) => s.id === id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= siblings.length) return [];
  const order = [...siblings];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);
  return order
    .map((sibling, position) => ({ id: sibling.id, position, before: sibling.position }))
    .filter((s) => s.position !== s.before)
    .map(({ id: siblingId, position }) => ({ id: siblingId, position }));
}
