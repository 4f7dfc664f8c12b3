import type { Notification, Page } from '@itsm/contracts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  latest: ['notifications', 'latest'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How often the unread count is asked for when the live stream is down. */
export const POLL_MS = 60_000;

export const unreadQuery = (live: boolean) =>
  queryOptions({
    queryKey: notificationKeys.unread,
    queryFn: async () => (await api<{ unread: number }>('GET', '/notifications/unread-count')).unread,
    refetchInterval: live ? false : POLL_MS,
    refetchIntervalInBackground: false,
  });

export const latestQuery = queryOptions({
  queryKey: notificationKeys.latest,
  queryFn: () => api<Page<Notification>>('GET', '/notifications', undefined, { page_size: 10 }),
});

/** A notification the stream brought: first in the popover, one more unread. */
export function receive(queryClient: QueryClient, notification: Notification): void {
  queryClient.setQueryData<number>(
    notificationKeys.unread,
    (count) => (count ?? 0) + (notification.read_at ? 0 : 1),
  );
  queryClient.setQueryData<Page<Notification>>(notificationKeys.latest, (page) =>
    page && !page.results.some((n) => n.id === notification.id)
      ? { ...page, count: page.count + 1, results: [notification, ...page.results].slice(0, 10) }
      : page,
  );
}

export async function markRead(queryClient: QueryClient, notification: Notification): Promise<void> {
  if (notification.read_at) return;
  await api('POST', `/notifications/${notification.id}/read`);
  const now = new Date().toISOString();
  queryClient.setQueryData<Page<Notification>>(notificationKeys.latest, (page) =>
    page
      ? { ...page, results: page.results.map((n) => (n.id === notification.id ? { ...n, read_at: now } : n)) }
      : page,
  );
  queryClient.setQueryData<number>(notificationKeys.unread, (count) => Math.max(0, (count ?? 1) - 1));
}

export async function markAllRead(queryClient: QueryClient): Promise<void> {
  await api('POST', '/notifications/read-all');
  const now = new Date().toISOString();
  queryClient.setQueryData<Page<Notification>>(notificationKeys.latest, (page) =>
    page ? { ...page, results: page.results.map((n) => ({ ...n, read_at: n.read_at ?? now })) } : page,
  );
  queryClient.setQueryData<number>(notificationKeys.unread, 0);
}
