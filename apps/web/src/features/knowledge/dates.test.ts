import { describe, expect, it } from 'vitest';
import { formatDay, localDay, previousDay } from './dates';

describe('calendar days', () => {
  it('writes the local day as the API does, and shows a day as that same day', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 10, 24, 0, 1))).toBe('2026-11-24');
    expect(formatDay('2027-01-31', 'fr')).toBe('31 janv. 2027');
    expect(formatDay('2027-01-31', 'en')).toBe('Jan 31, 2027');
  });

  it('knows the day before, across months, years and leap days', () => {
    expect(previousDay('2026-11-24')).toBe('2026-11-23');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2028-03-01')).toBe('2028-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });
});
