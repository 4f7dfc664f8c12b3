// The priority matrix: matrix[urgency - 1][impact - 1] = priority, every value 1 (lowest) … 5.

export type Matrix = number[][];
export const LEVELS = [1, 2, 3, 4, 5] as const;

/** The server's default (ITIL-style): priority grows with both, high urgency and impact give 5. */
export const DEFAULT_MATRIX: Matrix = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 3],
  [2, 2, 3, 4, 4],
  [2, 3, 4, 4, 5],
  [3, 3, 4, 5, 5],
];

export type CellProblem = 'urgency' | 'impact';

/**
 * The cells the server would refuse, keyed "urgency-impact" (1-based): a priority lower than with
 * less urgency (the cell above) or with less impact (the cell on the left).
 */
export function matrixProblems(matrix: Matrix): Map<string, CellProblem> {
  const problems = new Map<string, CellProblem>();
  for (let u = 0; u < 5; u++) {
    for (let i = 0; i < 5; i++) {
      const p = matrix[u]?.[i] ?? 0;
      if (u > 0 && p < (matrix[u - 1]?.[i] ?? 0)) problems.set(`${u + 1}-${i + 1}`, 'urgency');
      else if (i > 0 && p < (matrix[u]?.[i - 1] ?? 0)) problems.set(`${u + 1}-${i + 1}`, 'impact');
    }
  }
  return problems;
}

/** A copy with one cell changed. */
export function withCell(matrix: Matrix, urgency: number, impact: number, priority: number): Matrix {
  return matrix.map((row, u) => row.map((p, i) => (u === urgency - 1 && i === impact - 1 ? priority : p)));
}

export const sameMatrix = (a: Matrix, b: Matrix) =>
  a.length === b.length && a.every((row, u) => row.every((p, i) => p === b[u]?.[i]));
