import type { Notification, NotificationEvent } from '@itsm/contracts';

/** The bell's counter: nothing at zero, "99+" past 99. */
export function badgeText(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

const EVENTS: readonly NotificationEvent[] = [
  'ticket_created',
  'ticket_assigned',
  'ticket_commented',
  'ticket_resolved',
  'ticket_closed',
  'ticket_escalated',
  'ticket_sla_warning',
  'approval_requested',
  'survey_requested',
];

/** One event of the live stream, or null when it is not a notification this page understands. */
export function parseNotification(data: string): Notification | null {
  try {
    const value = JSON.parse(data) as Partial<Notification> | null;
    if (
      !value ||
      typeof value.id !== 'number' ||
      typeof value.event !== 'string' ||
      !EVENTS.includes(value.event) ||
      typeof value.created_at !== 'string'
    ) {
      return null;
    }
    return {
      ticket: null,
      ticket_title: null,
      actor: null,
      actor_name: null,
      data: null,
      read_at: null,
      ...value,
    } as Notification;
  } catch {
    return null;
  }
}

/** "T-000042", as the server numbers tickets. */
export const ticketNumber = (id: number) => `T-${String(id).padStart(6, '0')}`;

/** The excerpt the server kept with the notification (a comment, a reason, a level name). */
export function detailOf(notification: Pick<Notification, 'data'>): string | null {
  const detail = notification.data?.detail;
  if (typeof detail !== 'string') return null;
  // Markdown marks read as noise in a one-line excerpt.
  const plain = detail
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain || null;
}
