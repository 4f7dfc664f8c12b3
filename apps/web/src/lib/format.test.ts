import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelative, formatTime } from './format';

// A local time (the formatters show the browser's time zone): 24 November 2026, 10:18:42.
const when = new Date(2026, 10, 24, 10, 18, 42);
const iso = when.toISOString();
// Some ICU versions put a narrow no-break space before "AM".
const plain = (text: string) => text.replace(/\u202f/g, ' ');

describe('date formatting', () => {
  it('shows the medium date and the short time, in French and English', () => {
    expect(formatDateTime(iso, 'fr')).toBe('24 nov. 2026, 10:18');
    expect(plain(formatDateTime(iso, 'en'))).toBe('Nov 24, 2026, 10:18 AM');
  });

  it('adds the seconds only when asked (the journals)', () => {
    expect(formatDateTime(iso, 'fr', { seconds: true })).toBe('24 nov. 2026, 10:18:42');
    expect(plain(formatDateTime(iso, 'en', { seconds: true }))).toBe('Nov 24, 2026, 10:18:42 AM');
    expect(formatTime(iso, 'fr')).toBe('10:18');
    expect(formatTime(iso, 'fr', { seconds: true })).toBe('10:18:42');
  });

  it('formats a day alone, from a string or a Date', () => {
    expect(formatDate(iso, 'fr')).toBe('24 nov. 2026');
    expect(formatDate(when, 'en')).toBe('Nov 24, 2026');
  });

  it('gives back a value that is not a date as it came', () => {
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
    expect(formatDate('', 'fr')).toBe('');
  });

  it('says how long ago, or "now" under a minute', () => {
    const now = when.getTime();
    expect(formatRelative(new Date(now - 5 * 60_000), 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelative(new Date(now + 3 * 86_400_000), 'en', now)).toBe('in 3 days');
    expect(formatRelative(new Date(now - 20_000), 'en', now)).toBe('now');
  });
});
