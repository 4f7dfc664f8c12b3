import type { BadgeTone } from '../../components/ui/badge';

/** The fields of a ticket the SLA badge of a list needs. */
export type SlaFields = {
  status: string;
  sla: number | null;
  sla_state: 'ok' | 'at_risk' | 'breached' | null;
  due_resolution_at: string | null;
};

/** What a list shows of the resolution target now. */
export type SlaBadgeState =
  | { kind: 'none' }
  | { kind: 'paused' }
  | { kind: 'due'; minutes: number; health: 'ok' | 'at_risk' }
  | { kind: 'overdue'; minutes: number };

const PAUSED_STATUSES = new Set(['pending', 'waiting_approval']);
const RUNNING_STATUSES = new Set(['new', 'assigned', 'in_progress', 'pending', 'waiting_approval']);

const minutesBetween = (from: number, to: number) => Math.floor((to - from) / 60_000);

/**
 * The countdown of the resolution target at `now` (ms): time left, overdue, paused while the ticket
 * waits, or nothing (no SLA, or the ticket is no longer open).
 */
export function slaBadgeState(ticket: SlaFields, now: number): SlaBadgeState {
  if (ticket.sla === null || !RUNNING_STATUSES.has(ticket.status)) return { kind: 'none' };
  const due = ticket.due_resolution_at ? Date.parse(ticket.due_resolution_at) : Number.NaN;
  if (Number.isNaN(due)) {
    if (ticket.sla_state === 'breached') return { kind: 'overdue', minutes: 0 };
    return PAUSED_STATUSES.has(ticket.status) ? { kind: 'paused' } : { kind: 'none' };
  }
  if (ticket.sla_state === 'breached' || due <= now) {
    return { kind: 'overdue', minutes: Math.max(0, minutesBetween(due, now)) };
  }
  return {
    kind: 'due',
    minutes: minutesBetween(now, due),
    health: ticket.sla_state === 'at_risk' ? 'at_risk' : 'ok',
  };
}

export const slaBadgeTone = (state: SlaBadgeState): BadgeTone => {
  switch (state.kind) {
    case 'overdue':
      return 'rose';
    case 'due':
      return state.health === 'at_risk' ? 'amber' : 'emerald';
    default:
      return 'slate';
  }
};

const DAY_UNIT: Record<string, string> = { fr: 'j', en: 'd' };

/**
 * A duration in minutes, short and in whole units: "< 1 min", "45 min", "2 h 15 min", "3 d 4 h"
 * ("3 j 4 h" in French). Days are calendar days of 24 h.
 */
export function formatDuration(minutes: number, language: string): string {
  const total = Math.max(0, Math.floor(minutes));
  if (total < 1) return '< 1 min';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const day = DAY_UNIT[language.slice(0, 2)] ?? 'd';
  if (days > 0) return hours > 0 ? `${days} ${day} ${hours} h` : `${days} ${day}`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** One SLA clock of a ticket (first response or resolution), as the API gives it. */
export type ClockFields = {
  target_minutes: number;
  elapsed_minutes: number;
  share: number;
  is_running: boolean;
  due_at: string | null;
  breached_at: string | null;
  met_at: string | null;
  health: 'ok' | 'at_risk' | 'breached';
};

export type ClockState = 'met' | 'met_late' | 'breached' | 'running' | 'paused';

/** How a clock reads now: met (in time or late), breached, running or paused; the bar's width in %. */
export function clockView(
  clock: ClockFields,
  now: number,
): { state: ClockState; percent: number; tone: BadgeTone } {
  const percent = Math.round(Math.min(1, Math.max(0, clock.share)) * 100);
  if (clock.met_at) {
    return clock.breached_at
      ? { state: 'met_late', percent, tone: 'amber' }
      : { state: 'met', percent, tone: 'emerald' };
  }
  const due = clock.due_at ? Date.parse(clock.due_at) : Number.NaN;
  if (clock.breached_at || clock.health === 'breached' || (clock.is_running && due <= now)) {
    return { state: 'breached', percent: 100, tone: 'rose' };
  }
  if (!clock.is_running) return { state: 'paused', percent, tone: 'slate' };
  return { state: 'running', percent, tone: clock.health === 'at_risk' ? 'amber' : 'emerald' };
}
