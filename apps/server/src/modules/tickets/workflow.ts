// The ticket workflow as one table: which action moves a ticket from which statuses to which, and who may
// take it. new → assigned → in progress ↔ pending → resolved → closed; the requester validates (closed) or
// rejects (back to in progress); approval comes first when the category asks for it; cancel with a reason.

import { TICKET_STATUSES, type TicketStatus } from '@itsm/contracts';

export { TICKET_STATUSES as STATUSES, type TicketStatus };

/** Who acts, relative to the ticket: its requester, support staff in scope, an approver, or the system (jobs). */
export type Party = 'requester' | 'staff' | 'approver' | 'system';

type Rule = { from: readonly TicketStatus[]; to: TicketStatus; by: readonly Party[]; reason?: 'required' };

const OPEN: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending'];

export const WORKFLOW = {
  approve: { from: ['waiting_approval'], to: 'new', by: ['approver'] },
  refuse: { from: ['waiting_approval'], to: 'cancelled', by: ['approver'], reason: 'required' },
  assign: { from: ['new', 'assigned'], to: 'assigned', by: ['staff', 'system'] },
  start: { from: ['new', 'assigned'], to: 'in_progress', by: ['staff'] },
  wait: { from: ['assigned', 'in_progress'], to: 'pending', by: ['staff'], reason: 'required' },
  resume: { from: ['pending'], to: 'in_progress', by: ['staff', 'requester', 'system'] },
  resolve: { from: ['assigned', 'in_progress', 'pending'], to: 'resolved', by: ['staff'] },
  validate: { from: ['resolved'], to: 'closed', by: ['requester'] },
  reject: { from: ['resolved'], to: 'in_progress', by: ['requester'], reason: 'required' },
  auto_close: { from: ['resolved'], to: 'closed', by: ['system'] },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress', by: ['staff'], reason: 'required' },
  cancel: {
    from: ['waiting_approval', ...OPEN],
    to: 'cancelled',
    by: ['requester', 'staff'],
    reason: 'required',
  },
} as const satisfies Record<string, Rule>;

export type TicketAction = keyof typeof WORKFLOW;

export type TransitionRefusal = 'not_from_this_status' | 'not_allowed_for_you' | 'reason_required';

/** The next status, or why the action is refused. Pure: permissions on the ticket itself are checked before. */
export function transition(
  status: TicketStatus,
  action: TicketAction,
  parties: readonly Party[],
  reason?: string,
): { ok: true; to: TicketStatus } | { ok: false; refusal: TransitionRefusal } {
  const rule: Rule = WORKFLOW[action];
  if (!rule.from.includes(status)) return { ok: false, refusal: 'not_from_this_status' };
  if (!rule.by.some((party) => parties.includes(party))) return { ok: false, refusal: 'not_allowed_for_you' };
  if (rule.reason === 'required' && !reason?.trim()) return { ok: false, refusal: 'reason_required' };
  return { ok: true, to: rule.to };
}

/** The actions these parties may take on a ticket in this status (to show the right buttons). */
export function availableActions(status: TicketStatus, parties: readonly Party[]): TicketAction[] {
  return (Object.keys(WORKFLOW) as TicketAction[]).filter((action) => {
    const rule: Rule = WORKFLOW[action];
    return rule.from.includes(status) && rule.by.some((party) => parties.includes(party));
  });
}

/** Statuses during which the resolution clock of the SLA runs (not while waiting for approval, the user or a supplier). */
export function resolutionClockRuns(status: TicketStatus): boolean {
  return status === 'new' || status === 'assigned' || status === 'in_progress';
}

export const isOpen = (status: TicketStatus) => (OPEN as readonly string[]).includes(status);
