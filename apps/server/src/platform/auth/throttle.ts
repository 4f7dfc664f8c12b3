import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import { type AttemptDecision, registerAttempt, type ThrottleLimits } from './throttle-policy.js';

/** Counts attempts per key (`account:…`, `ip:…`) atomically, across server nodes. */
export function createThrottle(db: Kysely<DB>, dialect: DialectHelpers) {
  return {
    attempt(key: string, limits: ThrottleLimits, now: Date): Promise<AttemptDecision> {
      const nowIso = now.toISOString();
      return db.transaction().execute(async (trx) => {
        // Writing first takes SQLite's write lock at once; PostgreSQL locks the row below.
        await trx
          .insertInto('auth_throttle')
          .values({ key, failures: 0, first_failure_at: nowIso, locked_until: null, updated_at: nowIso })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const row = await dialect
          .forUpdate(trx.selectFrom('auth_throttle').selectAll().where('key', '=', key))
          .executeTakeFirstOrThrow();
        const decision = registerAttempt(row.failures === 0 ? undefined : row, now, limits);
        await trx.updateTable('auth_throttle').set(decision.next).where('key', '=', key).execute();
        return decision;
      });
    },

    /** Gives back one attempt (a success from a shared address must not count against the others there). */
    async refund(key: string): Promise<void> {
      await db
        .updateTable('auth_throttle')
        .set((eb) => ({
          failures: sql<number>`case when ${eb.ref('failures')} > 0 then ${eb.ref('failures')} - 1 else 0 end`,
        }))
        .where('key', '=', key)
        .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
  };
}

export type Throttle = ReturnType<typeof createThrottle>;
