import type { Group, Page, Site, Structure, User } from '@itsm/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api';

// Reference lists for selects and name look-ups (users, groups, sites, the journals): one cache for all.
// One page of 200 is the API's maximum, and far more than an organisation's structures or sites.
const LOOKUP_SIZE = 200;

type Lookups = { structures: Structure; sites: Site; groups: Group };

/** The query of one reference list (key `['lookup', kind]`, refreshed after every change to it). */
export function lookupQuery<K extends keyof Lookups>(kind: K) {
  return queryOptions({
    queryKey: ['lookup', kind],
    queryFn: () => api<Page<Lookups[K]>>('GET', `/${kind}`, undefined, { page_size: LOOKUP_SIZE }),
    staleTime: 60_000,
  });
}

const results = <T>(page: Page<T>) => page.results;

export const useStructures = () => useQuery({ ...lookupQuery('structures'), select: results });
export const useSites = () => useQuery({ ...lookupQuery('sites'), select: results });
export const useGroups = () => useQuery({ ...lookupQuery('groups'), select: results });

/** One user, by id (names shown in pickers and journals). */
export const userQuery = (id: number) =>
  queryOptions({
    queryKey: ['users', 'one', id],
    queryFn: () => api<User>('GET', `/users/${id}`),
    staleTime: 60_000,
  });

export function useUser(id: number | null | undefined) {
  return useQuery({ ...userQuery(id ?? 0), enabled: typeof id === 'number' });
}

/** id → name, for tables that show a structure, a site or a group by name. */
export function namesById(items: ReadonlyArray<{ id: number; name: string }> | undefined) {
  return new Map((items ?? []).map((item) => [item.id, item.name]));
}
