import type { KbCategory } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import {
  buildCategoryTree,
  categoryOptions,
  categoryPath,
  filterCategories,
  positionAfter,
  reorderSiblings,
  siblingsOf,
  withoutEmpty,
} from './category-tree';

const at = '2026-11-24T10:00:00.000Z';
const category = (
  id: number,
  name: string,
  parent: number | null,
  position = 0,
  article_count = 0,
): KbCategory => ({
  id,
  name,
  description: null,
  parent,
  position,
  article_count,
  created_at: at,
  updated_at: at,
});

// As the API sends them: flat, children before their parents sometimes.
const flat = [
  category(5, 'VPN', 3, 0, 2),
  category(1, 'Postes de travail', null, 0, 1),
  category(3, 'Réseau', null, 2, 0),
  category(2, 'Impression', null, 1, 0),
  category(6, 'Wi-Fi', 3, 0, 1),
  category(4, 'Windows', 1, 0, 3),
  category(7, 'Orpheline', 99, 5, 0),
];

const names = (nodes: { name: string; children: unknown[] }[]): unknown[] =>
  nodes.map((n) =>
    n.children.length ? [n.name, names(n.children as { name: string; children: unknown[] }[])] : n.name,
  );

describe('knowledge category tree', () => {
  it('nests the flat list by parent, siblings by position then name; an unknown parent makes a root', () => {
    const tree = buildCategoryTree(flat);
    expect(names(tree)).toEqual([
      ['Postes de travail', ['Windows']],
      'Impression',
      ['Réseau', ['VPN', 'Wi-Fi']],
      'Orpheline',
    ]);
  });

  it('counts the articles of a category and of everything below it', () => {
    const tree = buildCategoryTree([...flat, category(8, 'Clients', 5, 0, 4)]);
    const reseau = tree.find((n) => n.name === 'Réseau');
    expect(reseau?.article_count).toBe(0);
    expect(reseau?.total).toBe(7);
    expect(reseau?.children.map((c) => [c.name, c.total])).toEqual([
      ['VPN', 6],
      ['Wi-Fi', 1],
    ]);
    expect(tree.find((n) => n.name === 'Postes de travail')?.total).toBe(4);
  });

  it('never loops on a cycle', () => {
    const tree = buildCategoryTree([category(1, 'A', 2), category(2, 'B', 1), category(3, 'C', null)]);
    expect(names(tree)).toEqual(['C']);
  });

  it('leaves out the empty branches for readers', () => {
    expect(names(withoutEmpty(buildCategoryTree(flat)))).toEqual([
      ['Postes de travail', ['Windows']],
      ['Réseau', ['VPN', 'Wi-Fi']],
    ]);
  });

  it('finds categories by name, ignoring accents, with their parents', () => {
    const found = filterCategories(buildCategoryTree(flat), 'reseau');
    expect(names(found.nodes)).toEqual([['Réseau', ['VPN', 'Wi-Fi']]]);
    expect(found.matches).toBe(1);
    expect(names(filterCategories(buildCategoryTree(flat), 'wi').nodes)).toEqual([
      ['Postes de travail', ['Windows']],
      ['Réseau', ['Wi-Fi']],
    ]);
  });

  it('gives indented select options, without a category and what is below it', () => {
    const tree = buildCategoryTree(flat);
    const reseau = tree.find((n) => n.name === 'Réseau');
    expect(categoryOptions(tree, reseau).map((o) => o.value)).toEqual(['1', '4', '2', '7']);
    expect(categoryOptions(tree)[1]).toEqual({ value: '4', label: '\u00a0\u00a0\u00a0└ Windows' });
  });

  it('names a category by its path', () => {
    const tree = buildCategoryTree(flat);
    expect(categoryPath(tree, 6)).toBe('Réseau › Wi-Fi');
    expect(categoryPath(tree, 2)).toBe('Impression');
    expect(categoryPath(tree, 42)).toBeNull();
    expect(categoryPath(tree, null)).toBeNull();
  });

  it('finds the siblings of a category and the position after them', () => {
    const tree = buildCategoryTree(flat);
    const vpn = tree[2]?.children[0];
    if (!vpn) throw new Error('no VPN');
    expect(siblingsOf(tree, vpn).map((n) => n.name)).toEqual(['VPN', 'Wi-Fi']);
    expect(siblingsOf(tree, tree[0] as (typeof tree)[0]).map((n) => n.name)).toEqual([
      'Postes de travail',
      'Impression',
      'Réseau',
      'Orpheline',
    ]);
    expect(positionAfter(tree)).toBe(6);
    expect(positionAfter([])).toBe(0);
  });

  it('moves a category up or down by numbering its siblings again, answering only what changes', () => {
    const siblings = [
      { id: 1, position: 0 },
      { id: 2, position: 1 },
      { id: 3, position: 2 },
    ];
    expect(reorderSiblings(siblings, 3, -1)).toEqual([
      { id: 3, position: 1 },
      { id: 2, position: 2 },
    ]);
    expect(reorderSiblings(siblings, 1, 1)).toEqual([
      { id: 2, position: 0 },
      { id: 1, position: 1 },
    ]);
    expect(reorderSiblings(siblings, 1, -1)).toEqual([]);
    expect(reorderSiblings(siblings, 3, 1)).toEqual([]);
    expect(reorderSiblings(siblings, 42, 1)).toEqual([]);
    // Siblings that all have position 0 (ordered by name): they get distinct positions (8 keeps its 0).
    expect(
      reorderSiblings(
        [
          { id: 7, position: 0 },
          { id: 8, position: 0 },
          { id: 9, position: 0 },
        ],
        8,
        -1,
      ),
    ).toEqual([
      { id: 7, position: 1 },
      { id: 9, position: 2 },
    ]);
  });
});
