import { describe, expect, it } from 'vitest';
import { formatAgo } from './relative-time';

const now = Date.parse('2026-11-24T10:00:00Z');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('narrow relative times of the ticket list', () => {
  it('uses the largest unit, in short words', () => {
    expect(plain(formatAgo('2026-11-20T09:00:00Z', 'fr', now))).toBe('il y a 4 j');
    expect(plain(formatAgo('2026-11-24T07:00:00Z', 'en', now))).toMatch(/^3 hr\.? ago$/);
    expect(plain(formatAgo('2026-11-24T09:59:40Z', 'en', now))).toBe('now');
    expect(formatAgo('not a date', 'en', now)).toBe('not a date');
  });
});
