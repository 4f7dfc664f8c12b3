import type { StructureNode } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import { branchIds, filterTree, flatten, matchRange, parseUsage, subtreeIds } from './structure-tree';

const node = (
  id: number,
  name: string,
  code: string,
  children: StructureNode[] = [],
  parent: number | null = null,
) => ({
  id,
  name,
  code,
  parent,
  children,
});

const tree: StructureNode[] = [
  node(1, 'Siège', 'HQ', [
    node(
      2,
      'Direction des systèmes',
      'DSI',
      [node(3, 'Réseaux', 'NET', [], 2), node(4, 'Poste de travail', 'PDT', [], 2)],
      1,
    ),
    node(5, 'Électricité', 'ELEC', [], 1),
  ]),
  node(6, 'Usine', 'PLANT'),
];

describe('structure tree helpers', () => {
  it('flattens depth first with depths', () => {
    expect(flatten(tree).map((n) => [n.node.id, n.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 2],
      [5, 1],
      [6, 0],
    ]);
    expect([...subtreeIds(tree[0] as StructureNode)].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(branchIds(tree)).toEqual([1, 2]);
  });

  it('matches ignoring case and accents, and says where', () => {
    expect(matchRange('Électricité', 'electri')).toEqual([0, 7]);
    expect(matchRange('Siège', 'EGE')).toEqual([2, 5]);
    expect(matchRange('Réseaux', 'xyz')).toBeNull();
    expect(matchRange('Réseaux', '  ')).toBeNull();
  });

  it('keeps the matches, their ancestors, and expands the way to them', () => {
    const { nodes, expand, matches } = filterTree(tree, 'net');
    expect(matches).toBe(1);
    expect(flatten(nodes).map((n) => n.node.id)).toEqual([1, 2, 3]);
    expect(expand.sort()).toEqual([1, 2]);
    // A matching branch keeps its whole subtree.
    expect(flatten(filterTree(tree, 'dsi').nodes).map((n) => n.node.id)).toEqual([1, 2, 3, 4]);
    expect(filterTree(tree, '').nodes).toHaveLength(2);
    expect(filterTree(tree, 'nothing').nodes).toEqual([]);
  });

  it('reads the counts of the server’s "still in use" detail', () => {
    expect(parseUsage('This structure still has 2 users, 1 children')).toEqual([
      { what: 'users', count: 2 },
      { what: 'children', count: 1 },
    ]);
    expect(parseUsage('This structure is still in use')).toEqual([]);
  });
});
