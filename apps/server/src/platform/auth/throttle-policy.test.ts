import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMITS, registerAttempt, type ThrottleState } from './throttle-policy.js';

const start = new Date('2026-11-24T10:00:00.000Z');
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function run(times: number[]): {
  decisions: ReturnType<typeof registerAttempt>[];
  state: ThrottleState | undefined;
} {
  let state: ThrottleState | undefined;
  const decisions = times.map((t) => {
    const decision = registerAttempt(state, at(t), ACCOUNT_LIMITS);
    state = decision.next;
    return decision;
  });
  return { decisions, state };
}

describe('login throttling rule', () => {
  it('allows five attempts, then locks for a minute', () => {
    const { decisions } = run([0, 1, 2, 3, 4, 5]);
    expect(decisions.slice(0, 5).every((d) => d.allowed)).toBe(true);
    expect(decisions[5]).toMatchObject({ allowed: false, retryAfterSeconds: 60, lockedNow: true });
  });

  it('refuses attempts during the lock without extending it', () => {
    const { decisions } = run([0, 1, 2, 3, 4, 5, 30]);
    expect(decisions[6]).toMatchObject({ allowed: false, retryAfterSeconds: 35, lockedNow: false });
  });

  it('lets one attempt through when a lock runs out, arming a lock twice as long', () => {
    const { decisions } = run([0, 1, 2, 3, 4, 5, 70, 71, 200]);
    expect(decisions[6]).toMatchObject({ allowed: true });
    expect(decisions[6]?.next.locked_until).toBe(at(70 + 120).toISOString());
    // should that attempt fail, the next one waits for the armed lock
    expect(decisions[7]).toMatchObject({ allowed: false, retryAfterSeconds: 119, lockedNow: false });
    expect(decisions[8]).toMatchObject({ allowed: true });
    expect(decisions[8]?.next.locked_until).toBe(at(200 + 240).toISOString());
  });

  it('forgets a key after an hour without attempts', () => {
    const { decisions } = run([0, 1, 2, 3, 4, 4000]);
    expect(decisions[5]).toMatchObject({ allowed: true });
    expect(decisions[5]?.next.failures).toBe(1);
  });

  it('never locks for more than an hour', () => {
    let state: ThrottleState | undefined;
    let t = 0;
    const locks: number[] = [];
    for (let i = 0; i < 12; i++) {
      const decision = registerAttempt(state, at(t), ACCOUNT_LIMITS);
      state = decision.next;
      const lock = state.locked_until ? (Date.parse(state.locked_until) - at(t).getTime()) / 1000 : 0;
      if (lock > 0) locks.push(lock);
      t += lock + 1;
    }
    expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
  });
});
