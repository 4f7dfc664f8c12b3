import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMs,
  type BusinessCalendar,
  businessMsBetween,
  calendarProblem,
} from './calendar.js';

const HOUR = 3_600_000;
const office = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  hours: Object.fromEntries(
    [1, 2, 3, 4, 5].map((d) => [
      d,
      [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    ]),
  ),
  holidays,
});
const paris = office('Europe/Paris', ['2026-12-25']);
const at = (iso: string) => new Date(iso);

describe('business calendar', () => {
  it('counts only working hours of working days, in the calendar’s time zone', () => {
    // Monday 2026-11-23, Paris is UTC+1: 09:00 local = 08:00Z
    expect(businessMsBetween(paris, at('2026-11-23T08:00:00Z'), at('2026-11-23T17:00:00Z'))).toBe(7 * HOUR);
    // Friday 17:00 → Monday 10:00 local: 1 h on Friday, 1 h on Monday, none over the weekend
    expect(businessMsBetween(paris, at('2026-11-27T16:00:00Z'), at('2026-11-30T09:00:00Z'))).toBe(2 * HOUR);
    // 11:30 → 14:30 local: the lunch break does not count
    expect(businessMsBetween(paris, at('2026-11-23T10:30:00Z'), at('2026-11-23T13:30:00Z'))).toBe(1 * HOUR);
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 17:00 → Monday 28 Dec 10:00 local: 1 h + (Friday 25 is a holiday) + 1 h
    expect(businessMsBetween(paris, at('2026-12-24T16:00:00Z'), at('2026-12-28T09:00:00Z'))).toBe(2 * HOUR);
  });

  it('adds working time across nights, weekends and holidays', () => {
    // 8 working hours from Thursday 24 Dec 16:00 local: 2 h that day, none on the 25th, the weekend, Monday 09:00 + 6 h → 17:00
    expect(addBusinessMs(paris, at('2026-12-24T15:00:00Z'), 8 * HOUR).toISOString()).toBe(
      '2026-12-28T16:00:00.000Z',
    );
    // starting outside hours begins at the next opening
    expect(addBusinessMs(paris, at('2026-11-28T10:00:00Z'), HOUR).toISOString()).toBe(
      '2026-11-30T09:00:00.000Z',
    );
  });

  it('keeps wall-clock hours across daylight-saving changes', () => {
    // Paris goes from UTC+1 to UTC+2 on Sunday 29 March 2026: Friday 09:00 = 08:00Z, Monday 09:00 = 07:00Z
    const friday = at('2026-03-27T16:00:00Z'); // 17:00 local
    expect(addBusinessMs(paris, friday, 2 * HOUR).toISOString()).toBe('2026-03-30T08:00:00.000Z'); // Monday 10:00 local
    expect(businessMsBetween(paris, friday, at('2026-03-30T08:00:00Z'))).toBe(2 * HOUR);
    // a 24/7 calendar in Paris: the night of the change lasts 23 hours
    const nonstop = { ...ALWAYS_OPEN, timeZone: 'Europe/Paris' };
    expect(businessMsBetween(nonstop, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(
      23 * HOUR,
    );
  });

  it('gives the same answers in another time zone for the same local hours', () => {
    const montreal = office('America/Toronto');
    // Monday 09:00 in Toronto (UTC-5) = 14:00Z
    expect(addBusinessMs(montreal, at('2026-11-23T13:00:00Z'), HOUR).toISOString()).toBe(
      '2026-11-23T15:00:00.000Z',
    );
  });

  it('starts from the local day, not the UTC one, when they differ', () => {
    const losAngeles = office('America/Los_Angeles');
    // Monday 17:30 in Los Angeles is already Tuesday 01:30Z: half an hour left on Monday.
    const mondayEvening = at('2026-11-24T01:30:00Z');
    expect(addBusinessMs(losAngeles, mondayEvening, HOUR).toISOString()).toBe('2026-11-24T17:30:00.000Z'); // Tuesday 09:30 local
    expect(businessMsBetween(losAngeles, mondayEvening, at('2026-11-24T17:30:00Z'))).toBe(HOUR);
  });

  it('is the inverse of itself: adding then measuring gives back the amount', () => {
    const start = at('2026-11-25T11:17:00Z');
    for (const hours of [0.5, 3, 7, 20, 55]) {
      const end = addBusinessMs(paris, start, hours * HOUR);
      expect(businessMsBetween(paris, start, end)).toBe(hours * HOUR);
    }
  });

  it('refuses broken calendars', () => {
    expect(calendarProblem(paris)).toBeNull();
    expect(calendarProblem({ ...paris, timeZone: 'Mars/Olympus' })).toMatch(/time zone/);
    expect(calendarProblem({ ...paris, hours: {} })).toBe('no working hours');
    expect(calendarProblem({ ...paris, hours: { 1: [{ start: '10:00', end: '09:00' }] } })).toMatch(
      /ends before/,
    );
    expect(
      calendarProblem({
        ...paris,
        hours: {
          1: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }),
    ).toMatch(/overlap/);
    expect(() => addBusinessMs({ ...paris, hours: {} }, at('2026-11-23T08:00:00Z'), HOUR)).toThrow(
      /no working time/,
    );
  });
});
