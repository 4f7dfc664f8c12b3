import type { Kysely } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { DB } from '../../db/types.js';
import { fieldError } from '../../platform/errors/app-error.js';
import { pickMember } from './routing.js';
import { groupFor, type RoutingSnapshot } from './routing-rules.js';
import type { TicketStatus } from './workflow.js';

// Steps shared by the ticket commands, always inside the caller's transaction.

export type EventInput = {
  kind: string;
  status?: TicketStatus | null;
  actorId: number | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  isInternal?: boolean;
};

export async function recordEvent(db: Kysely<DB>, ticketId: number, event: EventInput, at: string) {
  await recordEvents(db, ticketId, [event], at);
}

/** Several events of one instant, in this order, in one statement. */
export async function recordEvents(db: Kysely<DB>, ticketId: number, events: EventInput[], at: string) {
  await db
    .insertInto('ticket_events')
    .values(
      events.map((event) => ({
        ticket_id: ticketId,
        kind: event.kind,
        status: event.status ?? null,
        actor_id: event.actorId,
        reason: event.reason ?? null,
        data_json: event.data ? toJson(event.data) : null,
        is_internal: event.isInternal ?? false,
        created_at: at,
      })),
    )
    .execute();
}

/** An active administrator or technician, or a 400 naming the field. */
export async function checkAgent(db: Kysely<DB>, userId: number, field: string) {
  const agent = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('is_active', '=', true)
    .where('role', 'in', ['admin', 'technician'])
    .executeTakeFirst();
  if (!agent) throw fieldError('body', field, 'No active support member with this id');
}

/** Where the rules send a ticket: its group and, when the rule says so, the least loaded member. */
export async function routeTicket(
  db: Kysely<DB>,
  routing: RoutingSnapshot,
  ticket: { categoryId: number | null; structureId: number },
): Promise<{ groupId: number | null; assigneeId: number | null }> {
  const route = groupFor(routing, ticket);
  if (!route) return { groupId: null, assigneeId: null };
  const assigneeId = route.pickMember ? await pickMember(db, route.groupId, ticket.structureId) : null;
  return { groupId: route.groupId, assigneeId };
}

export async function groupMemberIds(
  db: Kysely<DB>,
  groupId: number | null,
  staffOnly = true,
): Promise<number[]> {
  if (groupId === null) return [];
  let query = db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select('users.id')
    .where('group_members.group_id', '=', groupId)
    .where('users.is_active', '=', true);
  if (staffOnly) query = query.where('users.role', 'in', ['admin', 'technician']);
  return (await query.execute()).map((r) => r.id);
}

export async function watcherIds(db: Kysely<DB>, ticketId: number, staffOnly = false): Promise<number[]> {
  let query = db
    .selectFrom('ticket_watchers')
    .innerJoin('users', 'users.id', 'ticket_watchers.user_id')
    .select('users.id')
    .where('ticket_watchers.ticket_id', '=', ticketId);
  if (staffOnly) query = query.where('users.role', 'in', ['admin', 'technician']);
  return (await query.execute()).map((r) => r.id);
}

export async function replaceWatchers(
  db: Kysely<DB>,
  ticketId: number,
  userIds: readonly number[],
  at: string,
) {
  await db.deleteFrom('ticket_watchers').where('ticket_id', '=', ticketId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db
    .insertInto('ticket_watchers')
    .values(unique.map((user_id) => ({ ticket_id: ticketId, user_id, created_at: at })))
    .execute();
}
