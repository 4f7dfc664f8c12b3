import { isDeepStrictEqual } from 'node:util';
import {
  type InstructionCreate,
  InstructionCreateSchema,
  type Machine,
  type MachineCreate,
  MachineCreateSchema,
  type MachineDetail,
  type MachineHistoryEntry,
  type MachineInstruction,
  type MachineUpdate,
  OPEN_TICKET_STATUSES,
  type Page,
  type Software,
} from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { DialectHelpers } from '../../db/dialect.js';
import { inTransaction } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import { type AuditLog, auditContext, changesOf, definedOnly } from '../../platform/audit/audit-log.js';
import { type Actor, assertAllowed, type RequestContext } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';
import { checkReferences } from '../tickets/config/references.js';
import { scopeTickets } from '../tickets/tickets.policy.js';
import { scopeUsers } from '../users/users.policy.js';
import { applyMachineExtras, type MachineListExtras, machineList } from './machine-list.js';
import { canDeleteMachine, canManageMachine, scopeMachines } from './machines.policy.js';
import {
  instructionsOf,
  machineDetailParts,
  selectHistory,
  selectMachines,
  toHistoryEntry,
  toMachine,
} from './machines.repository.js';

export const softwareList = defineList({
  filters: {},
  search: ['machine_software.name', 'machine_software.publisher'],
  ordering: { name: 'machine_software.name', id: 'machine_software.id' },
  defaultOrdering: 'name',
  tiebreaker: 'machine_software.id',
});

export const historyList = defineList({
  filters: {
    source: { type: 'enum', column: 'machine_history.source', values: ['agent', 'user'], ops: ['eq'] },
    field: { type: 'string', column: 'machine_history.field', ops: ['eq', 'in'] },
  },
  search: ['machine_history.item', 'machine_history.old_value', 'machine_history.new_value'],
  ordering: { created_at: 'machine_history.created_at', id: 'machine_history.id' },
  defaultOrdering: '-created_at',
  tiebreaker: 'machine_history.id',
});

/** The fields people edit, as history names them, with how a value reads in the timeline. */
const HUMAN_FIELDS = ['status', 'structure', 'site', 'main_user', 'notes'] as const;

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock; audit: AuditLog };

export function createMachineService({ db, dialect, clock, audit }: Deps) {
  const visible = (actor: Actor) => scopeMachines(actor, selectMachines(db));

  async function find(actor: Actor, id: number): Promise<Machine> {
    const row = await visible(actor).where('machines.id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('MACHINE_NOT_FOUND');
    return toMachine(row);
  }

  async function get(actor: Actor, id: number): Promise<MachineDetail> {
    const machine = await find(actor, id);
    // Counted among the tickets the viewer may see: the number matches the Tickets tab.
    const open = await scopeTickets(
      actor,
      db.selectFrom('tickets').select((eb) => eb.fn.countAll<number>().as('n')),
    )
      .where('tickets.machine_id', '=', id)
      .where('tickets.status', 'in', OPEN_TICKET_STATUSES)
      .executeTakeFirstOrThrow();
    return {
      ...machine,
      ...(await machineDetailParts(db, id)),
      open_ticket_count: Number(open.n),
      can_edit: canManageMachine(actor, { structure_id: machine.structure }),
    };
  }

  /** A machine the actor may manage, or 404 when out of his sight and 403 when only visible. */
  async function managed(actor: Actor, id: number): Promise<Machine> {
    const machine = await find(actor, id);
    assertAllowed(canManageMachine(actor, { structure_id: machine.structure }));
    return machine;
  }

  /** The structure must be one the actor manages, the main user one he may see. */
  async function checkPlacement(
    actor: Actor,
    input: { structure?: number; site?: number | null; main_user?: number | null },
  ) {
    await checkReferences(db, [
      ['structure', 'structures', input.structure],
      ['site', 'sites', input.site],
    ]);
    if (input.structure !== undefined && !canManageMachine(actor, { structure_id: input.structure }))
      throw fieldError('body', 'structure', 'You do not manage this structure');
    if (input.main_user !== undefined && input.main_user !== null) {
      const user = await scopeUsers(actor, db.selectFrom('users').select('users.id'))
        .where('users.id', '=', input.main_user)
        .where('users.is_active', '=', true)
        .executeTakeFirst();
      if (!user) throw fieldError('body', 'main_user', `No such user: ${input.main_user}`, 'not_found');
    }
  }

  /** How a human field's value reads in the history: names rather than ids. */
  async function labelOf(field: (typeof HUMAN_FIELDS)[number], value: unknown): Promise<string | null> {
    if (value === null || value === undefined) return null;
    const id = Number(value);
    if (field === 'structure' || field === 'site') {
      const table = field === 'structure' ? 'structures' : 'sites';
      const row = await db.selectFrom(table).select('name').where('id', '=', id).executeTakeFirst();
      return row?.name ?? String(value);
    }
    if (field === 'main_user') {
      const row = await db
        .selectFrom('users')
        .select(['username', 'first_name', 'last_name'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? `${row.first_name} ${row.last_name} (${row.username})` : String(value);
    }
    return String(value);
  }

  return {
    get,

    async list(
      actor: Actor,
      params: ListParams & MachineListExtras,
      links: PageLinks,
    ): Promise<Page<Machine>> {
      // Alone it would be ignored and the whole fleet listed, as if the filter had applied.
      if (params.software_version !== undefined && params.software === undefined)
        throw fieldError('query', 'software_version', 'Only with `software`: a version of that software');
      const query = applyMachineExtras(visible(actor), params, dialect, clock());
      const page = await paginate(query, machineList, params, dialect, links);
      return { ...page, results: page.results.map(toMachine) };
    },

    async create(actor: Actor, raw: MachineCreate, request: RequestContext): Promise<MachineDetail> {
      const input = MachineCreateSchema.parse(raw);
      assertAllowed(actor.role !== 'user', 'Only support staff register machines');
      await checkPlacement(actor, input);
      const now = clock().toISOString();
      const id = await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          const row = await trx
            .insertInto('machines')
            .values({
              hostname: input.hostname,
              domain: input.domain ?? null,
              serial: input.serial ?? null,
              manufacturer: input.manufacturer ?? null,
              model: input.model ?? null,
              status: input.status,
              structure_id: input.structure,
              site_id: input.site ?? null,
              main_user_id: input.main_user ?? null,
              notes: input.notes ?? null,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('machine_history')
            .values({
              machine_id: row.id,
              field: 'machine',
              action: 'added',
              item: input.hostname,
              old_value: null,
              new_value: null,
              source: 'user',
              actor_id: actor.id,
              created_at: now,
            })
            .execute();
          return row.id;
        },
        (created) => ({
          action: 'machine.created',
          target: { type: 'machine', id: created, label: input.hostname },
        }),
      );
      return get(actor, id);
    },

    async update(
      actor: Actor,
      id: number,
      input: MachineUpdate,
      request: RequestContext,
    ): Promise<MachineDetail> {
      const before = await managed(actor, id);
      const sent = definedOnly(input);
      await checkPlacement(actor, sent);
      const notes = (
        await db.selectFrom('machines').select('notes').where('id', '=', id).executeTakeFirstOrThrow()
      ).notes;
      const current: Record<(typeof HUMAN_FIELDS)[number], unknown> = {
        status: before.status,
        structure: before.structure,
        site: before.site,
        main_user: before.main_user,
        notes,
      };
      const changes = changesOf(current, sent, HUMAN_FIELDS);
      if (!changes) return get(actor, id);
      const now = clock().toISOString();
      const lines = await Promise.all(
        Object.entries(changes).map(async ([field, change]) => ({
          machine_id: id,
          field,
          action: 'changed',
          item: null,
          old_value:
            field === 'notes' ? null : await labelOf(field as (typeof HUMAN_FIELDS)[number], change.before),
          new_value:
            field === 'notes' ? null : await labelOf(field as (typeof HUMAN_FIELDS)[number], change.after),
          source: 'user',
          actor_id: actor.id,
          created_at: now,
        })),
      );
      await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          await trx
            .updateTable('machines')
            .set({
              ...(sent.status !== undefined && { status: sent.status }),
              ...(sent.structure !== undefined && { structure_id: sent.structure }),
              ...(sent.site !== undefined && { site_id: sent.site }),
              ...(sent.main_user !== undefined && { main_user_id: sent.main_user }),
              ...(sent.notes !== undefined && { notes: sent.notes }),
              updated_at: now,
            })
            .where('id', '=', id)
            .execute();
          await trx.insertInto('machine_history').values(lines).execute();
        },
        () => ({
          action: 'machine.updated',
          target: { type: 'machine', id, label: before.hostname },
          changes,
        }),
      );
      return get(actor, id);
    },

    async remove(actor: Actor, id: number, request: RequestContext): Promise<void> {
      const machine = await find(actor, id);
      assertAllowed(canDeleteMachine(actor), 'Only administrators delete machines; retire it instead');
      await audit.write(
        db,
        auditContext(actor, request),
        async (trx) => {
          // tickets.machine_id has no foreign key (the tickets table came first): clear it by hand.
          await trx.updateTable('tickets').set({ machine_id: null }).where('machine_id', '=', id).execute();
          await trx.deleteFrom('machines').where('id', '=', id).execute();
        },
        () => ({ action: 'machine.deleted', target: { type: 'machine', id, label: machine.hostname } }),
      );
    },

    async software(actor: Actor, id: number, params: ListParams, links: PageLinks): Promise<Page<Software>> {
      await find(actor, id);
      const query = db
        .selectFrom('machine_software')
        .select([
          'machine_software.id',
          'machine_software.name',
          'machine_software.version',
          'machine_software.publisher',
          'machine_software.arch',
        ])
        .where('machine_software.machine_id', '=', id);
      return paginate(query, softwareList, params, dialect, links);
    },

    async history(
      actor: Actor,
      id: number,
      params: ListParams,
      links: PageLinks,
    ): Promise<Page<MachineHistoryEntry>> {
      await find(actor, id);
      const page = await paginate(selectHistory(db, id), historyList, params, dialect, links);
      return { ...page, results: page.results.map(toHistoryEntry) };
    },

    /** Queues an instruction for the machine's agent; an identical one still waiting is reused. */
    async instruct(
      actor: Actor,
      id: number,
      raw: InstructionCreate,
      request: RequestContext,
    ): Promise<{ instruction: MachineInstruction; created: boolean }> {
      const machine = await managed(actor, id);
      const input = InstructionCreateSchema.parse(raw);
      if (!machine.has_agent)
        throw new AppError('MACHINE_HAS_NO_AGENT', {
          detail: `${machine.hostname} has no enrolled agent to instruct`,
        });
      const now = clock().toISOString();
      const result = await inTransaction(db, async (trx) => {
        const waiting = (
          await trx
            .selectFrom('machine_instructions')
            .select(['id', 'payload_json'])
            .where('machine_id', '=', id)
            .where('kind', '=', input.kind)
            .where('status', '=', 'pending')
            .execute()
        ).find((row) => isDeepStrictEqual(row.payload_json, input.payload));
        if (waiting) return { id: waiting.id, created: false };
        const row = await trx
          .insertInto('machine_instructions')
          .values({
            machine_id: id,
            kind: input.kind,
            payload_json: toJson(input.payload),
            created_by_id: actor.id,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, auditContext(actor, request), {
          action: 'machine.instructed',
          target: { type: 'machine', id, label: machine.hostname },
          changes: { instruction: { before: null, after: { kind: input.kind, ...input.payload } } },
        });
        return { id: row.id, created: true };
      });
      const [instruction] = await instructionsOf(db, id, { id: result.id });
      if (!instruction) throw new AppError('INTERNAL_ERROR');
      return { instruction, created: result.created };
    },
  };
}

export type MachineService = ReturnType<typeof createMachineService>;
