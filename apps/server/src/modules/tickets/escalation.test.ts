import { describe, expect, it } from 'vitest';
import { type EscalationLevel, levelsToFire } from './escalation.js';
import { slaHealth } from './sla/health.js';

const levels: EscalationLevel[] = [
  { id: 3, trigger: { kind: 'breach' } },
  { id: 1, trigger: { kind: 'share', share: 0.5 } },
  { id: 2, trigger: { kind: 'share', share: 0.75 } },
];
const state = (share: number, breached = false) => ({ share, breachedAt: breached ? new Date() : null });

describe('escalation levels', () => {
  it('fires each level once its trigger is reached, in trigger order', () => {
    expect(levelsToFire(levels, state(0.4), new Set())).toEqual([]);
    expect(levelsToFire(levels, state(0.8), new Set()).map((l) => l.id)).toEqual([1, 2]);
    expect(levelsToFire(levels, state(1.2, true), new Set()).map((l) => l.id)).toEqual([1, 2, 3]);
  });

  it('never fires a level twice, however often it is evaluated', () => {
    const fired = new Set<number>();
    const firings: number[] = [];
    for (const share of [0.1, 0.5, 0.6, 0.76, 0.9, 1.01, 1.5]) {
      for (const level of levelsToFire(levels, state(share, share > 1), fired)) {
        fired.add(level.id);
        firings.push(level.id);
      }
    }
    expect(firings).toEqual([1, 2, 3]);
  });
});

describe('SLA health', () => {
  it('is ok, then at risk from the warning share, then breached', () => {
    expect(slaHealth(state(0.5))).toBe('ok');
    expect(slaHealth(state(0.75))).toBe('at_risk');
    expect(slaHealth(state(0.9), 0.95)).toBe('ok');
    expect(slaHealth(state(1.2, true))).toBe('breached');
  });
});
