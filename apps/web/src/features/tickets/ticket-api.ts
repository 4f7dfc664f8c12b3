import type {
  Attachment,
  CannedResponse,
  CategoryNode,
  Page,
  Survey,
  TicketDetail,
  TicketSettings,
  TicketTransition,
  TicketView,
  TimelineEntry,
} from '@itsm/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../lib/api';
import { flattenCategories } from './ticket-form';

/** Cache keys of the help desk: `['tickets']` is every ticket query (a change refreshes them all). */
export const ticketKeys = {
  all: ['tickets'] as const,
  list: ['tickets', 'list'] as const,
  detail: (id: number) => ['tickets', 'detail', id] as const,
  timeline: (id: number) => ['tickets', 'timeline', id] as const,
  attachments: (id: number) => ['tickets', 'attachments', id] as const,
  survey: (id: number) => ['tickets', 'survey', id] as const,
};

export const ticketQuery = (id: number) =>
  queryOptions({
    queryKey: ticketKeys.detail(id),
    queryFn: () => api<TicketDetail>('GET', `/tickets/${id}`),
    // The SLA clocks move: a fresh reading every minute while the page is open.
    refetchInterval: 60_000,
  });

export const timelineQuery = (id: number) =>
  queryOptions({
    queryKey: ticketKeys.timeline(id),
    queryFn: () => api<TimelineEntry[]>('GET', `/tickets/${id}/timeline`),
  });

export const attachmentsQuery = (id: number) =>
  queryOptions({
    queryKey: ticketKeys.attachments(id),
    queryFn: () => api<Attachment[]>('GET', `/tickets/${id}/attachments`),
  });

/** The survey of a closed ticket; null when there is none (never sent, or not the caller's to see). */
export const surveyQuery = (id: number) =>
  queryOptions({
    queryKey: ticketKeys.survey(id),
    queryFn: async () => {
      try {
        return await api<Survey>('GET', `/tickets/${id}/survey`);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    },
  });

export const transition = (id: number, body: TicketTransition) =>
  api<TicketDetail>('POST', `/tickets/${id}/transitions`, body);

/** Lists or pages: the reference lists of the help desk come as one or the other. */
const items = <T>(answer: T[] | Page<T>): T[] => (Array.isArray(answer) ? answer : answer.results);

/** The category tree (every category, inactive ones flagged), cached for the session's pages. */
export const categoryTreeQuery = queryOptions({
  queryKey: ['lookup', 'ticket-categories'],
  queryFn: () => api<CategoryNode[]>('GET', '/ticket-categories/tree'),
  staleTime: 5 * 60_000,
});

export function useCategories({ activeOnly = false } = {}) {
  return useQuery({
    ...categoryTreeQuery,
    select: (tree) => flattenCategories(tree, { activeOnly }),
  });
}

export const ticketSettingsQuery = queryOptions({
  queryKey: ['lookup', 'ticket-settings'],
  queryFn: () => api<TicketSettings>('GET', '/ticket-settings'),
  staleTime: 5 * 60_000,
  retry: false,
});

export const cannedResponsesQuery = queryOptions({
  queryKey: ['lookup', 'canned-responses'],
  queryFn: async () =>
    items(
      await api<CannedResponse[] | Page<CannedResponse>>('GET', '/canned-responses', undefined, {
        page_size: 200,
        ordering: 'title',
      }),
    ),
  staleTime: 60_000,
});

export const ticketViewsQuery = queryOptions({
  queryKey: ['tickets', 'views'],
  queryFn: async () =>
    items(await api<TicketView[] | Page<TicketView>>('GET', '/ticket-views', undefined, { page_size: 200 })),
  staleTime: 60_000,
});

/**
 * Uploads one file to a ticket (multipart, field `file`), optionally as part of a comment.
 */
export async function uploadAttachment(
  ticketId: number,
  file: File,
  commentId?: number,
): Promise<Attachment> {
  const form = new FormData();
  if (commentId !== undefined) form.append('comment', String(commentId));
  form.append('file', file, file.name);
  return api<Attachment>('POST', `/tickets/${ticketId}/attachments`, form);
}

/** Where a file is downloaded from; `inline` shows an image in the page rather than saving it. */
export const attachmentUrl = (id: number, { inline = false } = {}) =>
  `/api/v1/attachments/${id}/download${inline ? '?inline=1' : ''}`;

/** The CSV export of the list with these API parameters. */
export const exportUrl = (params: Record<string, string>) => {
  const query = new URLSearchParams(params).toString();
  return `/api/v1/tickets/export.csv${query ? `?${query}` : ''}`;
};
