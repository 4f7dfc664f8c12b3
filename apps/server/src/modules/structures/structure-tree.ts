import type { StructureNode } from '@itsm/contracts';

type Row = { id: number; name: string; code: string; parent: number | null };

/** Nests rows under their parents; a row whose parent is not in the set becomes a root. Siblings by name. */
export function buildTree(rows: readonly Row[]): StructureNode[] {
  const nodes = new Map<number, StructureNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: StructureNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: StructureNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** True when making `parent` the parent of `id` would put `id` among its own ancestors. */
export function wouldCreateCycle(
  id: number,
  parent: number,
  parentOf: ReadonlyMap<number, number | null>,
): boolean {
  let current: number | null | undefined = parent;
  const seen = new Set<number>();
  while (current !== null && current !== undefined) {
    if (current === id) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}
