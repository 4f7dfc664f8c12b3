import type { Ticket, TicketStatus } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { ListParams } from '../../platform/lists/index.js';
import { userNameOf } from '../users/users.repository.js';
import { applyTicketFilters, slaStateOf, ticketNumber } from './ticket-list.js';
import { scopeTickets } from './tickets.policy.js';

/** A ticket with the names a list shows; scope it (scopeTickets) before running. */
export function selectTickets(db: Kysely<DB>) {
  return db
    .selectFrom('tickets')
    .select([
      'tickets.id',
      'tickets.title',
      'tickets.description',
      'tickets.type',
      'tickets.status',
      'tickets.urgency',
      'tickets.impact',
      'tickets.priority',
      'tickets.category_id',
      sql<string | null>`(select c.name from ticket_categories as c where c.id = tickets.category_id)`.as(
        'category_name',
      ),
      'tickets.requester_id',
      userNameOf('tickets.requester_id').as('requester_name'),
      'tickets.assignee_id',
      userNameOf('tickets.assignee_id').as('assignee_name'),
      'tickets.group_id',
      sql<string | null>`(select g.name from groups as g where g.id = tickets.group_id)`.as('group_name'),
      'tickets.structure_id',
      'tickets.site_id',
      'tickets.machine_id',
      'tickets.source',
      'tickets.sla_id',
      'tickets.due_first_response_at',
      'tickets.due_resolution_at',
      'tickets.sla_warning_at',
      'tickets.first_response_at',
      'tickets.first_response_breached_at',
      'tickets.resolution_breached_at',
      'tickets.resolved_at',
      'tickets.closed_at',
      'tickets.created_at',
      'tickets.updated_at',
    ]);
}

/** A list's query, scoped and filtered, and the params left for paginate (also read by the query-plan tool). */
export function ticketListQuery(
  db: Kysely<DB>,
  dialect: DialectHelpers,
  actor: Actor,
  params: ListParams,
  now: string,
) {
  return applyTicketFilters(scopeTickets(actor, selectTickets(db)), params, actor, now, dialect);
}

export type TicketRow = Awaited<ReturnType<ReturnType<typeof selectTickets>['executeTakeFirstOrThrow']>>;

export function toTicket(row: TicketRow, now: string): Ticket {
  return {
    id: row.id,
    number: ticketNumber(row.id),
    title: row.title,
    description: row.description,
    type: row.type as Ticket['type'],
    status: row.status as TicketStatus,
    urgency: row.urgency,
    impact: row.impact,
    priority: row.priority,
    category: row.category_id,
    category_name: row.category_name,
    requester: row.requester_id,
    requester_name: row.requester_name ?? '',
    assignee: row.assignee_id,
    assignee_name: row.assignee_id === null ? null : row.assignee_name,
    group: row.group_id,
    group_name: row.group_name,
    structure: row.structure_id,
    site: row.site_id,
    machine: row.machine_id,
    source: row.source as Ticket['source'],
    sla: row.sla_id,
    sla_state: slaStateOf(row, now),
    due_first_response_at: row.due_first_response_at,
    due_resolution_at: row.due_resolution_at,
    first_response_at: row.first_response_at,
    first_response_breached_at: row.first_response_breached_at,
    resolution_breached_at: row.resolution_breached_at,
    resolved_at: row.resolved_at,
    closed_at: row.closed_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Every status the ticket went through, oldest first (the SLA clocks are computed from it). */
export async function statusHistory(db: Kysely<DB>, ticketId: number) {
  const rows = await db
    .selectFrom('ticket_events')
    .select(['status', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .where('status', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ status: r.status as TicketStatus, at: new Date(r.created_at) }));
}

/** The groups the user belongs to (approver groups, "unassigned in my groups"). */
export async function groupsOf(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('group_members')
    .select('group_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.group_id);
}
