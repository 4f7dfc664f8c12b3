import type { StructureNode } from '@itsm/contracts';

/** Every node of the tree, depth first, with its depth (0 for roots). */
export function flatten(
  nodes: readonly StructureNode[],
  depth = 0,
): { node: StructureNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

/** The ids of a node and of everything below it. */
export function subtreeIds(node: StructureNode): Set<number> {
  return new Set(flatten([node]).map((n) => n.node.id));
}

export function findNode(nodes: readonly StructureNode[], id: number): StructureNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The ids of the nodes that have children (to expand everything). */
export function branchIds(nodes: readonly StructureNode[]): number[] {
  return flatten(nodes)
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

export const nodeMatches = (node: Pick<StructureNode, 'name' | 'code'>, query: string) =>
  matchRange(node.name, query) !== null || matchRange(node.code, query) !== null;

/**
 * The tree cut down to the nodes that match and their ancestors (a matching node keeps its whole
 * subtree), with the ids to expand so that every match shows.
 */
export function filterTree(
  nodes: readonly StructureNode[],
  query: string,
): { nodes: StructureNode[]; expand: number[]; matches: number } {
  if (!query.trim()) return { nodes: [...nodes], expand: [], matches: 0 };
  const expand: number[] = [];
  let matches = 0;
  const walk = (list: readonly StructureNode[]): StructureNode[] =>
    list.flatMap((node) => {
      const own = nodeMatches(node, query);
      if (own) matches += 1;
      const children = walk(node.children);
      if (children.length > 0) expand.push(node.id);
      // A match keeps its whole subtree (to be browsed); otherwise only the branches that lead to one.
      if (own) return [node];
      return children.length > 0 ? [{ ...node, children }] : [];
    });
  return { nodes: walk(nodes), expand, matches };
}

/** The server's IN_USE detail ("This structure still has 2 users, 1 children") as counts, if it says so. */
export function parseUsage(detail: string): { what: string; count: number }[] {
  return Array.from(detail.matchAll(/(\d+)\s+(children|users|sites|groups)\b/g), (m) => ({
    what: m[2] ?? '',
    count: Number(m[1]),
  })).filter((u) => u.count > 0);
}
