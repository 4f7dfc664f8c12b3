import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

const almostOne = () => 0.999_999;
const options = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it('stays in [0, base) after the first failure, with the default base of 5 s', () => {
    expect(backoffDelay(1, {}, () => 0)).toBe(0);
    expect(backoffDelay(1, {}, almostOne)).toBe(4_999);
  });

  it('doubles its ceiling with each attempt', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, options, almostOne) + 1);
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('is capped at maxMs, 15 minutes by default, even for huge attempt counts', () => {
    expect(backoffDelay(7, options, almostOne)).toBe(59_999);
    expect(backoffDelay(10_000, options, almostOne)).toBe(59_999);
    expect(backoffDelay(10_000, {}, almostOne)).toBe(15 * 60_000 - 1);
  });

  it('draws the delay from random (full jitter)', () => {
    expect(backoffDelay(3, options, () => 0.25)).toBe(1_000);
    expect(backoffDelay(3, options, () => 0.5)).toBe(2_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffDelay(4, options);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(8_000);
    }
  });

  it('rejects an attempt that is not a positive integer', () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
  });
});
