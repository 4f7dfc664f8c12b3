import {
  type EscalationLevel,
  type EscalationLevelCreate,
  type EscalationLevelUpdate,
  type FieldError,
  SLA_TARGETS,
} from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import type { DialectHelpers } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertAdmin, assertStaff } from './config.policy.js';
import { missingReferences, throwFieldErrors } from './references.js';

export const escalationLevelList = defineList({
  filters: {
    sla: { type: 'int', column: 'escalation_levels.sla_id', ops: ['eq', 'in'] },
    target: { type: 'enum', values: SLA_TARGETS, column: 'escalation_levels.target', ops: ['eq'] },
  },
  search: ['escalation_levels.name'],
  ordering: {
    id: 'escalation_levels.id',
    name: 'escalation_levels.name',
    trigger_share: 'escalation_levels.trigger_share',
  },
  nullable: ['trigger_share'],
  defaultOrdering: 'id',
  tiebreaker: 'escalation_levels.id',
});

const COLUMNS = [
  'escalation_levels.id',
  'escalation_levels.sla_id as sla',
  'escalation_levels.name',
  'escalation_levels.target',
  'escalation_levels.trigger_share',
  'escalation_levels.notify_json',
  'escalation_levels.reassign_group_id as reassign_group',
  'escalation_levels.priority_raise',
  'escalation_levels.created_at',
  'escalation_levels.updated_at',
] as const;

type Row = Omit<EscalationLevel, 'notify'> & { notify_json: unknown };
const toLevel = ({ notify_json, ...row }: Row): EscalationLevel => ({
  ...row,
  trigger_share: row.trigger_share === null ? null : Number(row.trigger_share),
  notify: notify_json as EscalationLevel['notify'],
});

type Action = Pick<EscalationLevel, 'notify' | 'reassign_group' | 'priority_raise'>;

/** A level that neither notifies, reassigns nor raises the priority would fire for nothing. */
function actionErrors(state: Action): FieldError[] {
  if (state.notify.length > 0 || state.reassign_group !== null || state.priority_raise > 0) return [];
  return [
    {
      location: 'body',
      field: 'notify',
      message: 'A level must notify someone, reassign to a group or raise the priority',
      code: 'required',
    },
  ];
}

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** What happens when a share of an SLA target has elapsed, or at its breach. */
export function createEscalationLevelService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('escalation_levels').select(COLUMNS);
  const writes = createAuditedWrites({ db, audit }, 'escalation_levels', 'escalation_level');

  async function get(actor: Actor, id: number): Promise<EscalationLevel> {
    assertStaff(actor, 'Escalation levels');
    const row = await select().where('escalation_levels.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('ESCALATION_LEVEL_NOT_FOUND');
    return toLevel(row);
  }

  return {
    get,

    async list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, 'Escalation levels');
      const page = await paginate(select(), escalationLevelList, params, dialect, links);
      return { ...page, results: page.results.map(toLevel) };
    },

    async create(
      actor: Actor,
      input: EscalationLevelCreate,
      request: RequestContext,
    ): Promise<EscalationLevel> {
      assertAdmin(actor, 'escalation levels');
      const state: Action = {
        notify: [...new Set(input.notify ?? (['assignee'] as const))],
        reassign_group: input.reassign_group ?? null,
        priority_raise: input.priority_raise ?? 0,
      };
      throwFieldErrors([
        ...(await missingReferences(db, [
          ['sla', 'slas', input.sla],
          ['reassign_group', 'groups', input.reassign_group],
        ])),
        ...actionErrors(state),
      ]);
      const now = clock().toISOString();
      const id = await writes.create(
        auditContext(actor, request),
        input.name,
        async (trx) => {
          const row = await trx
            .insertInto('escalation_levels')
            .values({
              sla_id: input.sla,
              name: input.name,
              target: input.target ?? 'resolution',
              trigger_share: input.trigger_share ?? null,
              notify_json: toJson(state.notify),
              reassign_group_id: state.reassign_group,
              priority_raise: state.priority_raise,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        },
        { sla: { before: null, after: input.sla } },
      );
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: EscalationLevelUpdate,
      request: RequestContext,
    ): Promise<EscalationLevel> {
      const before = await get(actor, id);
      assertAdmin(actor, 'escalation levels');
      const patch = definedOnly({
        name: input.name,
        target: input.target,
        trigger_share: input.trigger_share,
        notify: input.notify && [...new Set(input.notify)],
        reassign_group: input.reassign_group === undefined ? undefined : (input.reassign_group ?? null),
        priority_raise: input.priority_raise,
      });
      throwFieldErrors([
        ...(await missingReferences(db, [['reassign_group', 'groups', input.reassign_group]])),
        ...actionErrors({ ...before, ...patch }),
      ]);
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { notify, reassign_group, ...columns } = patch;
      await writes.update(auditContext(actor, request), id, before.name, changes, (trx) =>
        trx
          .updateTable('escalation_levels')
          .set({
            ...columns,
            ...(notify !== undefined && { notify_json: toJson(notify) }),
            ...(reassign_group !== undefined && { reassign_group_id: reassign_group }),
            updated_at: clock().toISOString(),
          })
          .where('id', '=', id)
          .execute(),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'escalation levels');
      await writes.remove(
        auditContext(actor, request),
        id,
        before.name,
        changesOf(before, { sla: null, name: null }),
      );
    },
  };
}

export type EscalationLevelService = ReturnType<typeof createEscalationLevelService>;
