import { describe, expect, it } from 'vitest';
import { applyPatches, movePatches, sortRules } from './rule-order';

const rules = [
  { id: 3, position: 30 },
  { id: 1, position: 10 },
  { id: 2, position: 20 },
];

describe('rule order', () => {
  it('sorts by position, then id', () => {
    expect(sortRules([...rules, { id: 0, position: 20 }]).map((r) => r.id)).toEqual([1, 0, 2, 3]);
  });

  it('moves a rule up or down by swapping positions with its neighbour', () => {
    expect(movePatches(rules, 2, -1)).toEqual([
      { id: 2, position: 10 },
      { id: 1, position: 20 },
    ]);
    expect(movePatches(rules, 2, 1)).toEqual([
      { id: 2, position: 30 },
      { id: 3, position: 20 },
    ]);
  });

  it('does nothing past either end, or for an unknown rule', () => {
    expect(movePatches(rules, 1, -1)).toEqual([]);
    expect(movePatches(rules, 3, 1)).toEqual([]);
    expect(movePatches(rules, 99, 1)).toEqual([]);
  });

  it('renumbers when positions are shared, patching only what changes', () => {
    const tied = [
      { id: 1, position: 10 },
      { id: 2, position: 10 },
      { id: 3, position: 30 },
    ];
    expect(movePatches(tied, 3, -1)).toEqual([
      { id: 3, position: 20 },
      { id: 2, position: 30 },
    ]);
    expect(applyPatches(tied, movePatches(tied, 3, -1)).map((r) => r.id)).toEqual([1, 3, 2]);
  });

  it('gives the new order at once', () => {
    expect(applyPatches(rules, movePatches(rules, 3, -1)).map((r) => r.id)).toEqual([1, 3, 2]);
  });
});
