import { describe, expect, it } from 'vitest';
import { formatMinutes, joinMinutes, MAX_TARGET_MINUTES, splitMinutes } from './durations';

describe('SLA target durations', () => {
  it('splits minutes into hours and minutes', () => {
    expect(splitMinutes(270)).toEqual({ hours: 4, minutes: 30 });
    expect(splitMinutes(30)).toEqual({ hours: 0, minutes: 30 });
    expect(splitMinutes(2400)).toEqual({ hours: 40, minutes: 0 });
  });

  it('joins what is typed back into minutes, empty boxes counting as 0', () => {
    expect(joinMinutes('4', '30')).toBe(270);
    expect(joinMinutes('', '45')).toBe(45);
    expect(joinMinutes(' 8 ', '')).toBe(480);
  });

  it('refuses nothing at all, minutes past 59, decimals, signs and more than a year', () => {
    expect(joinMinutes('', '')).toBeNull();
    expect(joinMinutes('0', '0')).toBeNull();
    expect(joinMinutes('1', '60')).toBeNull();
    expect(joinMinutes('1.5', '0')).toBeNull();
    expect(joinMinutes('-1', '0')).toBeNull();
    expect(joinMinutes('abc', '0')).toBeNull();
    expect(joinMinutes(String(MAX_TARGET_MINUTES / 60), '0')).toBe(MAX_TARGET_MINUTES);
    expect(joinMinutes(String(MAX_TARGET_MINUTES / 60), '1')).toBeNull();
  });

  it('round-trips every split', () => {
    for (const total of [1, 59, 60, 61, 1439, 1440, 525_600]) {
      const { hours, minutes } = splitMinutes(total);
      expect(joinMinutes(String(hours), String(minutes))).toBe(total);
    }
  });

  it('formats in the interface language', () => {
    // French puts a narrow no-break space between a number and its unit.
    const plain = (text: string) => text.replace(/\s/gu, ' ');
    expect(formatMinutes(30, 'en')).toBe('30 min');
    expect(formatMinutes(240, 'en')).toBe('4 hr');
    expect(formatMinutes(270, 'en')).toBe('4 hr 30 min');
    expect(plain(formatMinutes(270, 'fr'))).toBe('4 h 30 min');
    expect(plain(formatMinutes(2400, 'fr'))).toBe('40 h');
  });
});
