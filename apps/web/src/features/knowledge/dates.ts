import { formatDate } from '../../lib/format';

/** Today in the browser's time zone, as the API writes calendar days (YYYY-MM-DD). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "24 nov. 2026" for a calendar day (YYYY-MM-DD), the same day whatever the browser's time zone. */
export const formatDay = (day: string, language: string) => formatDate(`${day}T12:00:00`, language);

/** The calendar day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return localDay(new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) - 1));
}
