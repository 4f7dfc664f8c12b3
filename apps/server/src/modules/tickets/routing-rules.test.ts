import { describe, expect, it } from 'vitest';
import { groupFor, lineage, type RoutingSnapshot, slaFor } from './routing-rules.js';

// Categories: 1 Matériel > 2 Imprimante; 3 Accès. Structures: 10 Démo > 11 Lyon > 12 Atelier; 20 Bruxelles.
const snapshot: RoutingSnapshot = {
  categories: [
    { id: 1, parent_id: null, default_group_id: 100, sla_id: 501 },
    { id: 2, parent_id: 1, default_group_id: null, sla_id: null },
    { id: 3, parent_id: null, default_group_id: null, sla_id: 502 },
  ],
  structures: [
    { id: 10, parent_id: null },
    { id: 11, parent_id: 10 },
    { id: 12, parent_id: 11 },
    { id: 20, parent_id: null },
  ],
  assignmentRules: [
    { group_id: 300, category_id: 1, structure_id: 11, is_member_picked: false },
    { group_id: 200, category_id: null, structure_id: 20, is_member_picked: true },
  ],
  slaRules: [{ sla_id: 503, category_id: null, structure_id: null, priority: 5 }],
  activeSlas: [501, 503, 504],
  defaultSlaId: 504,
};

describe('routing rules', () => {
  it('walks a node up to its root, and survives a cycle', () => {
    expect(lineage(snapshot.structures, 12)).toEqual([12, 11, 10]);
    expect(
      lineage(
        [
          { id: 1, parent_id: 2 },
          { id: 2, parent_id: 1 },
        ],
        1,
      ),
    ).toEqual([1, 2]);
    expect(lineage(snapshot.structures, null)).toEqual([]);
  });

  it('a rule on a category and a structure matches everything below them, first rule first', () => {
    expect(groupFor(snapshot, { categoryId: 2, structureId: 12 })).toEqual({
      groupId: 300,
      pickMember: false,
    });
    expect(groupFor(snapshot, { categoryId: 3, structureId: 20 })).toEqual({
      groupId: 200,
      pickMember: true,
    });
  });

  it('without a matching rule, the nearest category with a default group; else nobody', () => {
    expect(groupFor(snapshot, { categoryId: 2, structureId: 10 })).toEqual({
      groupId: 100,
      pickMember: true,
    });
    expect(groupFor(snapshot, { categoryId: 3, structureId: 10 })).toBeNull();
    expect(groupFor(snapshot, { categoryId: null, structureId: 10 })).toBeNull();
  });

  it('the SLA: a rule, else the nearest category’s active SLA, else the default', () => {
    expect(slaFor(snapshot, { categoryId: 2, structureId: 12, priority: 5 })).toBe(503);
    expect(slaFor(snapshot, { categoryId: 2, structureId: 12, priority: 3 })).toBe(501);
    // Category 3's SLA (502) is inactive: the default applies.
    expect(slaFor(snapshot, { categoryId: 3, structureId: 12, priority: 3 })).toBe(504);
    expect(
      slaFor({ ...snapshot, defaultSlaId: null }, { categoryId: null, structureId: 12, priority: 1 }),
    ).toBeNull();
  });
});
