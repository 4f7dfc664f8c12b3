import type { ClockState } from './clock.js';

export type SlaHealth = 'ok' | 'at_risk' | 'breached';

/** ok below the first warning share, at risk from it, breached past the target. */
export function slaHealth(state: Pick<ClockState, 'share' | 'breachedAt'>, warningShare = 0.75): SlaHealth {
  if (state.breachedAt !== null || state.share > 1) return 'breached';
  return state.share >= warningShare ? 'at_risk' : 'ok';
}
