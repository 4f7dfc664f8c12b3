import type { Notification, NotificationEvent } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { useEffect, useState } from 'react';
import { Dialog as AriaDialog, Button, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BellIcon } from '../../components/icons';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { formatDateTime, formatRelative } from '../../lib/format';
import { latestQuery, markAllRead, markRead, unreadQuery } from './notification-api';
import { badgeText, detailOf, ticketNumber } from './notification-text';
import { useNotificationStream } from './use-notification-stream';

const iconButton =
  'relative inline-flex size-10 items-center justify-center rounded-lg text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

const EVENT_DOT: Record<NotificationEvent, string> = {
  ticket_created: 'bg-sky-500',
  ticket_assigned: 'bg-indigo-500',
  ticket_commented: 'bg-indigo-500',
  ticket_resolved: 'bg-emerald-500',
  ticket_closed: 'bg-slate-400',
  ticket_escalated: 'bg-rose-500',
  ticket_sla_warning: 'bg-amber-500',
  approval_requested: 'bg-violet-500',
  survey_requested: 'bg-amber-500',
};

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const { t, i18n } = useTranslation('notifications');
  const language = i18n.resolvedLanguage ?? 'fr';
  const unread = notification.read_at === null;
  const number = notification.ticket ? ticketNumber(notification.ticket) : '';
  const actor = notification.actor_name ?? t('someone');
  const detail = detailOf(notification);
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(notification)}
        className={clsx(
          'flex w-full gap-3 rounded-lg px-3 py-2.5 text-left outline-none hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:hover:bg-slate-800',
          unread && 'bg-indigo-50/60 dark:bg-indigo-950/30',
        )}
      >
        <span
          aria-hidden="true"
          className={clsx(
            'mt-1.5 size-2 shrink-0 rounded-full',
            unread ? EVENT_DOT[notification.event] : 'bg-transparent',
          )}
        />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className={clsx('text-sm text-slate-800 dark:text-slate-200', unread && 'font-semibold')}>
            {t(`events.${notification.event}`, { actor, number })}
          </span>
          {notification.ticket_title ? (
            <span className="truncate text-xs text-slate-600 dark:text-slate-400">
              {notification.ticket_title}
            </span>
          ) : null}
          {detail ? (
            <span className="line-clamp-2 text-xs text-slate-500 italic dark:text-slate-400">{detail}</span>
          ) : null}
          <time
            dateTime={notification.created_at}
            title={formatDateTime(notification.created_at, language)}
            className="text-xs text-slate-500 dark:text-slate-500"
          >
            {formatRelative(notification.created_at, language)}
          </time>
        </span>
        {unread ? <span className="sr-only">{t('unread')}</span> : null}
      </button>
    </li>
  );
}

/** The bell of the top bar: unread count (live), the latest notifications, mark read, open the ticket. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const live = useNotificationStream();
  const unread = useQuery(unreadQuery(live));
  const [open, setOpen] = useState(false);
  const latest = useQuery({ ...latestQuery, enabled: open });
  const count = badgeText(unread.data);

  // Fresh list each time the popover opens (the stream may have been down).
  useEffect(() => {
    if (open) void queryClient.invalidateQueries({ queryKey: latestQuery.queryKey });
  }, [open, queryClient]);

  async function openNotification(notification: Notification) {
    setOpen(false);
    markRead(queryClient, notification).catch((error) => notify(errorMessage(error), 'error'));
    if (notification.ticket) {
      await navigate({ to: '/tickets/$id', params: { id: String(notification.ticket) } });
    }
  }

  const items = latest.data?.results ?? [];
  const hasUnread = (unread.data ?? 0) > 0 || items.some((n) => n.read_at === null);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button
        aria-label={count ? t('bellUnread', { count: unread.data ?? 0 }) : t('bell')}
        className={iconButton}
      >
        <BellIcon className="size-5" />
        {count ? (
          <span
            aria-hidden="true"
            className="absolute top-1 right-1 inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-rose-600 px-1 text-[0.625rem] leading-none font-bold text-white ring-2 ring-white dark:ring-slate-950"
          >
            {count}
          </span>
        ) : null}
      </Button>
      <Popover
        placement="bottom end"
        className="w-[min(24rem,calc(100vw-1.5rem))] rounded-xl border border-slate-200 bg-white shadow-lg outline-none dark:border-slate-800 dark:bg-slate-900"
      >
        <AriaDialog aria-label={t('title')} className="flex max-h-[min(32rem,80dvh)] flex-col outline-none">
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
            <p className="font-semibold text-slate-900 dark:text-white">{t('title')}</p>
            {hasUnread ? (
              <button
                type="button"
                onClick={() =>
                  markAllRead(queryClient).catch((error) => notify(errorMessage(error), 'error'))
                }
                className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
              >
                {t('markAllRead')}
              </button>
            ) : null}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-1.5">
            {latest.isLoading ? (
              <p className="px-3 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
                {t('loading')}
              </p>
            ) : latest.error ? (
              <p className="px-3 py-6 text-center text-sm text-rose-700 dark:text-rose-300">
                {errorMessage(latest.error)}
              </p>
            ) : items.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm text-slate-500 dark:text-slate-400">{t('empty')}</p>
            ) : (
              <ul className="flex flex-col gap-0.5">
                {items.map((notification) => (
                  <NotificationItem
                    key={notification.id}
                    notification={notification}
                    onOpen={openNotification}
                  />
                ))}
              </ul>
            )}
          </div>
          <div className="border-t border-slate-200 px-4 py-2.5 text-right dark:border-slate-800">
            <Link
              to="/account"
              search={{ tab: 'notifications' }}
              onClick={() => setOpen(false)}
              className="text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"
            >
              {t('settings')}
            </Link>
          </div>
        </AriaDialog>
      </Popover>
    </DialogTrigger>
  );
}
