import type { Page } from '@itsm/contracts';
import { type ColumnDef, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { EmptyState, ErrorState, Spinner } from './states';

export type Ordering = { field: string; descending: boolean } | null;

export type DataTableProps<T> = {
  columns: ColumnDef<T, unknown>[];
  page: Page<T> | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  /** 1-based page number and page size of the server-side list. */
  pageNumber: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** Server ordering; columns whose `meta.ordering` names an API ordering field are sortable. */
  ordering: Ordering;
  onOrderingChange: (ordering: Ordering) => void;
  emptyTitle: ReactNode;
  caption: string;
  /** Row → a card on phones (tables scroll sideways otherwise). */
  renderCard?: (row: T) => ReactNode;
  /** A click anywhere on a row (mouse convenience: keep a real button in the row for keyboards). */
  onRowClick?: (row: T) => void;
};

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData, TValue> {
    ordering?: string;
  }
}

/** A server-paginated table: the API sorts, filters and pages; loading, empty and error states included. */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation('shell');
  const table = useReactTable({
    data: props.page?.results ?? [],
    columns: props.columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
  });
  const count = props.page?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / props.pageSize));

  if (props.error) return <ErrorState error={props.error} onRetry={props.onRetry} />;
  if (props.isLoading && !props.page) return <Spinner />;

  const sortButton = (field: string, label: ReactNode) => {
    const active = props.ordering?.field === field;
    const next: Ordering = !active
      ? { field, descending: false }
      : props.ordering?.descending
        ? null
        : { field, descending: true };
    return (
      <button
        type="button"
        onClick={() => props.onOrderingChange(next)}
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-white"
      >
        {label}
        <span aria-hidden="true" className={clsx('text-xs', !active && 'opacity-30')}>
          {active && props.ordering?.descending ? '▼' : '▲'}
        </span>
      </button>
    );
  };

  return (
    <div className="flex flex-col gap-3">
      {count === 0 ? (
        <EmptyState title={props.emptyTitle} />
      ) : (
        <>
          {props.renderCard ? (
            <ul className="flex flex-col gap-2 md:hidden">
              {table.getRowModel().rows.map((row) => (
                <li
                  key={row.id}
                  className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                >
                  {props.renderCard?.(row.original)}
                </li>
              ))}
            </ul>
          ) : null}
          <div
            className={clsx(
              'overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
              props.renderCard && 'hidden md:block',
            )}
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{props.caption}</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-900/60 dark:text-slate-400">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const field = header.column.columnDef.meta?.ordering;
                      const label = flexRender(header.column.columnDef.header, header.getContext());
                      const active = field && props.ordering?.field === field;
                      return (
                        <th
                          key={header.id}
                          scope="col"
                          className="px-4 py-3 whitespace-nowrap"
                          aria-sort={
                            active ? (props.ordering?.descending ? 'descending' : 'ascending') : undefined
                          }
                        >
                          {field ? sortButton(field, label) : label}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {table.getRowModel().rows.map((row) => (
                  <tr
                    key={row.id}
                    onClick={props.onRowClick ? () => props.onRowClick?.(row.original) : undefined}
                    className={clsx(
                      'hover:bg-slate-50 dark:hover:bg-slate-800/50',
                      props.onRowClick && 'cursor-pointer',
                    )}
                  >
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className="px-4 py-3 align-middle">
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav
        aria-label={t('table.pagination')}
        className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
      >
        <span className="whitespace-nowrap">{t('table.count', { count })}</span>
        <div className="ml-auto flex items-center gap-2">
          <Button
            variant="secondary"
            isDisabled={props.pageNumber <= 1}
            onPress={() => props.onPageChange(props.pageNumber - 1)}
          >
            {t('table.previous')}
          </Button>
          <span aria-current="page" className="whitespace-nowrap">
            {t('table.pageOf', { page: props.pageNumber, pages: lastPage })}
          </span>
          <Button
            variant="secondary"
            isDisabled={props.pageNumber >= lastPage}
            onPress={() => props.onPageChange(props.pageNumber + 1)}
          >
            {t('table.next')}
          </Button>
        </div>
      </nav>
    </div>
  );
}

/** `-last_name` ↔ { field: 'last_name', descending: true }. */
export function orderingParam(ordering: Ordering): string | undefined {
  return ordering ? `${ordering.descending ? '-' : ''}${ordering.field}` : undefined;
}
export function parseOrdering(param: string | undefined): Ordering {
  if (!param) return null;
  return param.startsWith('-')
    ? { field: param.slice(1), descending: true }
    : { field: param, descending: false };
}
