import type { Page } from '@itsm/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import { DataTable } from './data-table';
import { ListFilters } from './list-filters';
import { PageHeader } from './page-header';
import type { ListControls } from './use-list-search';

/** The wording every administration list has in its namespace, under the same keys. */
export type ListText =
  | 'title'
  | 'description'
  | 'new'
  | 'filters.search'
  | 'filters.searchPlaceholder'
  | 'empty.none'
  | 'empty.filtered';

type FilterLayout = Pick<
  ComponentProps<typeof ListFilters>,
  'className' | 'searchClassName' | 'clearClassName' | 'collapseBelow'
>;

/**
 * An administration list: the title with its "New" button, the search and the other filters, the
 * server-paged table (cards on phones), then the page's dialogs (`children`).
 */
export function ListPage<T>({
  text,
  list,
  query,
  columns,
  renderCard,
  onNew,
  filters,
  filterLayout,
  beforeTable,
  children,
}: {
  /** The page's wording: `(key) => t(key)` of its namespace. */
  text: (key: ListText) => string;
  list: ListControls;
  query: UseQueryResult<Page<T>>;
  columns: ColumnDef<T, unknown>[];
  renderCard: (row: T) => ReactNode;
  onNew: () => void;
  /** The filters besides the search. */
  filters: ReactNode;
  filterLayout?: FilterLayout;
  /** Between the filters and the table (a filter shown as a chip). */
  beforeTable?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={text('title')}
        description={text('description')}
        actions={<Button onPress={onNew}>{text('new')}</Button>}
      />
      <ListFilters
        list={list}
        searchLabel={text('filters.search')}
        searchPlaceholder={text('filters.searchPlaceholder')}
        {...filterLayout}
      >
        {filters}
      </ListFilters>
      {beforeTable}
      <DataTable
        columns={columns}
        {...list.tableProps(query, { none: text('empty.none'), filtered: text('empty.filtered') })}
        caption={text('title')}
        renderCard={renderCard}
      />
      {children}
    </div>
  );
}

/** The last column of a list: the row's "…" menu, its header for screen readers only. */
export function actionsColumn<T>(menu: (row: T) => ReactNode): ColumnDef<T, unknown> {
  return {
    id: 'actions',
    header: () => <ActionsHeader />,
    cell: ({ row }) => <div className="flex justify-end">{menu(row.original)}</div>,
  };
}

function ActionsHeader() {
  const { t } = useTranslation('shell');
  return <span className="sr-only">{t('table.actions')}</span>;
}

/** The top of a list's card on phones: the name, a line under it, and the row's menu. */
export function CardHeader({
  title,
  subtitle,
  menu,
  truncate,
}: {
  title: ReactNode;
  subtitle: ReactNode;
  menu: ReactNode;
  /** Cut long texts with "…" rather than wrapping them. */
  truncate?: boolean;
}) {
  return (
    <div className="flex items-start justify-between gap-2">
      <div className="min-w-0">
        <p className={clsx(truncate && 'truncate', 'font-medium text-slate-900 dark:text-white')}>{title}</p>
        <p className={clsx(truncate && 'truncate', 'text-xs text-slate-500 dark:text-slate-400')}>
          {subtitle}
        </p>
      </div>
      {menu}
    </div>
  );
}
