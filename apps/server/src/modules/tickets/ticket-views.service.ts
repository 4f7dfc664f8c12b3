import type { TicketView, TicketViewCreate } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, conflictError } from '../../platform/errors/app-error.js';

/** A user's saved ticket lists (a name and the list's query string); nobody else sees them. */
export function createTicketViewService({ db, clock }: { db: Kysely<DB>; clock: Clock }) {
  return {
    list(actor: Actor): Promise<TicketView[]> {
      return db
        .selectFrom('ticket_views')
        .select(['id', 'name', 'query', 'created_at'])
        .where('owner_id', '=', actor.id)
        .orderBy('name')
        .orderBy('id')
        .execute();
    },

    async create(actor: Actor, input: TicketViewCreate): Promise<TicketView> {
      const query = new URLSearchParams(input.query.replace(/^\?/, ''));
      query.delete('page');
      return db
        .insertInto('ticket_views')
        .values({
          owner_id: actor.id,
          name: input.name,
          query: query.toString(),
          created_at: clock().toISOString(),
        })
        .returning(['id', 'name', 'query', 'created_at'])
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => {
          if (isUniqueViolation(error))
            throw conflictError('NAME_TAKEN', 'name', 'You already have a view with this name');
          throw error;
        });
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const result = await db
        .deleteFrom('ticket_views')
        .where('id', '=', id)
        .where('owner_id', '=', actor.id)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw new AppError('VIEW_NOT_FOUND');
    },
  };
}

export type TicketViewService = ReturnType<typeof createTicketViewService>;
