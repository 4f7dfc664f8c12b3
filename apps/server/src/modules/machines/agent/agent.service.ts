import type {
  AgentTicketCreate,
  EnrollRequest,
  EnrollResponse,
  ExchangeResponse,
  Heartbeat,
  InstructionResult,
  InventoryDocument,
  InventoryResponse,
  TicketDetail,
} from '@itsm/contracts';
import { AgentTicketCreateSchema } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import { inTransaction } from '../../../db/transaction.js';
import type { DB } from '../../../db/types.js';
import type { AuditLog } from '../../../platform/audit/audit-log.js';
import type { Actor, RequestContext } from '../../../platform/auth/actor.js';
import type { Clock } from '../../../platform/clock.js';
import { randomToken, sha256Hex } from '../../../platform/crypto.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { type KnownMachine, sameMachine } from '../identity.js';
import { storeInventory } from '../inventory/ingest.js';
import { normalizeMac, snapshotOf } from '../inventory/snapshot.js';
import { deliverInstructions, recordInstructionResult } from './instructions.js';
import { onceByKey } from './receipts.js';

/** The machine an agent request comes from, as its token proves. */
export type AgentMachine = { id: number; hostname: string; structure_id: number };

/** What the machines module needs of the help desk to open a ticket from the desktop app. */
export type TicketOpener = {
  create(
    actor: Actor,
    input: { title: string; description: string; urgency: number; type: 'incident' | 'request' },
    request: RequestContext,
    options: { machine: number; source: 'agent' },
  ): Promise<TicketDetail>;
  detail(actor: Actor, id: number): Promise<TicketDetail>;
};

type Deps = { db: Kysely<DB>; clock: Clock; audit: AuditLog; tickets: TicketOpener };

const TOKEN_PREFIX = 'itsm_m_';
/** Candidate machines examined for one enrolment: enough for duplicated serials, bounded for junk. */
const IDENTITY_CANDIDATES = 50;

export function createAgentService({ db, clock, audit, tickets }: Deps) {
  const exchange = async (machineId: number, now: Date): Promise<ExchangeResponse> => ({
    instructions: await deliverInstructions(db, machineId, now),
    server_time: now.toISOString(),
  });

  /** Known machines that share a UUID, serial or MAC address with the incoming hardware. */
  async function candidates(
    trx: Kysely<DB>,
    identity: { uuid: string | null; serial: string | null; macs: string[] },
  ): Promise<KnownMachine[]> {
    const rows = await trx
      .selectFrom('machines')
      .select(['id', 'system_uuid', 'serial'])
      .where((eb) =>
        eb.or([
          ...(identity.uuid ? [eb('system_uuid', '=', identity.uuid)] : []),
          ...(identity.serial ? [eb('serial', '=', identity.serial)] : []),
          ...(identity.macs.length
            ? [
                eb(
                  'id',
                  'in',
                  eb
                    .selectFrom('machine_network_interfaces')
                    .select('machine_id')
                    .where('mac', 'in', identity.macs),
                ),
              ]
            : []),
          sql<boolean>`1 = 0`,
        ]),
      )
      .orderBy('id')
      .limit(IDENTITY_CANDIDATES)
      .execute();
    if (rows.length === 0) return [];
    const macs = await trx
      .selectFrom('machine_network_interfaces')
      .select(['machine_id', 'mac'])
      .where(
        'machine_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('mac', 'is not', null)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      uuid: r.system_uuid,
      serial: r.serial,
      macs: macs.filter((m) => m.machine_id === r.id).map((m) => m.mac as string),
    }));
  }

  return {
    /**
     * Trades an enrollment key for a machine token. The key is counted in the same statement that
     * checks it, so that concurrent enrolments never exceed its uses. Known hardware gets its
     * machine back (with a new token: the old one stops working); new hardware gets a new machine
     * in the key's structure and site.
     */
    async enroll(input: EnrollRequest, request: RequestContext): Promise<EnrollResponse> {
      const now = clock();
      const at = now.toISOString();
      const token = `${TOKEN_PREFIX}${randomToken(32)}`;
      const snapshot = snapshotOf(input.inventory.content);
      const identity = {
        uuid: snapshot.system?.uuid ?? null,
        serial: snapshot.system?.serial ?? null,
        macs: [
          ...new Set(
            (snapshot.network ?? [])
              .filter((n) => !n.is_virtual)
              .map((n) => normalizeMac(n.mac))
              .filter((m): m is string => m !== null),
          ),
        ],
      };
      const result = await inTransaction(db, async (trx) => {
        const key = await trx
          .updateTable('enrollment_keys')
          .set((eb) => ({ uses: eb('uses', '+', 1), last_used_at: at }))
          .where('key_hash', '=', sha256Hex(input.key))
          .where('revoked_at', 'is', null)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
          .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
          .returning(['id', 'name', 'structure_id', 'site_id'])
          .executeTakeFirst();
        if (!key) throw new AppError('INVALID_ENROLLMENT_KEY');
        const known = sameMachine(identity, await candidates(trx, identity));
        const agentFields = {
          agent_token_hash: sha256Hex(token),
          agent_version: input.agent_version,
          enrolled_at: at,
          last_seen_at: at,
          updated_at: at,
        };
        let machineId: number;
        if (known === null) {
          machineId = (
            await trx
              .insertInto('machines')
              .values({
                hostname: snapshot.system?.hostname ?? input.inventory.deviceid,
                status: 'active',
                structure_id: key.structure_id,
                site_id: key.site_id,
                enrollment_key_id: key.id,
                created_at: at,
                ...agentFields,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
        } else {
          machineId = known;
          await trx.updateTable('machines').set(agentFields).where('id', '=', known).execute();
        }
        await trx
          .insertInto('machine_history')
          .values({
            machine_id: machineId,
            field: 'agent',
            action: known === null ? 'added' : 'changed',
            item: null,
            old_value: null,
            new_value: `${input.agent_version} (${key.name})`,
            source: 'agent',
            actor_id: null,
            created_at: at,
          })
          .execute();
        await storeInventory(trx, machineId, input.inventory.content, at);
        await audit.record(
          trx,
          { actor: null, ip: request.ip, requestId: request.requestId },
          {
            action: known === null ? 'machine.enrolled' : 'machine.re_enrolled',
            target: { type: 'machine', id: machineId, label: snapshot.system?.hostname ?? null },
            changes: { enrollment_key: { before: null, after: key.name } },
          },
        );
        return { machineId, reused: known !== null };
      });
      return {
        machine: result.machineId,
        token,
        reused: result.reused,
        ...(await exchange(result.machineId, now)),
      };
    },

    /** The machine a token belongs to; 401 for an unknown or revoked token. */
    async authenticate(token: string): Promise<AgentMachine> {
      const machine = await db
        .selectFrom('machines')
        .select(['id', 'hostname', 'structure_id'])
        .where('agent_token_hash', '=', sha256Hex(token))
        .executeTakeFirst();
      if (!machine) throw new AppError('INVALID_MACHINE_TOKEN');
      return machine;
    },

    async inventory(machine: AgentMachine, doc: InventoryDocument): Promise<InventoryResponse> {
      const now = clock();
      const changes = await inTransaction(db, (trx) =>
        storeInventory(trx, machine.id, doc.content, now.toISOString()),
      );
      return { changes: changes.length, ...(await exchange(machine.id, now)) };
    },

    async heartbeat(machine: AgentMachine, beat: Heartbeat): Promise<ExchangeResponse> {
      const now = clock();
      await db
        .updateTable('machines')
        .set({ last_seen_at: now.toISOString(), agent_version: beat.agent_version })
        .where('id', '=', machine.id)
        .execute();
      return exchange(machine.id, now);
    },

    result(machine: AgentMachine, instructionId: number, result: InstructionResult): Promise<void> {
      return recordInstructionResult(db, machine.id, instructionId, result, clock());
    },

    /**
     * A ticket from the employee's desktop app: the user is who his own token says, the machine
     * is the one whose token relays it. Sent again with the same key (offline queue), it is
     * created once.
     */
    async ticket(
      machine: AgentMachine,
      user: Actor,
      raw: AgentTicketCreate,
      idempotencyKey: string | null,
      request: RequestContext,
    ): Promise<{ ticket: TicketDetail; replayed: boolean }> {
      const input = AgentTicketCreateSchema.parse(raw);
      const create = async () => {
        const ticket = await tickets.create(user, input, request, { machine: machine.id, source: 'agent' });
        return { id: ticket.id, value: ticket };
      };
      if (idempotencyKey === null) return { ticket: (await create()).value, replayed: false };
      const { value, replayed } = await onceByKey(
        db,
        { owner: `machine:${machine.id}`, key: idempotencyKey, kind: 'ticket', now: clock() },
        create,
        (id) => tickets.detail(user, id),
      );
      return { ticket: value, replayed };
    },
  };
}

export type AgentService = ReturnType<typeof createAgentService>;
