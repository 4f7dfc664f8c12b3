import type { Calendar } from '@itsm/contracts';

// A business calendar's working hours: up to two intervals per ISO weekday (1 = Monday … 7 = Sunday),
// "HH:MM" local times. An end at 00:00 means midnight at the end of the day (the API's "24:00").

export type Interval = { start: string; end: string };
export type DayHours = { open: boolean; intervals: Interval[] };
export type WeekHours = Calendar['hours'];

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const MAX_INTERVALS = 2;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since midnight; an end at 00:00 or 24:00 is the end of the day (1440). Null when not HH:MM. */
export function minutesOf(time: string, isEnd = false): number | null {
  if (!HHMM.test(time)) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m;
  return isEnd && minutes === 0 ? 1440 : minutes;
}

/** What the API stores for an end: midnight is "24:00". */
export const apiEnd = (end: string) => (end === '00:00' ? '24:00' : end);
/** What the time field shows for an end: "24:00" is midnight, 00:00. */
export const fieldEnd = (end: string) => (end === '24:00' ? '00:00' : end);

/** The default day of a new calendar, or of a day switched on: office hours. */
export const officeDay = (): Interval[] => [{ start: '09:00', end: '17:00' }];

const hhmm = (minutes: number) =>
  minutes >= 1440
    ? '00:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The interval a day gets when one is added: an hour after the last one ends, four hours long (to
 * midnight at most); a day whose hours end too late gets 00:00–01:00, to be adjusted.
 */
export function nextInterval(intervals: readonly Interval[]): Interval {
  const ends = intervals.map((i) => minutesOf(i.end, true) ?? 0);
  const start = Math.max(0, ...ends) + 60;
  if (start >= 1440) return { start: '00:00', end: '01:00' };
  return { start: hhmm(start), end: hhmm(Math.min(start + 240, 1440)) };
}

/** The API's hours → the form's seven days (Monday first), ends as time fields show them. */
export function hoursToForm(hours: WeekHours): DayHours[] {
  return WEEKDAYS.map((day) => {
    const intervals = [...(hours[String(day) as '1'] ?? [])]
      .sort((a, b) => (minutesOf(a.start) ?? 0) - (minutesOf(b.start) ?? 0))
      .map((i) => ({ start: i.start, end: fieldEnd(i.end) }));
    return { open: intervals.length > 0, intervals: intervals.length > 0 ? intervals : officeDay() };
  });
}

/** The form's seven days → the API's hours: open days only, intervals sorted, midnight as "24:00". */
export function formToHours(days: readonly DayHours[]): WeekHours {
  const hours: WeekHours = {};
  days.forEach((day, index) => {
    if (!day.open || day.intervals.length === 0) return;
    hours[String(index + 1) as '1'] = [...day.intervals]
      .sort((a, b) => (minutesOf(a.start) ?? 0) - (minutesOf(b.start) ?? 0))
      .map((i) => ({ start: i.start, end: apiEnd(i.end) }));
  });
  return hours;
}

export type IntervalProblem = 'invalid' | 'order' | 'overlap';

/**
 * The problem of each interval of an open day, in the day's order (null when fine): a time that is
 * not HH:MM, an end not after its start, or an interval that starts before the previous one ends.
 */
export function intervalProblems(day: DayHours): (IntervalProblem | null)[] {
  if (!day.open) return day.intervals.map(() => null);
  const spans = day.intervals.map((i) => ({ start: minutesOf(i.start), end: minutesOf(i.end, true) }));
  return spans.map((span, index) => {
    if (span.start === null || span.end === null) return 'invalid';
    if (span.end <= span.start) return 'order';
    const overlaps = spans.some(
      (other, k) =>
        k !== index &&
        other.start !== null &&
        other.end !== null &&
        span.start !== null &&
        span.end !== null &&
        span.start < other.end &&
        other.start < span.end,
    );
    return overlaps ? 'overlap' : null;
  });
}

/** What keeps the week from being saved: a faulty interval, or no working time at all. */
export function weekProblem(days: readonly DayHours[]): 'intervals' | 'noHours' | null {
  if (days.some((day) => intervalProblems(day).some((p) => p !== null))) return 'intervals';
  return days.some((day) => day.open && day.intervals.length > 0) ? null : 'noHours';
}

/** Day names in the interface's language, Monday first ("lun.", "Mon"). */
export function weekdayNames(language: string, width: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: width, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

const intervalsText = (intervals: readonly Interval[]) =>
  intervals.map((i) => `${i.start}–${apiEnd(i.end)}`).join(', ');

/**
 * A week in a line per run of days with the same hours: "lun.–ven. 09:00–12:30, 13:30–18:00";
 * closed days are left out. Empty when the calendar has no hours.
 */
export function summariseHours(hours: WeekHours, dayNames: readonly string[]): string[] {
  const runs: { from: number; to: number; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = intervalsText(hours[String(day) as '1'] ?? []);
    const last = runs.at(-1);
    if (last && last.text === text) last.to = day;
    else runs.push({ from: day, to: day, text });
  }
  return runs
    .filter((run) => run.text !== '')
    .map((run) => {
      const first = dayNames[run.from - 1] ?? '';
      const days = run.from === run.to ? first : `${first}–${dayNames[run.to - 1] ?? ''}`;
      return `${days} ${run.text}`;
    });
}
