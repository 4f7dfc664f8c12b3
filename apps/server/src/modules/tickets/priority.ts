// Priority from urgency and impact (1 = lowest … 5 = highest) through a configurable matrix.

export type Level = 1 | 2 | 3 | 4 | 5;
/** matrix[urgency - 1][impact - 1] = priority. */
export type PriorityMatrix = Level[][];

/** The usual ITIL-style default: priority grows with both, high urgency and high impact give 5. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 4, 4],
  [2, 3, 4, 4, 5],
  [3, 3, 4, 5, 5],
];

export function priorityOf(
  urgency: Level,
  impact: Level,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Level {
  const priority = matrix[urgency - 1]?.[impact - 1];
  if (priority === undefined) throw new Error(`no priority for urgency ${urgency} and impact ${impact}`);
  return priority;
}

/** A matrix is 5 × 5 levels and never lowers the priority when urgency or impact rises. */
export function matrixProblem(matrix: PriorityMatrix): string | null {
  if (matrix.length !== 5 || matrix.some((row) => row.length !== 5)) return 'the matrix must be 5 × 5';
  for (let u = 0; u < 5; u++) {
    for (let i = 0; i < 5; i++) {
      const p = matrix[u]?.[i] as number;
      if (!Number.isInteger(p) || p < 1 || p > 5)
        return `urgency ${u + 1}, impact ${i + 1}: a priority is 1 to 5`;
      if (u > 0 && p < (matrix[u - 1]?.[i] as number))
        return `urgency ${u + 1}, impact ${i + 1}: lower than with less urgency`;
      if (i > 0 && p < (matrix[u]?.[i - 1] as number))
        return `urgency ${u + 1}, impact ${i + 1}: lower than with less impact`;
    }
  }
  return null;
}
