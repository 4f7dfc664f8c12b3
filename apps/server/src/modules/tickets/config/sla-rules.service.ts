import type { SlaRule, SlaRuleCreate, SlaRuleUpdate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { assertAdmin, assertStaff } from './config.policy.js';
import { checkReferences, nextPosition } from './references.js';

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

const labelOf = (rule: Pick<SlaRule, 'position'>) => `position ${rule.position}`;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Which SLA a new ticket gets: the first rule by position whose criteria all match (null matches anything). */
export function createSlaRuleService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('sla_rules').select(COLUMNS);
  const references = (input: SlaRuleUpdate) =>
    checkReferences(db, [
      ['sla', 'slas', input.sla],
      ['category', 'ticket_categories', input.category],
      ['structure', 'structures', input.structure],
    ]);

  async function get(actor: Actor, id: number): Promise<SlaRule> {
    assertStaff(actor, 'SLA rules');
    const row = await select().where('sla_rules.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('SLA_RULE_NOT_FOUND');
    return row;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, 'SLA rules');
      return paginate(select(), slaRuleList, params, dialect, links);
    },

    async create(actor: Actor, input: SlaRuleCreate, request: RequestContext): Promise<SlaRule> {
      assertAdmin(actor, 'SLA rules');
      await references(input);
      const now = clock().toISOString();
      const rule = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          const position = input.position ?? (await nextPosition(trx, 'sla_rules'));
          const row = await trx
            .insertInto('sla_rules')
            .values({
              position,
              sla_id: input.sla,
              category_id: input.category ?? null,
              structure_id: input.structure ?? null,
              priority: input.priority ?? null,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { id: row.id, position };
        },
        (created) => ({
          action: 'sla_rule.created',
          target: { type: 'sla_rule', id: created.id, label: labelOf(created) },
          changes: changesOf(
            {},
            {
              sla: input.sla,
              category: input.category ?? null,
              structure: input.structure ?? null,
              priority: input.priority ?? null,
            },
          ),
        }),
      );
      return get(actor, rule.id);
    },

    async update(actor: Actor, id: number, input: SlaRuleUpdate, request: RequestContext): Promise<SlaRule> {
      const before = await get(actor, id);
      assertAdmin(actor, 'SLA rules');
      await references(input);
      const orNull = <T>(value: T | null | undefined) => (value === undefined ? undefined : (value ?? null));
      const patch = definedOnly({
        position: input.position,
        sla: input.sla,
        category: orNull(input.category),
        structure: orNull(input.structure),
        priority: orNull(input.priority),
      });
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { sla, category, structure, ...columns } = patch;
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) =>
          trx
            .updateTable('sla_rules')
            .set({
              ...columns,
              ...(sla !== undefined && { sla_id: sla }),
              ...(category !== undefined && { category_id: category }),
              ...(structure !== undefined && { structure_id: structure }),
              updated_at: clock().toISOString(),
            })
            .where('id', '=', id)
            .execute(),
        () => ({
          action: 'sla_rule.updated',
          target: { type: 'sla_rule', id, label: labelOf(before) },
          changes,
        }),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'SLA rules');
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('sla_rules').where('id', '=', id).execute(),
        () => ({
          action: 'sla_rule.deleted',
          target: { type: 'sla_rule', id, label: labelOf(before) },
          changes: changesOf(before, { sla: null, category: null, structure: null, priority: null }),
        }),
      );
    },
  };
}

export type SlaRuleService = ReturnType<typeof createSlaRuleService>;
