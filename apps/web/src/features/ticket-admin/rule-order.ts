// Assignment and SLA rules apply in the order of their position (the first match wins).

export type Positioned = { id: number; position: number };

/** By position, then by id (the server's order). */
export function sortRules<T extends Positioned>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => a.position - b.position || a.id - b.id);
}

export type PositionPatch = { id: number; position: number };

/**
 * The position changes that move rule `id` one step up (-1) or down (+1): the two neighbours swap
 * their positions; when they share one (or the list is not strictly ordered), the whole list is
 * renumbered 10, 20, 30… and only the rules whose position changes are patched. Empty when the rule
 * is already first (up) or last (down).
 */
export function movePatches(rules: readonly Positioned[], id: number, step: -1 | 1): PositionPatch[] {
  const sorted = sortRules(rules);
  const at = sorted.findIndex((r) => r.id === id);
  const other = sorted[at + step];
  const rule = sorted[at];
  if (at < 0 || !rule || !other) return [];
  const strictlyOrdered = sorted.every((r, i) => i === 0 || r.position > (sorted[i - 1]?.position ?? 0));
  if (strictlyOrdered) {
    return [
      { id: rule.id, position: other.position },
      { id: other.id, position: rule.position },
    ];
  }
  const order = [...sorted];
  order[at] = other;
  order[at + step] = rule;
  return order
    .map((r, index) => ({ id: r.id, position: (index + 1) * 10, before: r.position }))
    .filter((r) => r.position !== r.before)
    .map(({ id: ruleId, position }) => ({ id: ruleId, position }));
}

/** The rules with the patches applied, in their new order (shown at once, before the server answers). */
export function applyPatches<T extends Positioned>(
  rules: readonly T[],
  patches: readonly PositionPatch[],
): T[] {
  const next = new Map(patches.map((p) => [p.id, p.position]));
  return sortRules(rules.map((r) => (next.has(r.id) ? { ...r, position: next.get(r.id) as number } : r)));
}
