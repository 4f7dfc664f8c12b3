import type { AssignmentRule, AssignmentRuleCreate, AssignmentRuleUpdate } from '@itsm/contracts';
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

const labelOf = (rule: Pick<AssignmentRule, 'position'>) => `position ${rule.position}`;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** Which group a new ticket goes to: the first rule by position whose criteria all match (null matches anything). */
export function createAssignmentRuleService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('assignment_rules').select(COLUMNS);
  const references = (input: AssignmentRuleUpdate) =>
    checkReferences(db, [
      ['category', 'ticket_categories', input.category],
      ['structure', 'structures', input.structure],
      ['group', 'groups', input.group],
    ]);

  async function get(actor: Actor, id: number): Promise<AssignmentRule> {
    assertStaff(actor, 'Assignment rules');
    const row = await select().where('assignment_rules.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('ASSIGNMENT_RULE_NOT_FOUND');
    return row;
  }

  return {
    get,

    list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, 'Assignment rules');
      return paginate(select(), assignmentRuleList, params, dialect, links);
    },

    async create(
      actor: Actor,
      input: AssignmentRuleCreate,
      request: RequestContext,
    ): Promise<AssignmentRule> {
      assertAdmin(actor, 'Assignment rules');
      await references(input);
      const now = clock().toISOString();
      const rule = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          const position = input.position ?? (await nextPosition(trx, 'assignment_rules'));
          const row = await trx
            .insertInto('assignment_rules')
            .values({
              position,
              category_id: input.category ?? null,
              structure_id: input.structure ?? null,
              group_id: input.group,
              is_member_picked: input.is_member_picked ?? true,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return { id: row.id, position };
        },
        (created) => ({
          action: 'assignment_rule.created',
          target: { type: 'assignment_rule', id: created.id, label: labelOf(created) },
          changes: changesOf(
            {},
            {
              category: input.category ?? null,
              structure: input.structure ?? null,
              group: input.group,
              is_member_picked: input.is_member_picked ?? true,
            },
          ),
        }),
      );
      return get(actor, rule.id);
    },

    async update(
      actor: Actor,
      id: number,
      input: AssignmentRuleUpdate,
      request: RequestContext,
    ): Promise<AssignmentRule> {
      const before = await get(actor, id);
      assertAdmin(actor, 'Assignment rules');
      await references(input);
      const orNull = <T>(value: T | null | undefined) => (value === undefined ? undefined : (value ?? null));
      const patch = definedOnly({
        position: input.position,
        category: orNull(input.category),
        structure: orNull(input.structure),
        group: input.group,
        is_member_picked: input.is_member_picked,
      });
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { category, structure, group, ...columns } = patch;
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) =>
          trx
            .updateTable('assignment_rules')
            .set({
              ...columns,
              ...(category !== undefined && { category_id: category }),
              ...(structure !== undefined && { structure_id: structure }),
              ...(group !== undefined && { group_id: group }),
              updated_at: clock().toISOString(),
            })
            .where('id', '=', id)
            .execute(),
        () => ({
          action: 'assignment_rule.updated',
          target: { type: 'assignment_rule', id, label: labelOf(before) },
          changes,
        }),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'Assignment rules');
      await audit.write(
        db,
        auditContext(actor, request),
        (trx) => trx.deleteFrom('assignment_rules').where('id', '=', id).execute(),
        () => ({
          action: 'assignment_rule.deleted',
          target: { type: 'assignment_rule', id, label: labelOf(before) },
          changes: changesOf(before, { category: null, structure: null, group: null }),
        }),
      );
    },
  };
}

export type AssignmentRuleService = ReturnType<typeof createAssignmentRuleService>;
