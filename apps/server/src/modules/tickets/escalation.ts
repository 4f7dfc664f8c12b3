import type { ClockState } from './sla/clock.js';

// Escalation levels of an SLA fire when a share of the target has elapsed (e.g. 0.75) or at breach.
// A level fires once per ticket: the caller records fired levels (unique per ticket and level in the
// database, so that two nodes or a restart cannot fire it twice) and passes them back here.

export type EscalationTrigger = { kind: 'share'; share: number } | { kind: 'breach' };

export type EscalationLevel = { id: number; trigger: EscalationTrigger };

export function isTriggered(
  trigger: EscalationTrigger,
  state: Pick<ClockState, 'share' | 'breachedAt'>,
): boolean {
  return trigger.kind === 'breach' ? state.breachedAt !== null : state.share >= trigger.share;
}

/** The levels to fire now, in the order of their triggers, leaving out those already fired. */
export function levelsToFire(
  levels: readonly EscalationLevel[],
  state: Pick<ClockState, 'share' | 'breachedAt'>,
  fired: ReadonlySet<number>,
): EscalationLevel[] {
  const order = (l: EscalationLevel) => (l.trigger.kind === 'breach' ? 1 : Math.min(l.trigger.share, 1));
  return levels
    .filter((level) => !fired.has(level.id) && isTriggered(level.trigger, state))
    .sort((a, b) => order(a) - order(b) || a.id - b.id);
}
