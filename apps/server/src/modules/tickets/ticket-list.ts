import {
  OPEN_TICKET_STATUSES,
  SLA_HEALTHS,
  type SlaHealth,
  TICKET_SOURCES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@itsm/contracts';
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import { defineList, type ListFilter, type ListParams } from '../../platform/lists/index.js';

export const TICKET_VIEWS = ['mine', 'my_open', 'unassigned_in_my_groups', 'at_risk', 'watching'] as const;
type TicketView = (typeof TICKET_VIEWS)[number];

// `sla_state` and `view` are computed (see applyTicketFilters); their column names are placeholders.
export const ticketList = defineList({
  filters: {
    status: { type: 'enum', column: 'tickets.status', values: TICKET_STATUSES, ops: ['eq', 'in'] },
    type: { type: 'enum', column: 'tickets.type', values: TICKET_TYPES, ops: ['eq'] },
    source: { type: 'enum', column: 'tickets.source', values: TICKET_SOURCES, ops: ['eq', 'in'] },
    priority: { type: 'int', column: 'tickets.priority', ops: ['eq', 'gte', 'lte', 'in'] },
    urgency: { type: 'int', column: 'tickets.urgency', ops: ['eq', 'gte', 'lte', 'in'] },
    impact: { type: 'int', column: 'tickets.impact', ops: ['eq', 'gte', 'lte', 'in'] },
    category: { type: 'int', column: 'tickets.category_id', ops: ['eq', 'in', 'isnull'] },
    assignee: { type: 'int', column: 'tickets.assignee_id', ops: ['eq', 'in', 'isnull'] },
    group: { type: 'int', column: 'tickets.group_id', ops: ['eq', 'in', 'isnull'] },
    requester: { type: 'int', column: 'tickets.requester_id', ops: ['eq', 'in'] },
    structure: { type: 'int', column: 'tickets.structure_id', ops: ['eq', 'in'] },
    site: { type: 'int', column: 'tickets.site_id', ops: ['eq', 'in', 'isnull'] },
    machine: { type: 'int', column: 'tickets.machine_id', ops: ['eq', 'isnull'] },
    sla: { type: 'int', column: 'tickets.sla_id', ops: ['eq', 'isnull'] },
    sla_state: {
      type: 'enum',
      column: 'sla_state',
      values: SLA_HEALTHS,
      ops: ['eq', 'in'],
      description: 'State of the resolution target now, for open tickets with an SLA',
    },
    view: {
      type: 'enum',
      column: 'view',
      values: TICKET_VIEWS,
      ops: ['eq'],
      description:
        'Built-in views: mine (I asked), my_open (assigned to me, open), unassigned_in_my_groups, at_risk (at risk or breached), watching',
    },
    created_at: { type: 'datetime', column: 'tickets.created_at', ops: ['gte', 'lte'] },
    updated_at: { type: 'datetime', column: 'tickets.updated_at', ops: ['gte', 'lte'] },
    due_resolution_at: {
      type: 'datetime',
      column: 'tickets.due_resolution_at',
      ops: ['gte', 'lte', 'isnull'],
    },
    resolved_at: { type: 'datetime', column: 'tickets.resolved_at', ops: ['gte', 'lte', 'isnull'] },
    closed_at: { type: 'datetime', column: 'tickets.closed_at', ops: ['gte', 'lte', 'isnull'] },
  },
  // Applied by applyTicketFilters (which also matches ticket numbers).
  search: ['tickets.title', 'tickets.description'],
  ordering: {
    created_at: 'tickets.created_at',
    updated_at: 'tickets.updated_at',
    priority: 'tickets.priority',
    due_resolution_at: 'tickets.due_resolution_at',
    status: 'tickets.status',
    title: 'tickets.title',
    id: 'tickets.id',
  },
  nullable: ['due_resolution_at'],
  defaultOrdering: '-created_at',
  tiebreaker: 'tickets.id',
});

/** Lists stop counting here: past it the count is a flagged lower bound (see paginate). */
export const TICKET_COUNT_LIMIT = 10_000;

const open = () => sql<SqlBool>`tickets.status in (${sql.join(OPEN_TICKET_STATUSES)})`;

/** The SQL of one SLA state at `now`, matching slaStateOf. */
function slaStateCondition(state: SlaHealth, now: string): Expression<SqlBool> {
  const breached = sql<SqlBool>`(tickets.resolution_breached_at is not null or tickets.due_resolution_at <= ${now})`;
  const warned = sql<SqlBool>`tickets.sla_warning_at <= ${now}`;
  const base = sql<SqlBool>`tickets.sla_id is not null and ${open()}`;
  switch (state) {
    case 'breached':
      return sql<SqlBool>`(${base} and ${breached})`;
    case 'at_risk':
      return sql<SqlBool>`(${base} and not ${breached} and ${warned})`;
    case 'ok':
      return sql<SqlBool>`(${base} and not ${breached} and (tickets.sla_warning_at is null or tickets.sla_warning_at > ${now}))`;
  }
}

/** The state of the resolution target at `now` from the cached instants (null: no SLA, or no longer open). */
export function slaStateOf(
  row: {
    status: string;
    sla_id: number | null;
    resolution_breached_at: string | null;
    due_resolution_at: string | null;
    sla_warning_at: string | null;
  },
  now: string,
): SlaHealth | null {
  if (row.sla_id === null || !(OPEN_TICKET_STATUSES as readonly string[]).includes(row.status)) return null;
  if (row.resolution_breached_at !== null || (row.due_resolution_at !== null && row.due_resolution_at <= now))
    return 'breached';
  if (row.sla_warning_at !== null && row.sla_warning_at <= now) return 'at_risk';
  return 'ok';
}

function viewCondition(view: TicketView, actor: Actor, now: string): Expression<SqlBool> {
  switch (view) {
    case 'mine':
      return sql<SqlBool>`tickets.requester_id = ${actor.id}`;
    case 'my_open':
      return sql<SqlBool>`(tickets.assignee_id = ${actor.id} and ${open()})`;
    case 'unassigned_in_my_groups':
      return sql<SqlBool>`(tickets.assignee_id is null and ${open()} and tickets.group_id in
        (select my_groups.group_id from group_members as my_groups where my_groups.user_id = ${actor.id}))`;
    case 'at_risk':
      return sql<SqlBool>`(${slaStateCondition('at_risk', now)} or ${slaStateCondition('breached', now)})`;
    case 'watching':
      return sql<SqlBool>`tickets.id in (select watched.ticket_id from ticket_watchers as watched where watched.user_id = ${actor.id})`;
  }
}

/** A ticket reference typed in the search box: "T-000042", "#42" or "42". */
const TICKET_REFERENCE = /^(?:t-?|#)?0*(\d{1,15})$/i;

/**
 * Applies the computed filters (sla_state, view) and the search (title, description, or a ticket
 * number); returns the params left for the generic filters.
 */
export function applyTicketFilters<O>(
  query: SelectQueryBuilder<DB, 'tickets', O>,
  params: ListParams,
  actor: Actor,
  now: string,
  dialect: DialectHelpers,
): { query: SelectQueryBuilder<DB, 'tickets', O>; rest: ListParams } {
  let q = query;
  const computed = (f: ListFilter) => f.column === 'sla_state' || f.column === 'view';
  for (const filter of params.filters.filter(computed)) {
    if (filter.column === 'view') q = q.where(viewCondition(filter.value as TicketView, actor, now));
    else {
      const states = (filter.op === 'in' ? filter.value : [filter.value]) as SlaHealth[];
      q = q.where((eb) => eb.or(states.map((s) => slaStateCondition(s, now))));
    }
  }
  const search = params.search?.trim();
  if (search) {
    const reference = TICKET_REFERENCE.exec(search);
    q = q.where((eb) =>
      eb.or([
        dialect.containsText(sql.ref('tickets.title'), search),
        dialect.containsText(sql.ref('tickets.description'), search),
        ...(reference ? [eb('tickets.id', '=', Number(reference[1]))] : []),
      ]),
    );
  }
  return { query: q, rest: { ...params, search: null, filters: params.filters.filter((f) => !computed(f)) } };
}

/** "T-000042" */
export function ticketNumber(id: number): string {
  return `T-${String(id).padStart(6, '0')}`;
}
