import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { POLL_MS, receive } from './notification-api';
import { parseNotification } from './notification-text';

const STREAM_URL = '/api/v1/notifications/stream';

/**
 * Listens to the live notifications (server-sent events named `notification`) while the shell is
 * open; true while connected. When the stream fails for good, it tries again after a minute, and the
 * unread count is polled meanwhile. A notification about a ticket also refreshes that ticket's pages.
 */
export function useNotificationStream(): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      source = new EventSource(STREAM_URL, { withCredentials: true });
      source.onopen = () => setLive(true);
      source.onerror = () => {
        setLive(false);
        // The browser reconnects by itself unless the server refused the stream (closed).
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(connect, POLL_MS);
        }
      };
      source.addEventListener('notification', (event) => {
        const notification = parseNotification((event as MessageEvent<string>).data);
        if (!notification) return;
        receive(queryClient, notification);
        if (notification.ticket) {
          void queryClient.invalidateQueries({ queryKey: ['tickets', 'detail', notification.ticket] });
          void queryClient.invalidateQueries({ queryKey: ['tickets', 'timeline', notification.ticket] });
        }
        void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);

  return live;
}
