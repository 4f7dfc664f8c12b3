import type { Structure } from '@itsm/contracts';

/** Structures in tree order (parents before their children, siblings by name), with their depth. */
export function structureTree(structures: readonly Structure[]): Array<Structure & { depth: number }> {
  const byParent = new Map<number | null, Structure[]>();
  const ids = new Set(structures.map((s) => s.id));
  for (const s of structures) {
    // A parent the caller may not see: the structure is shown as a root.
    const parent = s.parent !== null && ids.has(s.parent) ? s.parent : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), s]);
  }
  const out: Array<Structure & { depth: number }> = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push({ ...child, depth });
      walk(child.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A label indented by its depth, for a native select (options cannot be styled; non-breaking spaces survive). */
export const indentedLabel = (label: string, depth: number) =>
  `${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${label}`;

/** Options of a native select, in tree order. */
export function structureOptions(structures: readonly Structure[] | undefined) {
  return structureTree(structures ?? []).map((s) => ({
    value: String(s.id),
    label: indentedLabel(s.name, s.depth),
  }));
}
