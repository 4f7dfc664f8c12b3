/** A node of a tree as the server sends it: children nested, the parent by id. */
export type TreeNode<T> = { id: number; name: string; parent: number | null; children: readonly T[] };

/** Every node of the tree, depth first, with its depth (0 for roots). */
export function flattenTree<T extends TreeNode<T>>(
  nodes: readonly T[],
  depth = 0,
): { node: T; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The ids of a node and of everything below it (where it may not be moved). */
export function subtreeIds<T extends TreeNode<T>>(node: T): Set<number> {
  return new Set(flattenTree([node]).map((n) => n.node.id));
}

export function findNode<T extends TreeNode<T>>(nodes: readonly T[], id: number): T | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The ids of the nodes that have children (to expand everything). */
export function branchIds<T extends TreeNode<T>>(nodes: readonly T[]): number[] {
  return flattenTree(nodes)
    .filter((n) => n.node.children.length > 0)
    .map((n) => n.node.id);
}

/** Lowercase, without accents, with a map from each folded UTF-16 unit back to its source index. */
function fold(text: string): { folded: string; source: number[] } {
  let folded = '';
  const source: number[] = [];
  let index = 0;
  for (const char of text) {
    const plain = char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    folded += plain;
    for (let k = 0; k < plain.length; k++) source.push(index);
    index += char.length;
  }
  return { folded, source };
}

/**
 * Where `query` occurs in `text`, ignoring case and accents: [start, end) in `text`, or null.
 * `Électricité` matches `electri`.
 */
export function matchRange(text: string, query: string): [number, number] | null {
  const q = fold(query.trim()).folded;
  if (!q) return null;
  const { folded, source } = fold(text);
  const at = folded.indexOf(q);
  if (at < 0) return null;
  const start = source[at] ?? 0;
  const last = source[at + q.length - 1] ?? start;
  const width = (text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return [start, last + width];
}

export type FilteredTree<T> = { nodes: T[]; expand: number[]; matches: number };

/**
 * The tree cut down to the nodes that match and their ancestors (a matching node keeps its whole
 * subtree), with the ids to expand so that every match shows.
 */
export function filterTree<T extends TreeNode<T>>(
  nodes: readonly T[],
  query: string,
  matches: (node: T, query: string) => boolean,
): FilteredTree<T> {
  if (!query.trim()) return { nodes: [...nodes], expand: [], matches: 0 };
  const expand: number[] = [];
  let count = 0;
  const walk = (list: readonly T[]): T[] =>
    list.flatMap((node) => {
      const own = matches(node, query);
      if (own) count += 1;
      const children = walk(node.children);
      if (children.length > 0) expand.push(node.id);
      // A match keeps its whole subtree (to be browsed); otherwise only the branches that lead to one.
      if (own) return [node];
      return children.length > 0 ? [{ ...node, children }] : [];
    });
  return { nodes: walk(nodes), expand, matches: count };
}
