import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, matrixProblems, sameMatrix, withCell } from './priority-matrix';

describe('priority matrix', () => {
  it('accepts the default matrix', () => {
    expect(matrixProblems(DEFAULT_MATRIX).size).toBe(0);
  });

  it('flags a cell lower than with less urgency or less impact', () => {
    expect([...matrixProblems(withCell(DEFAULT_MATRIX, 5, 5, 3))]).toEqual([['5-5', 'urgency']]);
    expect([...matrixProblems(withCell(DEFAULT_MATRIX, 1, 5, 1))]).toEqual([['1-5', 'impact']]);
    // Raising a cell may make its right and lower neighbours too low.
    expect([...matrixProblems(withCell(DEFAULT_MATRIX, 1, 1, 5)).keys()]).toEqual(['1-2', '2-1']);
  });

  it('changes one cell in a copy', () => {
    const changed = withCell(DEFAULT_MATRIX, 2, 3, 5);
    expect(changed[1]?.[2]).toBe(5);
    expect(DEFAULT_MATRIX[1]?.[2]).toBe(2);
    expect(sameMatrix(changed, DEFAULT_MATRIX)).toBe(false);
    expect(sameMatrix(withCell(changed, 2, 3, 2), DEFAULT_MATRIX)).toBe(true);
  });
});
