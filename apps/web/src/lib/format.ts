/**
 * Dates and times as every page shows them, in the interface's language: the medium date style
 * ("24 nov. 2026", "Nov 24, 2026"), with the time in short form, or with seconds where a journal needs them.
 */

type When = string | Date;
type TimeOptions = { seconds?: boolean };

function toDate(value: When): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function format(value: When, language: string, options: Intl.DateTimeFormatOptions): string {
  const date = toDate(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(language, options).format(date);
}

const timeStyle = (options: TimeOptions) => (options.seconds ? 'medium' : 'short');

/** "24 nov. 2026, 10:18", or "24 nov. 2026, 10:18:42" with `{ seconds: true }`. */
export function formatDateTime(value: When, language: string, options: TimeOptions = {}): string {
  return format(value, language, { dateStyle: 'medium', timeStyle: timeStyle(options) });
}

/** "24 nov. 2026". */
export function formatDate(value: When, language: string): string {
  return format(value, language, { dateStyle: 'medium' });
}

/** "10:18", or "10:18:42" with `{ seconds: true }`. */
export function formatTime(value: When, language: string, options: TimeOptions = {}): string {
  return format(value, language, { timeStyle: timeStyle(options) });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "il y a 5 minutes", "in 3 days"; "maintenant" / "now" under a minute. */
export function formatRelative(value: When, language: string, now = Date.now()): string {
  const date = toDate(value);
  if (!date) return String(value);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(0, 'second');
}
