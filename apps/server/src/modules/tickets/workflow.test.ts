import { describe, expect, it } from 'vitest';
import { availableActions, STATUSES, type TicketAction, transition, WORKFLOW } from './workflow.js';

describe('ticket workflow', () => {
  it('follows the spec’s flow: created, assigned, in progress, resolved, validated by the requester', () => {
    const steps: Array<[TicketAction, 'staff' | 'requester' | 'system']> = [
      ['assign', 'system'],
      ['start', 'staff'],
      ['resolve', 'staff'],
      ['validate', 'requester'],
    ];
    let status: (typeof STATUSES)[number] = 'new';
    for (const [action, party] of steps) {
      const result = transition(status, action, [party]);
      expect(result.ok, `${action} from ${status}`).toBe(true);
      if (result.ok) status = result.to;
    }
    expect(status).toBe('closed');
  });

  it('sends a rejected resolution back to work, with a reason', () => {
    expect(transition('resolved', 'reject', ['requester'])).toEqual({
      ok: false,
      refusal: 'reason_required',
    });
    expect(transition('resolved', 'reject', ['requester'], 'still broken')).toEqual({
      ok: true,
      to: 'in_progress',
    });
  });

  it('keeps each action to its parties', () => {
    expect(transition('in_progress', 'resolve', ['requester'])).toEqual({
      ok: false,
      refusal: 'not_allowed_for_you',
    });
    expect(transition('resolved', 'validate', ['staff'])).toEqual({
      ok: false,
      refusal: 'not_allowed_for_you',
    });
    expect(transition('waiting_approval', 'approve', ['staff'])).toEqual({
      ok: false,
      refusal: 'not_allowed_for_you',
    });
    expect(transition('waiting_approval', 'approve', ['approver'])).toEqual({ ok: true, to: 'new' });
    expect(transition('resolved', 'auto_close', ['system'])).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses actions from the wrong status', () => {
    expect(transition('closed', 'resolve', ['staff'])).toEqual({
      ok: false,
      refusal: 'not_from_this_status',
    });
    expect(transition('cancelled', 'reopen', ['staff'], 'x')).toEqual({
      ok: false,
      refusal: 'not_from_this_status',
    });
    expect(transition('new', 'validate', ['requester'])).toEqual({
      ok: false,
      refusal: 'not_from_this_status',
    });
  });

  it('lists the buttons of each party', () => {
    expect(availableActions('resolved', ['requester'])).toEqual(['validate', 'reject']);
    expect(availableActions('in_progress', ['staff'])).toEqual(['wait', 'resolve', 'cancel']);
    expect(availableActions('closed', ['requester'])).toEqual([]);
  });

  it('only names known statuses, and every status but closed/cancelled has a way forward', () => {
    for (const rule of Object.values(WORKFLOW)) {
      for (const status of [...rule.from, rule.to]) expect(STATUSES).toContain(status);
    }
    for (const status of STATUSES) {
      const exits = Object.values(WORKFLOW).filter((r) => (r.from as readonly string[]).includes(status));
      expect(exits.length > 0, status).toBe(status !== 'cancelled');
    }
  });
});
