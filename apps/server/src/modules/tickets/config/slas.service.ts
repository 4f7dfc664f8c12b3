import type { FieldError, Sla, SlaCreate, SlaUpdate } from '@itsm/contracts';
import type { Kysely, Transaction } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import { type DialectHelpers, isUniqueViolation } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import {
  type AuditContext,
  type AuditLog,
  auditContext,
  changesOf,
  definedOnly,
} from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError, conflictError } from '../../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../../platform/lists/index.js';
import { createAuditedWrites } from './audited-writes.js';
import { assertAdmin, assertStaff } from './config.policy.js';
import { missingReferences, throwFieldErrors } from './references.js';

export const slaList = defineList({
  filters: {
    calendar: { type: 'int', column: 'slas.calendar_id' },
    is_default: { type: 'boolean', column: 'slas.is_default', ops: ['eq'] },
    is_active: { type: 'boolean', column: 'slas.is_active', ops: ['eq'] },
  },
  search: ['slas.name', 'slas.description'],
  ordering: { name: 'slas.name', created_at: 'slas.created_at', id: 'slas.id' },
  defaultOrdering: 'name',
  tiebreaker: 'slas.id',
});

const COLUMNS = [
  'slas.id',
  'slas.name',
  'slas.description',
  'slas.calendar_id as calendar',
  'slas.targets_json',
  'slas.warning_shares_json',
  'slas.is_default',
  'slas.is_active',
  'slas.created_at',
  'slas.updated_at',
] as const;

type Row = Omit<Sla, 'targets' | 'warning_shares'> & { targets_json: unknown; warning_shares_json: unknown };

const toSla = ({ targets_json, warning_shares_json, ...row }: Row): Sla => ({
  ...row,
  targets: targets_json as Sla['targets'],
  warning_shares: warning_shares_json as number[],
});

const sortedShares = (shares: readonly number[]) => [...new Set(shares)].sort((a, b) => a - b);

type State = Pick<Sla, 'targets' | 'is_default' | 'is_active'>;

/** First response never after the resolution; the default SLA is an active one. */
function stateErrors(state: State, input: SlaUpdate): FieldError[] {
  const errors: FieldError[] = [];
  for (const [priority, target] of Object.entries(state.targets)) {
    if (target.first_response_minutes > target.resolution_minutes) {
      errors.push({
        location: 'body',
        field: `targets.${priority}.first_response_minutes`,
        message: 'The first response cannot be due after the resolution',
        code: 'too_big',
      });
    }
  }
  if (state.is_default && !state.is_active) {
    errors.push({
      location: 'body',
      field: input.is_active === false ? 'is_active' : 'is_default',
      message: 'The default SLA must be active',
      code: 'invalid',
    });
  }
  return errors;
}

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

/** SLA definitions: first-response and resolution targets per priority, counted in a calendar's working time. */
export function createSlaService({ db, dialect, clock, audit }: Deps) {
  const select = () => db.selectFrom('slas').select(COLUMNS);
  const writes = createAuditedWrites({ db, audit }, 'slas', 'sla');

  async function get(actor: Actor, id: number): Promise<Sla> {
    assertStaff(actor, 'SLAs');
    const row = await select().where('slas.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('SLA_NOT_FOUND');
    return toSla(row);
  }

  function translate(error: unknown): never {
    if (isUniqueViolation(error))
      throw conflictError('NAME_TAKEN', 'name', 'Another SLA already has this name');
    throw error;
  }

  /** Makes `id` the only default, in the caller's transaction; the SLAs that lose it get their own audit line. */
  async function takeDefault(trx: Transaction<DB>, context: AuditContext, id: number, now: string) {
    const previous = await dialect
      .forUpdate(
        trx.selectFrom('slas').select(['id', 'name']).where('is_default', '=', true).where('id', '<>', id),
      )
      .execute();
    if (previous.length === 0) return;
    await trx
      .updateTable('slas')
      .set({ is_default: false, updated_at: now })
      .where(
        'id',
        'in',
        previous.map((p) => p.id),
      )
      .execute();
    for (const p of previous) {
      await audit.record(trx, context, {
        action: 'sla.updated',
        target: { type: 'sla', id: p.id, label: p.name },
        changes: { is_default: { before: true, after: false } },
      });
    }
  }

  return {
    get,

    async list(actor: Actor, params: ListParams, links: PageLinks) {
      assertStaff(actor, 'SLAs');
      const page = await paginate(select(), slaList, params, dialect, links);
      return { ...page, results: page.results.map(toSla) };
    },

    async create(actor: Actor, input: SlaCreate, request: RequestContext): Promise<Sla> {
      assertAdmin(actor, 'SLAs');
      const state = {
        targets: input.targets,
        is_default: input.is_default ?? false,
        is_active: input.is_active ?? true,
      };
      throwFieldErrors([
        ...(await missingReferences(db, [['calendar', 'business_calendars', input.calendar]])),
        ...stateErrors(state, input),
      ]);
      const context = auditContext(actor, request);
      const now = clock().toISOString();
      const id = await writes
        .create(
          context,
          input.name,
          async (trx) => {
            const row = await trx
              .insertInto('slas')
              .values({
                name: input.name,
                description: input.description ?? null,
                calendar_id: input.calendar ?? null,
                targets_json: toJson(input.targets),
                warning_shares_json: toJson(sortedShares(input.warning_shares ?? [0.75, 1])),
                is_default: state.is_default,
                is_active: state.is_active,
                created_at: now,
                updated_at: now,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            if (state.is_default) await takeDefault(trx, context, row.id, now);
            return row.id;
          },
          state.is_default ? { is_default: { before: null, after: true } } : null,
        )
        .catch(translate);
      return get(actor, id);
    },

    async update(actor: Actor, id: number, input: SlaUpdate, request: RequestContext): Promise<Sla> {
      const before = await get(actor, id);
      assertAdmin(actor, 'SLAs');
      const patch = definedOnly({
        name: input.name,
        description: input.description === undefined ? undefined : (input.description ?? null),
        calendar: input.calendar === undefined ? undefined : (input.calendar ?? null),
        targets: input.targets,
        warning_shares: input.warning_shares && sortedShares(input.warning_shares),
        is_default: input.is_default,
        is_active: input.is_active,
      });
      throwFieldErrors([
        ...(await missingReferences(db, [['calendar', 'business_calendars', input.calendar]])),
        ...stateErrors({ ...before, ...patch }, input),
      ]);
      const changes = changesOf(before, patch);
      if (!changes) return before;
      const { calendar, targets, warning_shares, ...columns } = patch;
      const context = auditContext(actor, request);
      await writes
        .update(context, id, before.name, changes, async (trx) => {
          const now = clock().toISOString();
          if (patch.is_default && !before.is_default) await takeDefault(trx, context, id, now);
          await trx
            .updateTable('slas')
            .set({
              ...columns,
              ...(calendar !== undefined && { calendar_id: calendar }),
              ...(targets !== undefined && { targets_json: toJson(targets) }),
              ...(warning_shares !== undefined && { warning_shares_json: toJson(warning_shares) }),
              updated_at: now,
            })
            .where('id', '=', id)
            .execute();
        })
        .catch(translate);
      return get(actor, id);
    },

    /** Tickets keep working without it (their SLA becomes none); its rules and escalation levels go with it. */
    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const before = await get(actor, id);
      assertAdmin(actor, 'SLAs');
      await writes.remove(
        auditContext(actor, request),
        id,
        before.name,
        changesOf(before, { name: null, is_default: null, calendar: null }),
      );
    },
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
