import type { Ticket, TicketStatus } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import { slaStateOf, ticketNumber } from './ticket-list.js';

const fullName = (alias: string) =>
  sql<string | null>`${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}`;

/** A ticket with the names a list shows; scope it (scopeTickets) before running. */
export function selectTickets(db: Kysely<DB>) {
  return db
    .selectFrom('tickets')
    .innerJoin('users as requester', 'requester.id', 'tickets.requester_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .leftJoin('ticket_categories as category', 'category.id', 'tickets.category_id')
    .leftJoin('groups as assigned_group', 'assigned_group.id', 'tickets.group_id')
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
      'category.name as category_name',
      'tickets.requester_id',
      fullName('requester').as('requester_name'),
      'tickets.assignee_id',
      fullName('assignee').as('assignee_name'),
      'tickets.group_id',
      'assigned_group.name as group_name',
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
