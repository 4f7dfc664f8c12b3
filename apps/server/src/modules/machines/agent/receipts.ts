import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/dialect.js';
import type { DB } from '../../../db/types.js';
import { AppError } from '../../../platform/errors/app-error.js';

/** A claim older than this whose work never finished (the server died mid-request) may be taken over. */
const STALE_CLAIM_MS = 2 * 60_000;
/** Receipts are kept this long: far longer than any agent retries one request. */
export const RECEIPT_DAYS = 30;

/**
 * Runs `work` once per (owner, key): a replay of a finished request answers `replay(result id)`
 * instead of doing the work again; a replay while the first is still running gets 409 (retry later).
 * The key is claimed before the work and completed after it, so a crash in between leaves a stale
 * claim that a later retry takes over, never a lost request.
 */
export async function onceByKey<T>(
  db: Kysely<DB>,
  claim: { owner: string; key: string; kind: string; now: Date },
  work: () => Promise<{ id: number; value: T }>,
  replay: (id: number) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const { owner, key, kind, now } = claim;
  const at = now.toISOString();
  try {
    await db.insertInto('idempotency_receipts').values({ owner, key, kind, created_at: at }).execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db
      .selectFrom('idempotency_receipts')
      .select(['result_id', 'created_at'])
      .where('owner', '=', owner)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (existing.result_id !== null) return { value: await replay(existing.result_id), replayed: true };
    const stale = Date.parse(existing.created_at) < now.getTime() - STALE_CLAIM_MS;
    const taken =
      stale &&
      Number(
        (
          await db
            .updateTable('idempotency_receipts')
            .set({ created_at: at })
            .where('owner', '=', owner)
            .where('key', '=', key)
            .where('created_at', '=', existing.created_at)
            .where('result_id', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ) === 1;
    if (!taken) throw new AppError('IDEMPOTENCY_IN_PROGRESS', { extensions: { retry_after: 5 } });
  }
  let done: { id: number; value: T };
  try {
    done = await work();
  } catch (error) {
    // Refused: the key is free again, for a corrected request.
    await db.deleteFrom('idempotency_receipts').where('owner', '=', owner).where('key', '=', key).execute();
    throw error;
  }
  await db
    .updateTable('idempotency_receipts')
    .set({ result_id: done.id })
    .where('owner', '=', owner)
    .where('key', '=', key)
    .execute();
  return { value: done.value, replayed: false };
}

export function purgeReceipts(db: Kysely<DB>, now: Date) {
  return db
    .deleteFrom('idempotency_receipts')
    .where('created_at', '<', new Date(now.getTime() - RECEIPT_DAYS * 86_400_000).toISOString())
    .execute();
}
