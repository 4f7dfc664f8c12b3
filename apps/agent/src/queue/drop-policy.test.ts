import { describe, expect, it } from 'vitest';
import { planPush, planTrim } from './drop-policy.js';
import type { QueueKind } from './queue-entry.js';

const queue = (...kinds: QueueKind[]) => kinds.map((kind, i) => ({ id: String(i + 1), kind }));

describe('planPush', () => {
  it('accepts without removing anything below the bound', () => {
    expect(planPush(queue('ticket', 'inventory'), 'inventory', 3)).toEqual({
      accept: true,
      replace: [],
      drop: [],
    });
  });

  it('replaces the queued heartbeat, full or not', () => {
    expect(planPush(queue('heartbeat', 'ticket'), 'heartbeat', 10)).toEqual({
      accept: true,
      replace: ['1'],
      drop: [],
    });
    expect(planPush(queue('ticket', 'heartbeat'), 'heartbeat', 2)).toEqual({
      accept: true,
      replace: ['2'],
      drop: [],
    });
  });

  it('drops heartbeats, then inventories, then instruction results, oldest first', () => {
    const full = queue('instruction_result', 'inventory', 'heartbeat', 'inventory');
    expect(planPush(full, 'ticket', 4)).toEqual({ accept: true, replace: [], drop: ['3'] });
    expect(planPush(queue('instruction_result', 'inventory', 'inventory'), 'ticket', 3)).toEqual({
      accept: true,
      replace: [],
      drop: ['2'],
    });
    expect(planPush(queue('instruction_result', 'ticket', 'instruction_result'), 'ticket', 3)).toEqual({
      accept: true,
      replace: [],
      drop: ['1'],
    });
  });

  it('never displaces an entry worth more than the pushed one', () => {
    expect(planPush(queue('inventory', 'ticket'), 'heartbeat', 2)).toEqual({ accept: false });
    expect(planPush(queue('instruction_result', 'ticket'), 'inventory', 2)).toEqual({ accept: false });
    expect(planPush(queue('inventory', 'ticket'), 'instruction_result', 2)).toEqual({
      accept: true,
      replace: [],
      drop: ['1'],
    });
  });

  it('accepts a ticket past the bound when only tickets are queued', () => {
    expect(planPush(queue('ticket', 'ticket'), 'ticket', 2)).toEqual({ accept: true, replace: [], drop: [] });
  });
});

describe('planTrim', () => {
  it('keeps only the last heartbeat and brings the queue back under a lowered bound', () => {
    expect(planTrim(queue('heartbeat', 'ticket', 'inventory', 'heartbeat', 'inventory'), 3)).toEqual({
      replace: ['1'],
      drop: ['4'],
    });
    expect(planTrim(queue('ticket', 'ticket', 'ticket'), 1)).toEqual({ replace: [], drop: [] });
  });
});
