import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX, matrixProblem, type PriorityMatrix, priorityOf } from './priority.js';

describe('priority matrix', () => {
  it('derives the priority from urgency and impact', () => {
    expect(priorityOf(1, 1)).toBe(1);
    expect(priorityOf(5, 5)).toBe(5);
    expect(priorityOf(3, 3)).toBe(3);
    expect(priorityOf(5, 1)).toBe(3);
  });

  it('uses a configured matrix', () => {
    const flat: PriorityMatrix = Array.from({ length: 5 }, () => [3, 3, 3, 3, 3]);
    expect(priorityOf(5, 5, flat)).toBe(3);
  });

  it('accepts the default and refuses malformed or inconsistent matrices', () => {
    expect(matrixProblem(DEFAULT_PRIORITY_MATRIX)).toBeNull();
    expect(matrixProblem(DEFAULT_PRIORITY_MATRIX.slice(0, 4))).toMatch(/5 × 5/);
    const lowered = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]) as PriorityMatrix;
    (lowered[4] as number[])[4] = 1;
    expect(matrixProblem(lowered)).toMatch(/lower than/);
    const outOfRange = DEFAULT_PRIORITY_MATRIX.map((row) => [...row]) as PriorityMatrix;
    (outOfRange[0] as number[])[0] = 0 as never;
    expect(matrixProblem(outOfRange)).toMatch(/1 to 5/);
  });
});
