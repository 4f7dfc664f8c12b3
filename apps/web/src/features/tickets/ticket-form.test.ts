import type { CategoryNode } from '@itsm/contracts';
import { describe, expect, it } from 'vitest';
import {
  categorySelectOptions,
  descriptionAfterCategoryChange,
  flattenCategories,
  priorityFrom,
} from './ticket-form';

const node = (id: number, name: string, path: string, children: CategoryNode[] = [], isActive = true) =>
  ({
    id,
    name,
    path,
    children,
    is_active: isActive,
    description: null,
    parent: null,
    default_group: null,
    sla: null,
    description_template: id === 2 ? '## Printer\n' : null,
    approval: 'none',
    approver_user: null,
    approver_group: null,
    created_at: '',
    updated_at: '',
  }) satisfies CategoryNode;

const tree = [
  node(1, 'Hardware', 'Hardware', [
    node(2, 'Printer', 'Hardware / Printer'),
    node(3, 'Old', 'Hardware / Old', [node(4, 'Fax', 'Hardware / Old / Fax')], false),
  ]),
  node(5, 'Software', 'Software'),
];

describe('the category picker', () => {
  it('flattens the tree in reading order with depths and paths', () => {
    expect(flattenCategories(tree).map((c) => [c.id, c.depth, c.path])).toEqual([
      [1, 0, 'Hardware'],
      [2, 1, 'Hardware / Printer'],
      [3, 1, 'Hardware / Old'],
      [4, 2, 'Hardware / Old / Fax'],
      [5, 0, 'Software'],
    ]);
    expect(flattenCategories(tree)[1]?.descriptionTemplate).toBe('## Printer\n');
  });

  it('leaves out an inactive category and its subtree for new tickets', () => {
    expect(flattenCategories(tree, { activeOnly: true }).map((c) => c.id)).toEqual([1, 2, 5]);
    expect(flattenCategories(undefined)).toEqual([]);
  });

  it('indents the names of a native select', () => {
    expect(categorySelectOptions(flattenCategories(tree)).map((o) => o.label)[1]).toBe(
      '\u00a0\u00a0\u00a0└ Printer',
    );
  });
});

describe('the priority hint', () => {
  const matrix = [
    [1, 1, 2, 2, 3],
    [1, 2, 2, 3, 3],
    [2, 2, 3, 3, 4],
    [2, 3, 3, 4, 5],
    [3, 3, 4, 5, 5],
  ];
  it('reads matrix[urgency - 1][impact - 1]', () => {
    expect(priorityFrom(matrix, 5, 4)).toBe(5);
    expect(priorityFrom(matrix, 1, 5)).toBe(3);
    expect(priorityFrom(matrix, 3, 3)).toBe(3);
    expect(priorityFrom(undefined, 3, 3)).toBeNull();
    expect(priorityFrom(matrix, 6, 1)).toBeNull();
  });
});

describe('the description template', () => {
  it('fills an empty or untouched description, and keeps what the user wrote', () => {
    expect(descriptionAfterCategoryChange('', null, '## Steps')).toBe('## Steps');
    expect(descriptionAfterCategoryChange('  ', null, '## Steps')).toBe('## Steps');
    expect(descriptionAfterCategoryChange('## Steps', '## Steps', '## Printer')).toBe('## Printer');
    expect(descriptionAfterCategoryChange('## Steps', '## Steps', null)).toBe('');
    expect(descriptionAfterCategoryChange('It broke', '## Steps', '## Printer')).toBe('It broke');
    expect(descriptionAfterCategoryChange('## Steps edited', '## Steps', '## Printer')).toBe(
      '## Steps edited',
    );
  });
});
