import { describe, expect, it } from 'vitest';
import { formatShare, normaliseShares, parsePercent, percentText } from './shares';

describe('target shares as percentages', () => {
  it('reads what is typed, with or without the sign, comma or point', () => {
    expect(parsePercent('75')).toBe(0.75);
    expect(parsePercent(' 75 % ')).toBe(0.75);
    expect(parsePercent('87,5')).toBe(0.875);
    expect(parsePercent('87.5%')).toBe(0.875);
    expect(parsePercent('100')).toBe(1);
  });

  it('refuses 0, negative, non-numbers and more than the maximum', () => {
    expect(parsePercent('0')).toBeNull();
    expect(parsePercent('-10')).toBeNull();
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('150', 10)).toBe(1.5);
  });

  it('keeps shares sorted and unique, as the API stores them', () => {
    expect(normaliseShares([1, 0.5, 0.75, 0.5])).toEqual([0.5, 0.75, 1]);
  });

  it('shows shares in the interface language and as typed numbers', () => {
    expect(formatShare(0.75, 'en')).toBe('75%');
    expect(formatShare(0.75, 'fr')).toMatch(/^75\s%$/u);
    expect(percentText(0.875)).toBe('87.5');
    expect(percentText(1.5)).toBe('150');
  });
});
