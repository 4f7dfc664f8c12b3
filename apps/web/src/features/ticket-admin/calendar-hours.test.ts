import { describe, expect, it } from 'vitest';
import {
  type DayHours,
  formToHours,
  hoursToForm,
  intervalProblems,
  minutesOf,
  nextInterval,
  summariseHours,
  weekdayNames,
  weekProblem,
} from './calendar-hours';

const open = (...intervals: [string, string][]): DayHours => ({
  open: true,
  intervals: intervals.map(([start, end]) => ({ start, end })),
});
const closed: DayHours = { open: false, intervals: [{ start: '09:00', end: '17:00' }] };

describe('calendar working hours', () => {
  it('reads times, an end at midnight being the end of the day', () => {
    expect(minutesOf('09:30')).toBe(570);
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('00:00', true)).toBe(1440);
    expect(minutesOf('24:00', true)).toBe(1440);
    expect(minutesOf('9:30')).toBeNull();
    expect(minutesOf('25:00')).toBeNull();
  });

  it('accepts one or two intervals in order', () => {
    expect(intervalProblems(open(['09:00', '12:30'], ['13:30', '18:00']))).toEqual([null, null]);
    expect(intervalProblems(open(['00:00', '00:00']))).toEqual([null]);
    expect(intervalProblems(closed)).toEqual([null]);
  });

  it('flags an end before its start, overlapping intervals and bad times', () => {
    expect(intervalProblems(open(['18:00', '09:00']))).toEqual(['order']);
    expect(intervalProblems(open(['09:00', '09:00']))).toEqual(['order']);
    expect(intervalProblems(open(['09:00', '13:00'], ['12:00', '18:00']))).toEqual(['overlap', 'overlap']);
    expect(intervalProblems(open(['13:30', '18:00'], ['09:00', '14:00']))).toEqual(['overlap', 'overlap']);
    expect(intervalProblems(open(['09:00', '12:00'], ['12:00', '18:00']))).toEqual([null, null]);
    expect(intervalProblems(open(['', '12:00']))).toEqual(['invalid']);
  });

  it('needs working time somewhere in the week', () => {
    expect(weekProblem(Array(7).fill(closed))).toBe('noHours');
    expect(weekProblem([open(['09:00', '17:00']), ...Array(6).fill(closed)])).toBeNull();
    expect(weekProblem([open(['17:00', '09:00']), ...Array(6).fill(closed)])).toBe('intervals');
  });

  it('adds an interval an hour after the last one, up to midnight', () => {
    expect(nextInterval([{ start: '09:00', end: '12:00' }])).toEqual({ start: '13:00', end: '17:00' });
    expect(nextInterval([{ start: '09:00', end: '21:30' }])).toEqual({ start: '22:30', end: '00:00' });
    expect(nextInterval([{ start: '09:00', end: '00:00' }])).toEqual({ start: '00:00', end: '01:00' });
    expect(nextInterval([])).toEqual({ start: '01:00', end: '05:00' });
  });

  it('converts between the API and the form: open days only, sorted, midnight as 24:00', () => {
    const hours = {
      '1': [
        { start: '13:30', end: '18:00' },
        { start: '09:00', end: '12:30' },
      ],
      '6': [{ start: '00:00', end: '24:00' }],
    };
    const form = hoursToForm(hours);
    expect(form).toHaveLength(7);
    expect(form[0]).toEqual(open(['09:00', '12:30'], ['13:30', '18:00']));
    expect(form[1]?.open).toBe(false);
    expect(form[5]).toEqual(open(['00:00', '00:00']));
    expect(formToHours(form)).toEqual({
      '1': [
        { start: '09:00', end: '12:30' },
        { start: '13:30', end: '18:00' },
      ],
      '6': [{ start: '00:00', end: '24:00' }],
    });
  });

  it('summarises runs of days with the same hours', () => {
    const day = [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ];
    const names = weekdayNames('en', 'short');
    expect(names).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(summariseHours({ '1': day, '2': day, '3': day, '4': day, '5': day }, names)).toEqual([
      'Mon–Fri 09:00–12:30, 13:30–18:00',
    ]);
    expect(
      summariseHours(
        {
          '1': day,
          '2': day,
          '4': [{ start: '08:00', end: '12:00' }],
          '7': [{ start: '00:00', end: '24:00' }],
        },
        names,
      ),
    ).toEqual(['Mon–Tue 09:00–12:30, 13:30–18:00', 'Thu 08:00–12:00', 'Sun 00:00–24:00']);
    expect(summariseHours({}, names)).toEqual([]);
  });
});
