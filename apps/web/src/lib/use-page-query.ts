import type { Page } from '@itsm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from './api';

/**
 * One page of a server list (`GET path?query`), cached under `[...key, query]`; the previous page stays
 * on screen while the next one loads.
 */
export function usePageQuery<T>(key: readonly unknown[], path: string, query: Query) {
  return useQuery({
    queryKey: [...key, query],
    queryFn: () => api<Page<T>>('GET', path, undefined, query),
    placeholderData: keepPreviousData,
  });
}
