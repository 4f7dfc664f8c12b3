import { DateTime } from 'luxon';

/** Working hours of one weekday, local time, `HH:MM`, end after start (a night shift is two intervals). */
export type WorkingInterval = { start: string; end: string };

/** When the clock of an SLA runs: working hours per ISO weekday (1 = Monday … 7 = Sunday) in a time zone, minus holidays. */
export type BusinessCalendar = {
  timeZone: string;
  hours: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, WorkingInterval[]>>;
  /** Local dates `YYYY-MM-DD` with no working hours at all. */
  holidays: readonly string[];
};

/** Around the clock: for SLAs that count every minute. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  hours: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
  holidays: [],
};

/** No calendar has a working hour in this many days: it is broken (no hours, or holidays everywhere). */
const MAX_DAYS = 3 * 366;

function minutesOf(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`not a time of day: "${hhmm}"`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new Error(`not a time of day: "${hhmm}"`);
  return minutes;
}

/** Checks a calendar; the first problem, or null. */
export function calendarProblem(calendar: BusinessCalendar): string | null {
  if (!DateTime.local().setZone(calendar.timeZone).isValid) return `unknown time zone "${calendar.timeZone}"`;
  let any = false;
  for (const [day, intervals] of Object.entries(calendar.hours)) {
    const sorted = [...(intervals ?? [])].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (const [i, interval] of sorted.entries()) {
      if (minutesOf(interval.end) <= minutesOf(interval.start))
        return `day ${day}: ${interval.start}–${interval.end} ends before it starts`;
      const previous = sorted[i - 1];
      if (previous && minutesOf(interval.start) < minutesOf(previous.end))
        return `day ${day}: intervals overlap`;
      any = true;
    }
  }
  return any ? null : 'no working hours';
}

const DAY_MS = 86_400_000;
/** Working periods of (time zone, weekday hours, date) already computed: converting local times is the costly part. */
const periodCache = new Map<string, readonly (readonly [number, number])[]>();
const PERIOD_CACHE_LIMIT = 50_000;
/** Per calendar object, the cache key prefix of each weekday (its zone and its hours). */
const weekdayKeys = new WeakMap<BusinessCalendar, string[]>();

function sortedHours(calendar: BusinessCalendar, weekday: number): WorkingInterval[] {
  return [...(calendar.hours[weekday as 1] ?? [])].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
}

function dayPeriods(calendar: BusinessCalendar, isoDate: string, weekday: number) {
  let keys = weekdayKeys.get(calendar);
  if (!keys) {
    keys = [0, 1, 2, 3, 4, 5, 6, 7].map(
      (d) => `${calendar.timeZone}|${JSON.stringify(sortedHours(calendar, d))}`,
    );
    weekdayKeys.set(calendar, keys);
  }
  const key = `${keys[weekday]}|${isoDate}`;
  const cached = periodCache.get(key);
  if (cached) return cached;
  const day = DateTime.fromISO(isoDate, { zone: calendar.timeZone });
  const periods: (readonly [number, number])[] = [];
  for (const { start, end } of sortedHours(calendar, weekday)) {
    // Local wall-clock times; in a DST gap luxon moves forward, so a period never runs backwards.
    const startAt = day.plus({ minutes: minutesOf(start) }).toMillis();
    const endAt = day.plus({ minutes: minutesOf(end) }).toMillis();
    if (endAt > startAt) periods.push([startAt, endAt]);
  }
  if (periodCache.size >= PERIOD_CACHE_LIMIT) periodCache.delete(periodCache.keys().next().value as string);
  periodCache.set(key, periods);
  return periods;
}

/** Per time zone, a formatter of local dates: far cheaper than a luxon DateTime per instant. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date `YYYY-MM-DD` of an instant in a time zone. */
function localDate(timeZone: string, at: Date): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(at)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/**
 * Working periods as absolute instants, local day by local day, from the day containing `from`.
 * Dates are walked as calendar dates (zone-free arithmetic); only a date's periods need the zone.
 */
function* workingPeriods(calendar: BusinessCalendar, from: Date): Generator<readonly [number, number]> {
  const holidays = new Set(calendar.holidays);
  let utcDay = Date.parse(`${localDate(calendar.timeZone, from)}T00:00:00Z`);
  for (let i = 0; i < MAX_DAYS; i++, utcDay += DAY_MS) {
    const date = new Date(utcDay);
    const isoDate = date.toISOString().slice(0, 10);
    if (holidays.has(isoDate)) continue;
    yield* dayPeriods(calendar, isoDate, ((date.getUTCDay() + 6) % 7) + 1);
  }
  throw new Error('the calendar has no working time in three years');
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  for (const [start, end] of workingPeriods(calendar, from)) {
    if (start >= b) break;
    total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total;
}

/** The instant at which `ms` working milliseconds will have passed after `from`. */
export function addBusinessMs(calendar: BusinessCalendar, from: Date, ms: number): Date {
  const a = from.getTime();
  let left = ms;
  for (const [start, end] of workingPeriods(calendar, from)) {
    if (end <= a) continue;
    const begin = Math.max(start, a);
    if (end - begin >= left) return new Date(begin + left);
    left -= end - begin;
  }
  throw new Error('unreachable');
}
