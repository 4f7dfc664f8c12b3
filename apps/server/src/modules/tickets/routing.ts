import { OPEN_TICKET_STATUSES, type SlaTarget } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { LOAD_COUNT_CAP, pickAssignee } from './assignment.js';
import type { RoutingSnapshot } from './routing-rules.js';
import type { SlaDefinition } from './sla/plan.js';
import { slaDefinitionOf } from './sla/sla-engine.js';

// Loads what routing needs (routing-rules.ts decides) and picks the member of a group: the one
// with the fewest open tickets in the ticket's structure (round robin on ties).

type Row = Record<string, unknown>;
const id = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The help-desk configuration that routes tickets (read in one round trip), with every SLA's
 * definition (targets, calendar, levels) as the clocks read it.
 */
export type RoutingContext = RoutingSnapshot & {
  definitions: Map<number, SlaDefinition & { name: string }>;
};

/** The routing configuration's revision (bumped by triggers on its tables); null if the row is gone. */
const revisionOf = (db: Kysely<DB>) =>
  db.selectFrom('config_revisions').select('revision').where('name', '=', 'routing');

/**
 * The routing snapshot, kept in memory while the configuration's revision stays the same: each
 * ticket then pays one tiny read instead of the whole configuration. The revision is read in the
 * same statement as a new snapshot, so a copy is never newer than its label says.
 */
export function createRoutingSource(dialect: DialectHelpers) {
  let cached: { revision: number; context: RoutingContext } | null = null;
  return async function routing(db: Kysely<DB>): Promise<RoutingContext> {
    if (cached) {
      const current = await revisionOf(db).executeTakeFirst();
      if (current && Number(current.revision) === cached.revision) return cached.context;
    }
    const { revision, context } = await loadRouting(db, dialect);
    cached = revision === null ? null : { revision, context };
    return context;
  };
}

export type RoutingSource = ReturnType<typeof createRoutingSource>;

async function loadRouting(
  db: Kysely<DB>,
  dialect: DialectHelpers,
): Promise<{ revision: number | null; context: RoutingContext }> {
  const row = await db
    .selectNoFrom([
      revisionOf(db).as('revision'),
      dialect
        .jsonRows(
          db.selectFrom('ticket_categories').select(['id', 'parent_id', 'default_group_id', 'sla_id']),
          ['id', 'parent_id', 'default_group_id', 'sla_id'],
        )
        .as('categories_json'),
      dialect
        .jsonRows(db.selectFrom('structures').select(['id', 'parent_id']), ['id', 'parent_id'])
        .as('structures_json'),
      dialect
        .jsonRows(
          db
            .selectFrom('assignment_rules')
            .select(['id', 'position', 'group_id', 'category_id', 'structure_id', 'is_member_picked']),
          ['id', 'position', 'group_id', 'category_id', 'structure_id', 'is_member_picked'],
        )
        .as('assignment_rules_json'),
      dialect
        .jsonRows(
          db
            .selectFrom('sla_rules')
            .innerJoin('slas', 'slas.id', 'sla_rules.sla_id')
            .select([
              'sla_rules.id',
              'sla_rules.position',
              'sla_rules.sla_id',
              'sla_rules.category_id',
              'sla_rules.structure_id',
              'sla_rules.priority',
            ])
            .where('slas.is_active', '=', true),
          ['id', 'position', 'sla_id', 'category_id', 'structure_id', 'priority'],
        )
        .as('sla_rules_json'),
      dialect
        .jsonRows(
          db
            .selectFrom('slas')
            .leftJoin('business_calendars as cal', 'cal.id', 'slas.calendar_id')
            .select([
              'slas.id',
              'slas.name',
              'slas.is_default',
              'slas.is_active',
              'slas.targets_json',
              'slas.warning_shares_json',
              'cal.time_zone',
              'cal.hours_json',
              'cal.holidays_json',
            ]),
          [
            'id',
            'name',
            'is_default',
            'is_active',
            'targets_json',
            'warning_shares_json',
            'time_zone',
            'hours_json',
            'holidays_json',
          ],
        )
        .as('slas_json'),
      dialect
        .jsonRows(db.selectFrom('escalation_levels').select(['id', 'sla_id', 'target', 'trigger_share']), [
          'id',
          'sla_id',
          'target',
          'trigger_share',
        ])
        .as('levels_json'),
    ])
    .executeTakeFirstOrThrow();
  const rows = (value: unknown) => (value ?? []) as Row[];
  const byPosition = (a: Row, b: Row) =>
    Number(a.position) - Number(b.position) || Number(a.id) - Number(b.id);
  const allSlas = rows(row.slas_json).sort((a, b) => Number(a.id) - Number(b.id));
  const slas = allSlas.filter((s) => Boolean(s.is_active));
  const levels = rows(row.levels_json).sort((a, b) => Number(a.id) - Number(b.id));
  const definitions = new Map(
    allSlas.map((s) => [
      Number(s.id),
      slaDefinitionOf(
        {
          name: String(s.name),
          targets_json: s.targets_json,
          warning_shares_json: s.warning_shares_json,
          time_zone: (s.time_zone as string | null) ?? null,
          hours_json: s.hours_json,
          holidays_json: s.holidays_json,
        },
        levels
          .filter((l) => Number(l.sla_id) === Number(s.id))
          .map((l) => ({
            id: Number(l.id),
            target: l.target as SlaTarget,
            triggerShare: l.trigger_share === null ? null : Number(l.trigger_share),
          })),
      ),
    ]),
  );
  const context: RoutingContext = {
    definitions,
    categories: rows(row.categories_json).map((c) => ({
      id: Number(c.id),
      parent_id: id(c.parent_id),
      default_group_id: id(c.default_group_id),
      sla_id: id(c.sla_id),
    })),
    structures: rows(row.structures_json).map((n) => ({ id: Number(n.id), parent_id: id(n.parent_id) })),
    assignmentRules: rows(row.assignment_rules_json)
      .sort(byPosition)
      .map((r) => ({
        group_id: Number(r.group_id),
        category_id: id(r.category_id),
        structure_id: id(r.structure_id),
        is_member_picked: Boolean(r.is_member_picked),
      })),
    slaRules: rows(row.sla_rules_json)
      .sort(byPosition)
      .map((r) => ({
        sla_id: Number(r.sla_id),
        category_id: id(r.category_id),
        structure_id: id(r.structure_id),
        priority: id(r.priority),
      })),
    activeSlas: slas.map((s) => Number(s.id)),
    defaultSlaId: id(slas.find((s) => Boolean(s.is_default))?.id),
  };
  return { revision: id(row.revision), context };
}

/** The active support member of the group with the fewest open tickets in the structure (assignment.ts); null if none. */
export async function pickMember(
  db: Kysely<DB>,
  groupId: number,
  structureId: number,
): Promise<number | null> {
  const candidates = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select((eb) => [
      'users.id',
      // Counted up to the cap only (assignment.ts): a bounded read of the index per member.
      eb
        .selectFrom(
          eb
            .selectFrom('tickets')
            .select(sql.lit(1).as('one'))
            .whereRef('tickets.assignee_id', '=', 'users.id')
            .where('tickets.status', 'in', OPEN_TICKET_STATUSES)
            .where('tickets.structure_id', '=', structureId)
            .limit(LOAD_COUNT_CAP)
            .as('capped'),
        )
        .select(eb.fn.countAll<number>().as('n'))
        .as('open_tickets'),
      eb
        .selectFrom('tickets')
        .select((sub) => sub.fn.max('tickets.assigned_at').as('at'))
        .whereRef('tickets.assignee_id', '=', 'users.id')
        .as('last_assigned_at'),
    ])
    .where('group_members.group_id', '=', groupId)
    .where('users.is_active', '=', true)
    .where('users.role', 'in', ['admin', 'technician'])
    .execute();
  return pickAssignee(
    candidates.map((c) => ({
      userId: c.id,
      openTickets: Number(c.open_tickets ?? 0),
      lastAssignedAt: c.last_assigned_at ? new Date(c.last_assigned_at as string) : null,
    })),
  );
}
