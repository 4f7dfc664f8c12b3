import type { Kysely, Transaction } from 'kysely';

export type AfterCommit = (callback: () => void | Promise<void>) => void;
export type OnCallbackError = (error: unknown) => void;

/**
 * Runs `work` in one transaction. Callbacks registered with `afterCommit` (events, jobs, mail)
 * run only once the transaction has committed; their failures are reported, never rolled back,
 * because the data is already committed and the caller has been answered with it.
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>, afterCommit: AfterCommit) => Promise<T>,
  onCallbackError: OnCallbackError = (error) => console.error('after-commit callback failed', error),
): Promise<T> {
  const callbacks: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute((trx) => work(trx, (cb) => callbacks.push(cb)));
  for (const callback of callbacks) {
    try {
      await callback();
    } catch (error) {
      onCallbackError(error);
    }
  }
  return result;
}
