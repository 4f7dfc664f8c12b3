import { type SelectQueryBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { Party } from './workflow.js';

/**
 * Admin: every ticket; technician: the tickets of his structure and its sub-structures; user: the
 * tickets he asked for, watches, or must approve. Any query on `tickets`. For a list, the user's set
 * is a union of index lookups (cheap on a million tickets); for one ticket by id (`single`), the
 * same rules as conditions on that row, which needs no set at all.
 */
// biome-ignore lint/suspicious/noExplicitAny: any query that selects from tickets, joins and aliases included
export function scopeTickets<Q extends SelectQueryBuilder<any, any, any>>(
  actor: Actor,
  query: Q,
  { single = false } = {},
): Q {
  if (actor.role === 'admin') return query;
  if (actor.role === 'technician') {
    return (
      actor.structureIds.length === 0
        ? query.where(sql<boolean>`1 = 0`)
        : query.where(sql<boolean>`tickets.structure_id in (${sql.join(actor.structureIds)})`)
    ) as Q;
  }
  if (single) {
    return query.where(
      sql<boolean>`(tickets.requester_id = ${actor.id}
        or tickets.approver_user_id = ${actor.id}
        or exists (select 1 from ticket_watchers as w where w.ticket_id = tickets.id and w.user_id = ${actor.id})
        or exists (select 1 from group_members as gm
          where gm.group_id = tickets.approver_group_id and gm.user_id = ${actor.id}))`,
    ) as Q;
  }
  return query.where(
    sql<boolean>`tickets.id in (
      select own.id from tickets as own where own.requester_id = ${actor.id}
      union select w.ticket_id from ticket_watchers as w where w.user_id = ${actor.id}
      union select a.id from tickets as a where a.approver_user_id = ${actor.id}
      union select g.id from tickets as g
        join group_members as gm on gm.group_id = g.approver_group_id
        where gm.user_id = ${actor.id})`,
  ) as Q;
}

export type TicketParties = {
  requester_id: number;
  structure_id: number;
  approver_user_id: number | null;
  approver_group_id: number | null;
};

/** Who the actor is to this ticket (the workflow decides from it what he may do). */
export function partiesOf(actor: Actor, ticket: TicketParties, approverGroups: readonly number[]): Party[] {
  const parties: Party[] = [];
  if (ticket.requester_id === actor.id) parties.push('requester');
  if (isStaffOf(actor, ticket)) parties.push('staff');
  const namedApprover =
    ticket.approver_user_id === actor.id ||
    (ticket.approver_group_id !== null && approverGroups.includes(ticket.approver_group_id));
  // Administrators may answer any approval (e.g. a requester without a manager).
  if (namedApprover || actor.role === 'admin') parties.push('approver');
  return parties;
}

/** Support staff who may work on this ticket: administrators, technicians of its structure tree. */
export function isStaffOf(actor: Actor, ticket: Pick<TicketParties, 'structure_id'>): boolean {
  return (
    actor.role === 'admin' ||
    (actor.role === 'technician' && actor.structureIds.includes(ticket.structure_id))
  );
}
