import {
  NOTIFICATION_EVENTS,
  type Notification,
  type NotificationEvent,
  type NotificationPreference,
} from '@itsm/contracts';
import { type Kysely, sql } from 'kysely';
import type { DialectHelpers } from '../../db/dialect.js';
import type { DB } from '../../db/types.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors/app-error.js';
import { defineList, type ListParams, type PageLinks, paginate } from '../../platform/lists/index.js';

export const notificationList = defineList({
  filters: {
    is_read: {
      type: 'boolean',
      column: 'is_read',
      ops: ['eq'],
      description: 'true: read ones only; false: unread',
    },
    ticket: { type: 'int', column: 'notifications.ticket_id', ops: ['eq'] },
  },
  ordering: { created_at: 'notifications.created_at', id: 'notifications.id' },
  defaultOrdering: '-id',
  tiebreaker: 'notifications.id',
});

type Deps = { db: Kysely<DB>; dialect: DialectHelpers; clock: Clock };

/** A user's own notifications: nobody else's are ever reachable (every query is by his id). */
export function createNotificationService({ db, dialect, clock }: Deps) {
  const own = (actor: Actor) =>
    db
      .selectFrom('notifications')
      .leftJoin('tickets', 'tickets.id', 'notifications.ticket_id')
      .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
      .select([
        'notifications.id',
        'notifications.event',
        'notifications.ticket_id',
        'tickets.title as ticket_title',
        'notifications.actor_id',
        sql<string | null>`actor.first_name || ' ' || actor.last_name`.as('actor_name'),
        'notifications.data_json',
        'notifications.read_at',
        'notifications.created_at',
      ])
      .where('notifications.user_id', '=', actor.id);

  const toNotification = (
    r: Awaited<ReturnType<ReturnType<typeof own>['executeTakeFirstOrThrow']>>,
  ): Notification => ({
    id: r.id,
    event: r.event as NotificationEvent,
    ticket: r.ticket_id,
    ticket_title: r.ticket_title,
    actor: r.actor_id,
    actor_name: r.actor_id === null ? null : r.actor_name,
    data: (r.data_json as Record<string, unknown> | null) ?? null,
    read_at: r.read_at,
    created_at: r.created_at,
  });

  return {
    async list(actor: Actor, params: ListParams, links: PageLinks) {
      const read = params.filters.find((f) => f.column === 'is_read');
      let query = own(actor);
      if (read) query = query.where('notifications.read_at', read.value ? 'is not' : 'is', null);
      const rest = { ...params, filters: params.filters.filter((f) => f !== read) };
      const page = await paginate(query, notificationList, rest, dialect, links);
      return { ...page, results: page.results.map(toNotification) };
    },

    async unreadCount(actor: Actor): Promise<{ unread: number }> {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', actor.id)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { unread: Number(row?.n ?? 0) };
    },

    async markRead(actor: Actor, id: number): Promise<void> {
      const found = await db
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', actor.id)
        .executeTakeFirst();
      if (!found) throw new AppError('NOTIFICATION_NOT_FOUND');
      await db
        .updateTable('notifications')
        .set({ read_at: clock().toISOString() })
        .where('id', '=', id)
        .where('read_at', 'is', null)
        .execute();
    },

    async markAllRead(actor: Actor): Promise<void> {
      await db
        .updateTable('notifications')
        .set({ read_at: clock().toISOString() })
        .where('user_id', '=', actor.id)
        .where('read_at', 'is', null)
        .execute();
    },

    async preferences(actor: Actor): Promise<NotificationPreference[]> {
      const rows = await db
        .selectFrom('notification_preferences')
        .select(['event', 'is_in_app', 'is_email'])
        .where('user_id', '=', actor.id)
        .execute();
      return NOTIFICATION_EVENTS.map((event) => {
        const row = rows.find((r) => r.event === event);
        return { event, is_in_app: row?.is_in_app ?? true, is_email: row?.is_email ?? true };
      });
    },

    async setPreferences(actor: Actor, input: NotificationPreference[]): Promise<NotificationPreference[]> {
      await db.transaction().execute(async (trx) => {
        for (const pref of input) {
          await trx
            .insertInto('notification_preferences')
            .values({
              user_id: actor.id,
              event: pref.event,
              is_in_app: pref.is_in_app,
              is_email: pref.is_email,
            })
            .onConflict((oc) =>
              oc
                .columns(['user_id', 'event'])
                .doUpdateSet({ is_in_app: pref.is_in_app, is_email: pref.is_email }),
            )
            .execute();
        }
      });
      return this.preferences(actor);
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
