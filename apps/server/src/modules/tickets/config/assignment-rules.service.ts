import type { AssignmentRule, AssignmentRuleCreate, AssignmentRuleUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import { defineList } from '../../../platform/lists/index.js';
import { createRuleService } from './rules-shared.js';

export const assignmentRuleList = defineList({
  filters: {
    group: { type: 'int', column: 'assignment_rules.group_id', ops: ['eq', 'in'] },
    category: { type: 'int', column: 'assignment_rules.category_id', ops: ['eq', 'isnull'] },
    structure: { type: 'int', column: 'assignment_rules.structure_id', ops: ['eq', 'isnull'] },
  },
  ordering: { position: 'assignment_rules.position', id: 'assignment_rules.id' },
  defaultOrdering: 'position',
  tiebreaker: 'assignment_rules.id',
});

const COLUMNS = [
  'assignment_rules.id',
  'assignment_rules.position',
  'assignment_rules.category_id as category',
  'assignment_rules.structure_id as structure',
  'assignment_rules.group_id as group',
  'assignment_rules.is_member_picked',
  'assignment_rules.created_at',
  'assignment_rules.updated_at',
] as const;

type Fields = Pick<AssignmentRule, 'category' | 'structure' | 'group' | 'is_member_picked'>;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Which group a new ticket goes to: the first rule by position whose criteria all match (null matches anything). */
export function createAssignmentRuleService(deps: Deps) {
  const select = () => deps.db.selectFrom('assignment_rules').select(COLUMNS);
  return createRuleService<
    'assignment_rules',
    AssignmentRule,
    Fields,
    AssignmentRuleUpdate,
    AssignmentRuleCreate
  >(deps, {
    table: 'assignment_rules',
    what: 'Assignment rules',
    kind: 'assignment_rule',
    notFound: 'ASSIGNMENT_RULE_NOT_FOUND',
    list: assignmentRuleList,
    select,
    find: (id) => select().where('assignment_rules.id', '=', id).executeTakeFirst(),
    references: (input) => [
      ['category', 'ticket_categories', input.category],
      ['structure', 'structures', input.structure],
      ['group', 'groups', input.group],
    ],
    fields: ['category', 'structure', 'group', 'is_member_picked'],
    created: (input) => ({
      category: input.category ?? null,
      structure: input.structure ?? null,
      group: input.group,
      is_member_picked: input.is_member_picked ?? true,
    }),
    cleared: ['category', 'structure', 'group'],
    insert: async (trx, rule, now) => {
      const row = await trx
        .insertInto('assignment_rules')
        .values({
          position: rule.position,
          category_id: rule.category,
          structure_id: rule.structure,
          group_id: rule.group,
          is_member_picked: rule.is_member_picked,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    update: (trx, id, { category, structure, group, ...columns }, now) =>
      trx
        .updateTable('assignment_rules')
        .set({
          ...columns,
          ...(category !== undefined && { category_id: category }),
          ...(structure !== undefined && { structure_id: structure }),
          ...(group !== undefined && { group_id: group }),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute(),
  });
}

export type AssignmentRuleService = ReturnType<typeof createAssignmentRuleService>;
