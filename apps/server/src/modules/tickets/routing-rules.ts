// Where a ticket goes, as pure functions of a snapshot of the help-desk configuration (loaded in one
// query by routing.ts): its SLA — the first SLA rule matching its category, structure and priority,
// else the nearest category's SLA, else the default — and its group — the first assignment rule
// matching its category and structure, else the nearest category's default group. A rule's category
// or structure matches that node and everything below it.

export type RoutingSnapshot = {
  categories: {
    id: number;
    parent_id: number | null;
    default_group_id: number | null;
    sla_id: number | null;
  }[];
  structures: { id: number; parent_id: number | null }[];
  /** In order of position. */
  assignmentRules: {
    group_id: number;
    category_id: number | null;
    structure_id: number | null;
    is_member_picked: boolean;
  }[];
  /** In order of position; rules of inactive SLAs left out. */
  slaRules: {
    sla_id: number;
    category_id: number | null;
    structure_id: number | null;
    priority: number | null;
  }[];
  /** Active SLAs. */
  activeSlas: readonly number[];
  defaultSlaId: number | null;
};

export type RoutingCriteria = { categoryId: number | null; structureId: number; priority: number };

/** The node and its ancestors, nearest first (a cycle stops the walk). */
export function lineage(
  nodes: readonly { id: number; parent_id: number | null }[],
  id: number | null,
): number[] {
  if (id === null) return [];
  const parents = new Map(nodes.map((n) => [n.id, n.parent_id]));
  const chain: number[] = [];
  for (let at: number | null | undefined = id; at != null && !chain.includes(at); at = parents.get(at))
    chain.push(at);
  return chain;
}

const matches = (value: number | null, chain: readonly number[]) => value === null || chain.includes(value);

export function slaFor(snapshot: RoutingSnapshot, criteria: RoutingCriteria): number | null {
  const categories = lineage(snapshot.categories, criteria.categoryId);
  const structures = lineage(snapshot.structures, criteria.structureId);
  const rule = snapshot.slaRules.find(
    (r) =>
      matches(r.category_id, categories) &&
      matches(r.structure_id, structures) &&
      (r.priority === null || r.priority === criteria.priority),
  );
  if (rule) return rule.sla_id;
  const byId = new Map(snapshot.categories.map((c) => [c.id, c]));
  for (const id of categories) {
    const sla = byId.get(id)?.sla_id;
    if (sla != null && snapshot.activeSlas.includes(sla)) return sla;
  }
  return snapshot.defaultSlaId;
}

export function groupFor(
  snapshot: RoutingSnapshot,
  criteria: Omit<RoutingCriteria, 'priority'>,
): { groupId: number; pickMember: boolean } | null {
  const categories = lineage(snapshot.categories, criteria.categoryId);
  const structures = lineage(snapshot.structures, criteria.structureId);
  const rule = snapshot.assignmentRules.find(
    (r) => matches(r.category_id, categories) && matches(r.structure_id, structures),
  );
  if (rule) return { groupId: rule.group_id, pickMember: rule.is_member_picked };
  const byId = new Map(snapshot.categories.map((c) => [c.id, c]));
  for (const id of categories) {
    const group = byId.get(id)?.default_group_id;
    if (group != null) return { groupId: group, pickMember: true };
  }
  return null;
}
