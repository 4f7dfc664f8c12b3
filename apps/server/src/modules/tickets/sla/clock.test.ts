import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar.js';
import { clockState, runningSpans, type StatusChange } from './clock.js';

const HOUR = 3_600_000;
const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  hours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: [],
};
const at = (iso: string) => new Date(iso);
const runs = (status: string) => !['pending', 'resolved', 'closed'].includes(status);

function resolution(history: StatusChange[], targetHours: number, now: string) {
  const spans = runningSpans(history, at(now), runs);
  return clockState(paris, spans, targetHours * HOUR, at(now));
}

describe('SLA clock from the status history', () => {
  // Monday 23 Nov 2026, Paris (UTC+1): 09:00 local = 08:00Z
  const opened = { status: 'new', at: at('2026-11-23T08:00:00Z') };

  it('runs during working hours and gives the deadline', () => {
    const state = resolution([opened], 8, '2026-11-23T10:00:00Z');
    expect(state).toMatchObject({ elapsedMs: 2 * HOUR, running: true, breachedAt: null });
    expect(state.share).toBe(0.25);
    expect(state.dueAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z'); // 17:00 local
  });

  it('pauses while pending: the deadline moves by the paused working time', () => {
    const history = [
      opened,
      { status: 'in_progress', at: at('2026-11-23T09:00:00Z') },
      { status: 'pending', at: at('2026-11-23T10:00:00Z') },
      { status: 'in_progress', at: at('2026-11-23T13:00:00Z') },
    ];
    const paused = resolution(history.slice(0, 3), 8, '2026-11-23T12:00:00Z');
    expect(paused).toMatchObject({ elapsedMs: 2 * HOUR, running: false, dueAt: null });
    const resumed = resolution(history, 8, '2026-11-23T13:00:00Z');
    // 2 h before the pause, 6 h left from 14:00 local → Tuesday 11:00 local
    expect(resumed.dueAt?.toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('records the breach instant, also when the ticket is paused or reopened later', () => {
    const history = [
      opened,
      { status: 'resolved', at: at('2026-11-24T12:00:00Z') }, // Tuesday 13:00 local: 9 + 4 = 13 h worked
      { status: 'in_progress', at: at('2026-11-25T08:00:00Z') }, // reopened Wednesday 09:00
    ];
    const state = resolution(history, 8, '2026-11-25T09:00:00Z');
    expect(state.breachedAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(state.dueAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(state.elapsedMs).toBe(14 * HOUR);
    expect(state.share).toBe(14 / 8);
  });

  it('gives the same result whatever order the history arrives in', () => {
    const history = [
      { status: 'pending', at: at('2026-11-23T10:00:00Z') },
      opened,
      { status: 'in_progress', at: at('2026-11-23T13:00:00Z') },
    ];
    const shuffled = resolution(history, 8, '2026-11-23T14:00:00Z');
    const ordered = resolution(
      [history[1], history[0], history[2]] as StatusChange[],
      8,
      '2026-11-23T14:00:00Z',
    );
    expect(shuffled).toEqual(ordered);
    expect(shuffled.elapsedMs).toBe(3 * HOUR);
  });

  it('changing the target later recomputes exactly (no counters)', () => {
    const history = [opened, { status: 'pending', at: at('2026-11-23T12:00:00Z') }];
    expect(resolution(history, 8, '2026-11-24T12:00:00Z').breachedAt).toBeNull();
    expect(resolution(history, 2, '2026-11-24T12:00:00Z').breachedAt?.toISOString()).toBe(
      '2026-11-23T10:00:00.000Z',
    );
  });
});
