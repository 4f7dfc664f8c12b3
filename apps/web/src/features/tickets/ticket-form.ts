import type { CategoryNode } from '@itsm/contracts';
import { indentedLabel } from '../../lib/structure-options';

/** A category of the tree, flattened in reading order, with its depth and full path. */
export type CategoryOption = {
  id: number;
  name: string;
  path: string;
  depth: number;
  isActive: boolean;
  descriptionTemplate: string | null;
  description: string | null;
};

/**
 * The category tree in reading order (parents first, siblings as the API sorts them); with
 * `activeOnly`, an inactive category and everything under it are left out (no new tickets there).
 */
export function flattenCategories(
  nodes: readonly CategoryNode[] | undefined,
  { activeOnly = false } = {},
): CategoryOption[] {
  const out: CategoryOption[] = [];
  const walk = (list: readonly CategoryNode[], depth: number) => {
    for (const node of list) {
      if (activeOnly && !node.is_active) continue;
      out.push({
        id: node.id,
        name: node.name,
        path: node.path,
        depth,
        isActive: node.is_active,
        descriptionTemplate: node.description_template,
        description: node.description,
      });
      walk(node.children, depth + 1);
    }
  };
  walk(nodes ?? [], 0);
  return out;
}

/** Options of a native select: names indented under their parent (the path shows once chosen). */
export const categorySelectOptions = (categories: readonly CategoryOption[]) =>
  categories.map((c) => ({ value: String(c.id), label: indentedLabel(c.name, c.depth) }));

/** The priority the matrix gives (`matrix[urgency - 1][impact - 1]`), or null when it has no such cell. */
export function priorityFrom(
  matrix: readonly (readonly number[])[] | undefined,
  urgency: number,
  impact: number,
) {
  const value = matrix?.[urgency - 1]?.[impact - 1];
  return typeof value === 'number' ? value : null;
}

/**
 * The description once another category is chosen: its template replaces a description still empty
 * or still the previous category's template; anything the user wrote stays.
 */
export function descriptionAfterCategoryChange(
  current: string,
  previousTemplate: string | null,
  nextTemplate: string | null,
): string {
  const untouched = current.trim() === '' || (previousTemplate !== null && current === previousTemplate);
  if (!untouched) return current;
  return nextTemplate ?? '';
}
