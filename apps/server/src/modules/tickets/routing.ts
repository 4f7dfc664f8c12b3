import { OPEN_TICKET_STATUSES } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { pickAssignee } from './assignment.js';

// Where a new ticket goes: its SLA (rules, then the category's, then the default one) and its group
// (assignment rules, then the category's default group) with, inside it, the member with the fewest
// open tickets in the ticket's structure (round robin on ties).

type Criteria = { categoryId: number | null; structureId: number; priority: number };
/** The category and the structure with their ancestors, nearest first. */
export type Lineages = { categories: number[]; structures: number[] };

/** The id and its ancestors, nearest first; the tables are small trees (categories, structures). */
async function lineage(db: Kysely<DB>, table: 'ticket_categories' | 'structures', id: number | null) {
  if (id === null) return [];
  const rows = await db.selectFrom(table).select(['id', 'parent_id']).execute();
  const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
  const chain: number[] = [];
  for (let at: number | null | undefined = id; at != null && !chain.includes(at); at = parents.get(at))
    chain.push(at);
  return chain;
}

const matches = (value: number | null, chain: readonly number[]) => value === null || chain.includes(value);

export async function lineagesOf(
  db: Kysely<DB>,
  criteria: { categoryId: number | null; structureId: number },
): Promise<Lineages> {
  return {
    categories: await lineage(db, 'ticket_categories', criteria.categoryId),
    structures: await lineage(db, 'structures', criteria.structureId),
  };
}

export async function chooseSla(
  db: Kysely<DB>,
  criteria: Criteria,
  lineages?: Lineages,
): Promise<number | null> {
  const { categories, structures } = lineages ?? (await lineagesOf(db, criteria));
  const rules = await db
    .selectFrom('sla_rules')
    .innerJoin('slas', 'slas.id', 'sla_rules.sla_id')
    .select(['sla_rules.sla_id', 'sla_rules.category_id', 'sla_rules.structure_id', 'sla_rules.priority'])
    .where('slas.is_active', '=', true)
    .orderBy('sla_rules.position')
    .orderBy('sla_rules.id')
    .execute();
  const rule = rules.find(
    (r) =>
      matches(r.category_id, categories) &&
      matches(r.structure_id, structures) &&
      (r.priority === null || r.priority === criteria.priority),
  );
  if (rule) return rule.sla_id;
  if (categories.length > 0) {
    const withSla = await db
      .selectFrom('ticket_categories')
      .innerJoin('slas', 'slas.id', 'ticket_categories.sla_id')
      .select(['ticket_categories.id', 'ticket_categories.sla_id'])
      .where('ticket_categories.id', 'in', categories)
      .where('slas.is_active', '=', true)
      .execute();
    for (const id of categories) {
      const found = withSla.find((c) => c.id === id);
      if (found?.sla_id) return found.sla_id;
    }
  }
  const fallback = await db
    .selectFrom('slas')
    .select('id')
    .where('is_default', '=', true)
    .where('is_active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  return fallback?.id ?? null;
}

export async function chooseGroup(
  db: Kysely<DB>,
  criteria: Omit<Criteria, 'priority'>,
  lineages?: Lineages,
): Promise<{ groupId: number; pickMember: boolean } | null> {
  const { categories, structures } = lineages ?? (await lineagesOf(db, criteria));
  const rules = await db
    .selectFrom('assignment_rules')
    .select(['group_id', 'category_id', 'structure_id', 'is_member_picked'])
    .orderBy('position')
    .orderBy('id')
    .execute();
  const rule = rules.find((r) => matches(r.category_id, categories) && matches(r.structure_id, structures));
  if (rule) return { groupId: rule.group_id, pickMember: rule.is_member_picked };
  if (categories.length === 0) return null;
  const withGroup = await db
    .selectFrom('ticket_categories')
    .select(['id', 'default_group_id'])
    .where('id', 'in', categories)
    .where('default_group_id', 'is not', null)
    .execute();
  for (const id of categories) {
    const found = withGroup.find((c) => c.id === id);
    if (found?.default_group_id) return { groupId: found.default_group_id, pickMember: true };
  }
  return null;
}

/** The active support member of the group with the fewest open tickets in the structure; null if none. */
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
      eb
        .selectFrom('tickets')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('tickets.assignee_id', '=', 'users.id')
        .where('tickets.status', 'in', OPEN_TICKET_STATUSES)
        .where('tickets.structure_id', '=', structureId)
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
