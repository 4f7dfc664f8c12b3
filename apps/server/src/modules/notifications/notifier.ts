import type { Notification, NotificationEvent } from '@itsm/contracts';
import type { Kysely } from 'kysely';
import { toJson } from '../../db/column-conventions.js';
import type { AfterCommit } from '../../db/transaction.js';
import type { DB } from '../../db/types.js';
import type { Clock } from '../../platform/clock.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import type { Mailer } from '../../platform/mail/index.js';
import { ticketNumber } from '../tickets/ticket-list.js';
import { ticketMail } from './notification-mails.js';

export type TicketNotice = {
  event: NotificationEvent;
  ticket: { id: number; title: string; requester_id: number };
  actor: { id: number; name: string } | null;
  recipients: readonly (number | null | undefined)[];
  /** Comment excerpt, solution, reason, level name… shown in the e-mail; kept in the notification. */
  detail?: string | null;
  data?: Record<string, unknown>;
  /** Where the e-mail's button points (the survey's signed link); the ticket page otherwise. */
  link?: string;
};

export const userChannel = (userId: number) => `user:${userId}`;

type Deps = {
  clock: Clock;
  mailer: Mailer;
  bus: EventBus;
  /** Base URL of links in e-mails (ITSM_PUBLIC_URL, or the server's own address). */
  publicUrl: string;
  sendMailSoon: () => void;
};

/**
 * Notifies the recipients of a ticket event, inside the caller's transaction: an in-app row and an
 * e-mail each, as their preferences say (both on by default), never the actor himself. Live tabs
 * hear of it once the transaction has committed.
 */
export function createNotifier({ clock, mailer, bus, publicUrl, sendMailSoon }: Deps) {
  return async function notify(
    trx: Kysely<DB>,
    afterCommit: AfterCommit,
    notice: TicketNotice,
  ): Promise<void> {
    const ids = [
      ...new Set(
        notice.recipients.filter((id): id is number => typeof id === 'number' && id !== notice.actor?.id),
      ),
    ];
    if (ids.length === 0) return;
    const users = await trx
      .selectFrom('users')
      .leftJoin('notification_preferences as pref', (join) =>
        join.onRef('pref.user_id', '=', 'users.id').on('pref.event', '=', notice.event),
      )
      .select([
        'users.id',
        'users.email',
        'users.first_name',
        'users.locale',
        'pref.is_in_app',
        'pref.is_email',
      ])
      .where('users.id', 'in', ids)
      .where('users.is_active', '=', true)
      .execute();
    const now = clock().toISOString();
    const data = { ...notice.data, ...(notice.detail ? { detail: notice.detail.slice(0, 500) } : {}) };
    const inApp = users.filter((u) => u.is_in_app !== false);
    const rows =
      inApp.length === 0
        ? []
        : await trx
            .insertInto('notifications')
            .values(
              inApp.map((u) => ({
                user_id: u.id,
                event: notice.event,
                ticket_id: notice.ticket.id,
                actor_id: notice.actor?.id ?? null,
                data_json: toJson(data),
                created_at: now,
              })),
            )
            .returning(['id', 'user_id'])
            .execute();
    const number = ticketNumber(notice.ticket.id);
    const link = notice.link ?? `${publicUrl}/tickets/${notice.ticket.id}`;
    let mailed = false;
    for (const user of users.filter((u) => u.is_email !== false)) {
      await mailer.enqueue(
        trx,
        ticketMail(user, {
          event: notice.event,
          number,
          title: notice.ticket.title,
          actorName: notice.actor?.name ?? null,
          isRequester: user.id === notice.ticket.requester_id,
          detail: notice.detail ?? null,
          breached: notice.data?.breached === true,
          link,
        }),
      );
      mailed = true;
    }
    afterCommit(() => {
      for (const row of rows) {
        const notification: Notification = {
          id: row.id,
          event: notice.event,
          ticket: notice.ticket.id,
          ticket_title: notice.ticket.title,
          actor: notice.actor?.id ?? null,
          actor_name: notice.actor?.name ?? null,
          data,
          read_at: null,
          created_at: now,
        };
        bus.publish(userChannel(row.user_id), notification);
      }
      if (mailed) sendMailSoon();
    });
  };
}

export type Notify = ReturnType<typeof createNotifier>;
