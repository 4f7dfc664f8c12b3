import { describe, expect, it } from 'vitest';
import { formatDay, localDay } from './dates';

describe('calendar days', () => {
  it('writes the local day as the API does, and shows a day as that same day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
    expect(formatDay('2027-01-31', 'fr')).toBe('31 janv. 2027');
    expect(formatDay('2027-01-31', 'en')).toBe('Jan 31, 2027');
  });
});
