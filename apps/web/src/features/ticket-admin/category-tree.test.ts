import type { CategoryNode } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import {
  branchIds,
  filterCategories,
  flattenCategories,
  parseCategoryUsage,
  subtreeIds,
} from './category-tree';

function node(
  id: number,
  name: string,
  children: CategoryNode[] = [],
  parent: number | null = null,
): CategoryNode {
  return {
    id,
    name,
    parent,
    children,
    description: null,
    path: name,
    default_group: null,
    sla: null,
    description_template: null,
    approval: 'none',
    approver_user: null,
    approver_group: null,
    is_active: true,
    created_at: '',
    updated_at: '',
  };
}

const tree = [
  node(1, 'Matériel', [node(2, 'Imprimante', [], 1), node(3, 'Téléphone', [], 1)]),
  node(4, 'Logiciel', [node(5, 'Messagerie', [node(6, 'Webmail', [], 5)], 4)]),
];

describe('category tree', () => {
  it('flattens depth first with depths', () => {
    expect(flattenCategories(tree).map((n) => [n.node.id, n.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 1],
      [4, 0],
      [5, 1],
      [6, 2],
    ]);
  });

  it('knows a subtree and the branches', () => {
    expect([...subtreeIds(tree[1] as CategoryNode)]).toEqual([4, 5, 6]);
    expect(branchIds(tree)).toEqual([1, 4, 5]);
  });

  it('filters by name ignoring accents, keeping ancestors, and opens the way', () => {
    const found = filterCategories(tree, 'telephone');
    expect(found.matches).toBe(1);
    expect(found.nodes.map((n) => [n.id, n.children.map((c) => c.id)])).toEqual([[1, [3]]]);
    expect(found.expand).toEqual([1]);
    expect(filterCategories(tree, 'web').expand).toEqual([5, 4]);
    expect(filterCategories(tree, '  ').nodes).toHaveLength(2);
  });

  it('reads the counts of a 409 IN_USE detail', () => {
    expect(
      parseCategoryUsage('The category "Matériel" is still used by 2 sub-categories, 14 tickets'),
    ).toEqual([
      { what: 'children', count: 2 },
      { what: 'tickets', count: 14 },
    ]);
    expect(parseCategoryUsage('The category "X" is still in use')).toEqual([]);
  });
});
