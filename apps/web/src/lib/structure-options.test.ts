import type { Structure } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import { structureOptions, structureTree } from './structure-options';

const s = (id: number, name: string, parent: number | null): Structure => ({
  id,
  name,
  code: name.toUpperCase(),
  description: null,
  parent,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

describe('structureTree', () => {
  it('puts parents before their children, siblings by name, with their depth', () => {
    const tree = structureTree([
      s(3, 'Lyon', 1),
      s(1, 'Demo', null),
      s(4, 'Atelier', 3),
      s(2, 'Bruxelles', 1),
    ]);
    expect(tree.map((x) => [x.name, x.depth])).toEqual([
      ['Demo', 0],
      ['Bruxelles', 1],
      ['Lyon', 1],
      ['Atelier', 2],
    ]);
  });

  it('shows a structure whose parent is out of sight as a root', () => {
    expect(structureTree([s(5, 'Child', 99)]).map((x) => x.depth)).toEqual([0]);
  });

  it('indents the labels of a native select', () => {
    const [root, child] = structureOptions([s(1, 'Demo', null), s(2, 'Lyon', 1)]);
    expect(root).toEqual({ value: '1', label: 'Demo' });
    expect(child?.label.trimStart()).toBe('└ Lyon');
    expect(child?.label.startsWith('\u00a0')).toBe(true);
  });
});
