import { describe, expect, it } from 'vitest';
import { pgTimestampToIso } from './pg-types.js';

describe('pgTimestampToIso', () => {
  it.each([
    ['2026-11-24 10:00:00+00', '2026-11-24T10:00:00.000Z'],
    ['2026-11-24 10:00:00.5+00', '2026-11-24T10:00:00.500Z'],
    ['2026-11-24 10:00:00.123456+00', '2026-11-24T10:00:00.123Z'],
    ['2026-11-24 10:00:00.123+01', '2026-11-24T09:00:00.123Z'],
    ['2026-11-24 10:00:00-05:30', '2026-11-24T15:30:00.000Z'],
    ['2026-11-24 10:00:00', '2026-11-24T10:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(pgTimestampToIso(input)).toBe(expected);
  });

  it('leaves special values alone', () => {
    expect(pgTimestampToIso('infinity')).toBe('infinity');
  });
});
