import type { Calendar, CategoryNode, Page, Sla, TicketSettings } from '@itsm/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useRefresh } from '../../lib/use-refresh';
import { flattenCategories } from './category-tree';

// Every query of these pages starts with 'ticket-admin': one change refreshes them all.
const ROOT = 'ticket-admin';

/** One page of 200 (the API's maximum) is far more than a help desk's SLAs or calendars. */
const ALL = { page_size: 200, ordering: 'name' } as const;

export const categoryTreeQuery = queryOptions({
  queryKey: [ROOT, 'categories', 'tree'],
  queryFn: () => api<CategoryNode[]>('GET', '/ticket-categories/tree'),
});

export const allSlasQuery = queryOptions({
  queryKey: [ROOT, 'slas', 'all'],
  queryFn: async () => (await api<Page<Sla>>('GET', '/slas', undefined, ALL)).results,
  staleTime: 60_000,
});

export const allCalendarsQuery = queryOptions({
  queryKey: [ROOT, 'calendars', 'all'],
  queryFn: async () => (await api<Page<Calendar>>('GET', '/calendars', undefined, ALL)).results,
  staleTime: 60_000,
});

export const ticketSettingsQuery = queryOptions({
  queryKey: [ROOT, 'settings'],
  queryFn: () => api<TicketSettings>('GET', '/ticket-settings'),
});

export const useSlas = () => useQuery(allSlasQuery);
export const useCalendars = () => useQuery(allCalendarsQuery);

/** Every category, in tree order with its depth, and its path by id (rules show a category by path). */
export function useCategoryList() {
  return useQuery({ ...categoryTreeQuery, select: (tree) => flattenCategories(tree) });
}

/**
 * Refetches what a change of the help desk configuration made stale: these pages, and the reference
 * lists the ticket pages keep (`['lookup', 'ticket-categories']`…).
 */
export function useRefreshTicketConfig() {
  const refresh = useRefresh();
  return () =>
    refresh(
      ROOT,
      ['lookup', 'ticket-categories'],
      ['lookup', 'ticket-settings'],
      ['lookup', 'canned-responses'],
    );
}

export const adminQueryKey = (...parts: unknown[]) => [ROOT, ...parts];
