import type { AgentInstruction, InstructionResult } from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import { toJson } from '../../../db/column-conventions.js';
import type { DB } from '../../../db/types.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** An instruction sent but never answered (agent killed while applying it) is sent again after this. */
export const REDELIVER_AFTER_MS = 10 * 60_000;
/** An instruction no agent picked up within this delay is dropped as expired. */
export const EXPIRE_AFTER_MS = 7 * 86_400_000;
const BATCH = 20;

/**
 * The instructions to hand the agent in this exchange, oldest first: pending ones, and sent ones
 * left unanswered too long. They are marked sent; the agent acknowledges each with its result.
 */
export async function deliverInstructions(
  db: Kysely<DB>,
  machineId: number,
  now: Date,
): Promise<AgentInstruction[]> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom('machine_instructions')
    .select(['id', 'kind', 'payload_json', 'created_at'])
    .where('machine_id', '=', machineId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        eb.and([
          eb('status', '=', 'sent'),
          eb('sent_at', '<', new Date(now.getTime() - REDELIVER_AFTER_MS).toISOString()),
        ]),
      ]),
    )
    .orderBy('id')
    .limit(BATCH)
    .execute();
  if (rows.length === 0) return [];
  const expiredBefore = now.getTime() - EXPIRE_AFTER_MS;
  const expired = rows.filter((r) => Date.parse(r.created_at) < expiredBefore).map((r) => r.id);
  const live = rows.filter((r) => Date.parse(r.created_at) >= expiredBefore);
  if (expired.length > 0)
    await db
      .updateTable('machine_instructions')
      .set({ status: 'expired', completed_at: at })
      .where('id', 'in', expired)
      .execute();
  if (live.length > 0)
    await db
      .updateTable('machine_instructions')
      .set({ status: 'sent', sent_at: at })
      .where(
        'id',
        'in',
        live.map((r) => r.id),
      )
      .execute();
  return live.map((r) => ({
    id: r.id,
    kind: r.kind as AgentInstruction['kind'],
    payload: (r.payload_json ?? {}) as Record<string, unknown>,
  }));
}

/**
 * Records an agent's answer to one of its instructions. Answering twice is harmless (a retry after
 * a lost response): the first answer stands.
 */
export async function recordInstructionResult(
  db: Kysely<DB>,
  machineId: number,
  instructionId: number,
  result: InstructionResult,
  now: Date,
): Promise<void> {
  const updated = await db
    .updateTable('machine_instructions')
    .set({
      status: result.status,
      result_json: result.result ? toJson(result.result) : null,
      error: result.error ?? null,
      completed_at: now.toISOString(),
    })
    .where('id', '=', instructionId)
    .where('machine_id', '=', machineId)
    .where('status', 'in', ['pending', 'sent'])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  const exists = await db
    .selectFrom('machine_instructions')
    .select(sql.lit(1).as('found'))
    .where('id', '=', instructionId)
    .where('machine_id', '=', machineId)
    .executeTakeFirst();
  if (!exists) throw new AppError('INSTRUCTION_NOT_FOUND');
}
