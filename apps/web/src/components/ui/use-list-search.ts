import type { Page } from '@itsm/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type DataTableProps, type Ordering, orderingParam, parseOrdering } from './data-table';

/** The search params of a list kept in the URL: its page, its ordering and its filters. */
export type ListSearch = { page?: number; ordering?: string; search?: string };

type Options<S extends ListSearch> = {
  /** The route's search params. */
  search: S;
  /** Writes them (the route's navigate); `replace` for filters, so that typing does not fill the history. */
  navigate: (update: (prev: S) => S, replace: boolean) => void;
  /** The list's filters (besides page and ordering): what makes it "filtered" and what "clear" empties. */
  filters: readonly (keyof S)[];
  pageSize?: number;
  /**
   * The ordering when the URL names none (it then stays out of the URL). Clicking its column toggles
   * between both directions rather than offering "unsorted".
   */
  defaultOrdering?: string;
};

/** The controls a list's filter bar needs, whatever the list. */
export type ListFilterControls = {
  searchText: string;
  setSearchText: (text: string) => void;
  filtered: boolean;
  clearFilters: () => void;
};

/** A list's filter controls and its DataTable wiring, whatever the list (what `useListSearch` gives). */
export type ListControls = ListFilterControls & {
  tableProps: <T>(query: UseQueryResult<Page<T>>, empty: EmptyTitles) => TableWiring<T>;
};

type EmptyTitles = { none: ReactNode; filtered?: ReactNode };

type TableWiring<T> = Pick<
  DataTableProps<T>,
  | 'page'
  | 'isLoading'
  | 'error'
  | 'onRetry'
  | 'pageNumber'
  | 'pageSize'
  | 'onPageChange'
  | 'ordering'
  | 'onOrderingChange'
  | 'emptyTitle'
>;

const reversed = (ordering: string) => (ordering.startsWith('-') ? ordering.slice(1) : `-${ordering}`);

/**
 * A server list's state in the URL: page, ordering and filters, the parameters of its API request,
 * and the DataTable wiring (pages, sortable columns, empty state with or without filters).
 */
export function useListSearch<S extends ListSearch>({
  search,
  navigate,
  filters,
  pageSize = 25,
  defaultOrdering,
}: Options<S>) {
  const page = search.page ?? 1;
  const ordering = search.ordering ?? defaultOrdering;
  const filtered = filters.some((key) => Boolean(search[key]));

  const setFilters = (patch: Partial<S>) =>
    navigate((prev) => ({ ...prev, ...patch, page: undefined }), true);
  const clearFilters = () =>
    setFilters(Object.fromEntries(filters.map((key) => [key, undefined])) as Partial<S>);

  function setOrdering(next: Ordering) {
    let param = orderingParam(next);
    if (defaultOrdering) {
      param ??= reversed(defaultOrdering);
      if (param === defaultOrdering) param = undefined;
    }
    navigate((prev) => ({ ...prev, ordering: param, page: undefined }), false);
  }

  return {
    page,
    filtered,
    /** How many filters are set, the search aside (a "Filters" button shows it). */
    filterCount: filters.filter((key) => key !== 'search' && Boolean(search[key])).length,
    setFilters,
    clearFilters,
    searchText: search.search ?? '',
    setSearchText: (text: string) => setFilters({ search: text || undefined } as Partial<S>),
    /** The paging and ordering parameters of the API request (the page adds its filters). */
    params: { page, page_size: pageSize, ordering },
    /** DataTable's props for this list's query; the empty state says whether filters hide everything. */
    tableProps: <T>(query: UseQueryResult<Page<T>>, empty: EmptyTitles): TableWiring<T> => ({
      page: query.data,
      isLoading: query.isLoading,
      error: query.error,
      onRetry: () => void query.refetch(),
      pageNumber: page,
      pageSize,
      onPageChange: (next: number) =>
        navigate((prev) => ({ ...prev, page: next > 1 ? next : undefined }), false),
      ordering: parseOrdering(ordering),
      onOrderingChange: setOrdering,
      emptyTitle: filtered && empty.filtered ? empty.filtered : empty.none,
    }),
  };
}
