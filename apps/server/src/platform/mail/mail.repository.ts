import type { Kysely, Selectable } from 'kysely';
import type { DB, MailOutboxTable } from '../../db/types.js';

export type OutboxMessage = Selectable<MailOutboxTable>;
export type NewOutboxMessage = { to: string; subject: string; text: string; html: string | null };

/** The mail outbox: messages are written with the caller's data and delivered later by a job. */
export function createMailRepository(db: Kysely<DB>) {
  return {
    /** Pass the caller's transaction: the message then exists only if that transaction commits. */
    async insert(message: NewOutboxMessage, now: Date, executor: Kysely<DB> = db): Promise<number> {
      const at = now.toISOString();
      const row = await executor
        .insertInto('mail_outbox')
        .values({
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html,
          status: 'pending',
          next_attempt_at: at,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Locks up to `limit` due messages until `lockedUntil` and returns them, in one statement so
     * that two nodes never claim the same message. The conditions are repeated outside the
     * subquery: PostgreSQL re-checks them on a row that a concurrent claim has just updated.
     */
    async claimDue(now: Date, lockedUntil: Date, limit: number): Promise<OutboxMessage[]> {
      const at = now.toISOString();
      return db
        .updateTable('mail_outbox')
        .set({ locked_until: lockedUntil.toISOString() })
        .where((eb) =>
          eb.and([
            eb(
              'id',
              'in',
              eb
                .selectFrom('mail_outbox')
                .select('id')
                .where('status', '=', 'pending')
                .where('next_attempt_at', '<=', at)
                .where((inner) =>
                  inner.or([inner('locked_until', 'is', null), inner('locked_until', '<', at)]),
                )
                .orderBy('id')
                .limit(limit),
            ),
            eb('status', '=', 'pending'),
            eb('next_attempt_at', '<=', at),
            eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]),
          ]),
        )
        .returningAll()
        .execute()
        .then((rows) => rows.sort((a, b) => a.id - b.id));
    },

    /** Gives back claimed messages that were not tried, without counting an attempt. */
    async release(ids: number[]): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('mail_outbox').set({ locked_until: null }).where('id', 'in', ids).execute();
    },

    async markSent(id: number, at: Date): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: 'sent',
          attempts: eb('attempts', '+', 1),
          sent_at: at.toISOString(),
          locked_until: null,
        }))
        .where('id', '=', id)
        .execute();
    },

    /** Development mode: the message went to the log instead of an SMTP server. */
    async markLogged(id: number, at: Date): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ status: 'logged', sent_at: at.toISOString(), locked_until: null })
        .where('id', '=', id)
        .execute();
    },

    async markRetry(id: number, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({
          attempts,
          next_attempt_at: nextAttemptAt.toISOString(),
          last_error: error,
          locked_until: null,
        })
        .where('id', '=', id)
        .execute();
    },

    async markFailed(id: number, attempts: number, error: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ status: 'failed', attempts, last_error: error, locked_until: null })
        .where('id', '=', id)
        .execute();
    },

    async findById(id: number): Promise<OutboxMessage | undefined> {
      return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },
  };
}

export type MailRepository = ReturnType<typeof createMailRepository>;
