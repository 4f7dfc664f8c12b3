import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../workflow.js';
import type { BusinessCalendar } from './calendar.js';
import { dueSteps, nextCheckAt, type SlaDefinition, slaPlan, type TicketFacts } from './plan.js';

const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  hours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
  holidays: ['2026-12-25'],
};
const targets = Object.fromEntries(
  [1, 2, 3, 4, 5].map((p) => [
    String(p),
    { first_response_minutes: 60 * (6 - p), resolution_minutes: 480 * (6 - p) },
  ]),
);
// Priority 5: first response 1 h, resolution 8 h.
const sla: SlaDefinition = {
  targets,
  warningShares: [0.75, 1],
  levels: [
    { id: 7, target: 'resolution', triggerShare: 0.5 },
    { id: 8, target: 'resolution', triggerShare: null },
  ],
  calendar: paris,
};
const at = (iso: string) => new Date(iso);
// Monday 23 Nov 2026 09:00 Paris = 08:00Z.
const created = { status: 'new' as TicketStatus, at: at('2026-11-23T08:00:00Z') };

function facts(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    priority: 5,
    status: 'new',
    history: [created],
    firstResponseAt: null,
    resolvedAt: null,
    ...overrides,
  };
}

describe('SLA plan of a ticket', () => {
  it('gives both deadlines, the at-risk instant and every step with its instant', () => {
    const plan = slaPlan(sla, facts(), at('2026-11-23T09:00:00Z'));
    expect(plan.firstResponse.dueAt?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(plan.resolution.dueAt?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(plan.warningAt?.toISOString()).toBe('2026-11-23T14:00:00.000Z'); // 6 h of 8
    const byKey = Object.fromEntries(plan.steps.map((s) => [s.key, s.at?.toISOString() ?? null]));
    expect(byKey).toMatchObject({
      'resolution:warning:0.75': '2026-11-23T14:00:00.000Z',
      'resolution:level:7': '2026-11-23T12:00:00.000Z',
      'resolution:level:8': '2026-11-23T16:00:00.000Z',
      'resolution:breach': '2026-11-23T16:00:00.000Z',
      'first_response:breach': '2026-11-23T09:00:00.000Z',
    });
    expect(plan.resolution.health).toBe('ok');
  });

  it('stops the first-response clock when answered and keeps the rest of the history out of it', () => {
    const history = [
      created,
      { status: 'in_progress' as TicketStatus, at: at('2026-11-23T08:30:00Z') },
      { status: 'pending' as TicketStatus, at: at('2026-11-23T09:00:00Z') },
    ];
    const plan = slaPlan(
      sla,
      facts({ history, status: 'pending', firstResponseAt: at('2026-11-23T08:30:00Z') }),
      at('2026-11-24T12:00:00Z'),
    );
    expect(plan.firstResponse).toMatchObject({
      elapsedMs: 30 * 60_000,
      running: false,
      breachedAt: null,
      health: 'ok',
    });
    expect(plan.firstResponse.metAt?.toISOString()).toBe('2026-11-23T08:30:00.000Z');
    expect(plan.steps.find((s) => s.key === 'first_response:breach')?.at).toBeNull();
    // Resolution paused while pending: no deadline, no future step.
    expect(plan.resolution).toMatchObject({ running: false, dueAt: null, elapsedMs: 60 * 60_000 });
    expect(plan.warningAt).toBeNull();
  });

  it('keeps the breach instant of a late answer for reports', () => {
    const plan = slaPlan(
      sla,
      facts({ firstResponseAt: at('2026-11-23T10:00:00Z') }),
      at('2026-11-23T11:00:00Z'),
    );
    expect(plan.firstResponse.breachedAt?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(plan.firstResponse.health).toBe('breached');
  });

  it('a resolved ticket stops its clock; a reopened one continues from the same elapsed time', () => {
    const resolvedHistory = [
      created,
      { status: 'in_progress' as TicketStatus, at: at('2026-11-23T09:00:00Z') },
      { status: 'resolved' as TicketStatus, at: at('2026-11-23T10:00:00Z') },
    ];
    const resolved = slaPlan(
      sla,
      facts({ history: resolvedHistory, status: 'resolved', resolvedAt: at('2026-11-23T10:00:00Z') }),
      at('2026-11-25T10:00:00Z'),
    );
    expect(resolved.resolution).toMatchObject({
      elapsedMs: 2 * 3_600_000,
      running: false,
      dueAt: null,
      health: 'ok',
    });
    expect(resolved.steps.filter((s) => s.target === 'resolution').every((s) => s.at === null)).toBe(true);

    const reopened = slaPlan(
      sla,
      facts({
        history: [...resolvedHistory, { status: 'in_progress', at: at('2026-11-24T08:00:00Z') }],
        status: 'in_progress',
      }),
      at('2026-11-24T08:00:00Z'),
    );
    // 2 h used on Monday, 6 h left from Tuesday 09:00 Paris → 15:00 Paris.
    expect(reopened.resolution.dueAt?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('lists due steps once, in the order they fell due, and the next check instant', () => {
    const plan = slaPlan(sla, facts(), at('2026-11-23T15:00:00Z'));
    const due = dueSteps(plan, new Set(['first_response:breach']), at('2026-11-23T15:00:00Z'));
    expect(due.map((s) => s.key)).toEqual([
      'first_response:warning:0.75',
      'resolution:level:7',
      'resolution:warning:0.75',
    ]);
    const fired = new Set(['first_response:breach', ...due.map((s) => s.key)]);
    expect(dueSteps(plan, fired, at('2026-11-23T15:00:00Z'))).toEqual([]);
    expect(nextCheckAt(plan, fired)?.toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('a changed priority gives new targets from the same history', () => {
    const low = slaPlan(sla, facts({ priority: 1 }), at('2026-11-23T09:00:00Z'));
    // 40 working hours of 9-hour days from Monday 09:00 → Friday 13:00 Paris = 12:00Z.
    expect(low.resolution.dueAt?.toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });
});
