import { describe, expect, it } from 'vitest';
import { type ClockFields, clockView, formatDuration, type SlaFields, slaBadgeState } from './sla';

const now = Date.parse('2026-11-24T10:00:00Z');
const ticket = (patch: Partial<SlaFields>): SlaFields => ({
  status: 'in_progress',
  sla: 1,
  sla_state: 'ok',
  due_resolution_at: '2026-11-24T12:30:00Z',
  ...patch,
});

describe('the SLA countdown of a list', () => {
  it('counts the time left, coloured by the health the server gives', () => {
    expect(slaBadgeState(ticket({}), now)).toEqual({ kind: 'due', minutes: 150, health: 'ok' });
    expect(slaBadgeState(ticket({ sla_state: 'at_risk' }), now)).toEqual({
      kind: 'due',
      minutes: 150,
      health: 'at_risk',
    });
  });

  it('says overdue once the due time has passed or the server says breached', () => {
    expect(slaBadgeState(ticket({ due_resolution_at: '2026-11-24T09:15:00Z' }), now)).toEqual({
      kind: 'overdue',
      minutes: 45,
    });
    expect(slaBadgeState(ticket({ sla_state: 'breached' }), now)).toEqual({ kind: 'overdue', minutes: 0 });
    expect(slaBadgeState(ticket({ sla_state: 'breached', due_resolution_at: null }), now)).toEqual({
      kind: 'overdue',
      minutes: 0,
    });
  });

  it('shows paused while the ticket waits (no due time), nothing without SLA or once done', () => {
    expect(slaBadgeState(ticket({ status: 'pending', due_resolution_at: null }), now)).toEqual({
      kind: 'paused',
    });
    expect(slaBadgeState(ticket({ status: 'waiting_approval', due_resolution_at: null }), now)).toEqual({
      kind: 'paused',
    });
    expect(slaBadgeState(ticket({ sla: null }), now)).toEqual({ kind: 'none' });
    expect(slaBadgeState(ticket({ status: 'resolved', sla_state: null }), now)).toEqual({ kind: 'none' });
    expect(slaBadgeState(ticket({ status: 'closed' }), now)).toEqual({ kind: 'none' });
    expect(slaBadgeState(ticket({ due_resolution_at: null }), now)).toEqual({ kind: 'none' });
  });
});

describe('short durations', () => {
  it('uses the largest two units, days in the language', () => {
    expect(formatDuration(0, 'fr')).toBe('< 1 min');
    expect(formatDuration(45, 'en')).toBe('45 min');
    expect(formatDuration(60, 'en')).toBe('1 h');
    expect(formatDuration(135, 'fr')).toBe('2 h 15 min');
    expect(formatDuration(3 * 1440 + 250, 'fr')).toBe('3 j 4 h');
    expect(formatDuration(3 * 1440 + 250, 'en')).toBe('3 d 4 h');
    expect(formatDuration(2 * 1440 + 5, 'en-GB')).toBe('2 d');
    expect(formatDuration(-5, 'en')).toBe('< 1 min');
  });
});

describe('an SLA clock of the ticket page', () => {
  const clock = (patch: Partial<ClockFields>): ClockFields => ({
    target_minutes: 480,
    elapsed_minutes: 120,
    share: 0.25,
    is_running: true,
    due_at: '2026-11-24T16:00:00Z',
    breached_at: null,
    met_at: null,
    health: 'ok',
    ...patch,
  });

  it('runs, pauses, breaches', () => {
    expect(clockView(clock({}), now)).toEqual({ state: 'running', percent: 25, tone: 'emerald' });
    expect(clockView(clock({ health: 'at_risk', share: 0.8 }), now).tone).toBe('amber');
    expect(clockView(clock({ is_running: false, due_at: null }), now)).toEqual({
      state: 'paused',
      percent: 25,
      tone: 'slate',
    });
    expect(clockView(clock({ due_at: '2026-11-24T09:00:00Z' }), now).state).toBe('breached');
    expect(clockView(clock({ share: 1.4, breached_at: '2026-11-24T09:00:00Z' }), now)).toEqual({
      state: 'breached',
      percent: 100,
      tone: 'rose',
    });
  });

  it('tells a target met in time from one met late', () => {
    expect(clockView(clock({ met_at: '2026-11-24T09:00:00Z', is_running: false }), now).state).toBe('met');
    expect(
      clockView(
        clock({ met_at: '2026-11-24T09:00:00Z', breached_at: '2026-11-24T08:00:00Z', share: 1.2 }),
        now,
      ),
    ).toEqual({ state: 'met_late', percent: 100, tone: 'amber' });
  });
});
