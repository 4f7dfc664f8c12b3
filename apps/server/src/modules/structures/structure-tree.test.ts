import { describe, expect, it } from 'vitest';
import { buildTree, wouldCreateCycle } from './structure-tree.js';

describe('structure tree', () => {
  const rows = [
    { id: 1, name: 'Groupe', code: 'GRP', parent: null },
    { id: 3, name: 'Usine', code: 'USN', parent: 1 },
    { id: 2, name: 'Siège', code: 'SGE', parent: 1 },
    { id: 4, name: 'Atelier', code: 'ATL', parent: 3 },
  ];

  it('nests children under parents, siblings sorted by name', () => {
    const tree = buildTree(rows);
    expect(tree.map((n) => n.code)).toEqual(['GRP']);
    expect(tree[0]?.children.map((n) => n.code)).toEqual(['SGE', 'USN']);
    expect(tree[0]?.children[1]?.children.map((n) => n.code)).toEqual(['ATL']);
  });

  it('makes a root of a structure whose parent is out of sight', () => {
    expect(buildTree(rows.filter((r) => r.id !== 1)).map((n) => n.code)).toEqual(['SGE', 'USN']);
  });

  it('detects a move under oneself or one of one’s descendants', () => {
    const parentOf = new Map(rows.map((r) => [r.id, r.parent]));
    expect(wouldCreateCycle(1, 1, parentOf)).toBe(true);
    expect(wouldCreateCycle(1, 4, parentOf)).toBe(true);
    expect(wouldCreateCycle(3, 2, parentOf)).toBe(false);
    expect(wouldCreateCycle(4, 2, parentOf)).toBe(false);
  });
});
