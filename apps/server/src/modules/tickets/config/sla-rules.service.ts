import type { SlaRule, SlaRuleCreate, SlaRuleUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import type { Clock } from '../../../platform/clock.js';
import { defineList } from '../../../platform/lists/index.js';
import { createRuleService } from './rules-shared.js';

export const slaRuleList = defineList({
  filters: {
    sla: { type: 'int', column: 'sla_rules.sla_id', ops: ['eq', 'in'] },
    category: { type: 'int', column: 'sla_rules.category_id', ops: ['eq', 'isnull'] },
    structure: { type: 'int', column: 'sla_rules.structure_id', ops: ['eq', 'isnull'] },
    priority: { type: 'int', column: 'sla_rules.priority', ops: ['eq', 'isnull'] },
  },
  ordering: { position: 'sla_rules.position', id: 'sla_rules.id' },
  defaultOrdering: 'position',
  tiebreaker: 'sla_rules.id',
});

const COLUMNS = [
  'sla_rules.id',
  'sla_rules.position',
  'sla_rules.sla_id as sla',
  'sla_rules.category_id as category',
  'sla_rules.structure_id as structure',
  'sla_rules.priority',
  'sla_rules.created_at',
  'sla_rules.updated_at',
] as const;

type Fields = Pick<SlaRule, 'sla' | 'category' | 'structure' | 'priority'>;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Which SLA a new ticket gets: the first rule by position whose criteria all match (null matches anything). */
export function createSlaRuleService(deps: Deps) {
  const select = () => deps.db.selectFrom('sla_rules').select(COLUMNS);
  return createRuleService<'sla_rules', SlaRule, Fields, SlaRuleUpdate, SlaRuleCreate>(deps, {
    table: 'sla_rules',
    what: 'SLA rules',
    kind: 'sla_rule',
    notFound: 'SLA_RULE_NOT_FOUND',
    list: slaRuleList,
    select,
    find: (id) => select().where('sla_rules.id', '=', id).executeTakeFirst(),
    references: (input) => [
      ['sla', 'slas', input.sla],
      ['category', 'ticket_categories', input.category],
      ['structure', 'structures', input.structure],
    ],
    fields: ['sla', 'category', 'structure', 'priority'],
    created: (input) => ({
      sla: input.sla,
      category: input.category ?? null,
      structure: input.structure ?? null,
      priority: input.priority ?? null,
    }),
    cleared: ['sla', 'category', 'structure', 'priority'],
    insert: async (trx, rule, now) => {
      const row = await trx
        .insertInto('sla_rules')
        .values({
          position: rule.position,
          sla_id: rule.sla,
          category_id: rule.category,
          structure_id: rule.structure,
          priority: rule.priority,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    update: (trx, id, { sla, category, structure, ...columns }, now) =>
      trx
        .updateTable('sla_rules')
        .set({
          ...columns,
          ...(sla !== undefined && { sla_id: sla }),
          ...(category !== undefined && { category_id: category }),
          ...(structure !== undefined && { structure_id: structure }),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute(),
  });
}

export type SlaRuleService = ReturnType<typeof createSlaRuleService>;
