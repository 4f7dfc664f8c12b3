import type { Page } from '@itsm/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { PageHeader } from '../../components/ui/page-header';
import type { ListControls } from '../../components/ui/use-list-search';
import { formatDateTime } from '../../lib/format';
import { FilterPanel } from './journal-filters';

/** The wording of a journal, under the same keys in `login.*` and `audit.*`. */
type JournalText = 'title' | 'intro' | 'searchPlaceholder' | 'empty' | 'emptyFiltered';

/** A journal: its title, the filter panel (search + `filters`), the table of entries, then `children`. */
export function JournalPage<T>({
  text,
  list,
  query,
  columns,
  renderCard,
  onRowClick,
  filters,
  children,
}: {
  /** `(key) => t(`login.${key}`)`. */
  text: (key: JournalText) => string;
  list: ListControls & { filterCount: number };
  query: UseQueryResult<Page<T>>;
  columns: ColumnDef<T, unknown>[];
  renderCard: (row: T) => ReactNode;
  onRowClick?: (row: T) => void;
  filters: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={text('title')} description={text('intro')} descriptionSize="base" />
      <FilterPanel list={list} searchPlaceholder={text('searchPlaceholder')}>
        {filters}
      </FilterPanel>
      <DataTable
        columns={columns}
        {...list.tableProps(query, { none: text('empty'), filtered: text('emptyFiltered') })}
        caption={text('title')}
        onRowClick={onRowClick}
        renderCard={renderCard}
      />
      {children}
    </div>
  );
}

/** When an entry was written, to the second (a journal needs them). */
export function JournalTime({ value, className }: { value: string; className?: string }) {
  const { i18n } = useTranslation();
  return (
    <time dateTime={value} className={className}>
      {formatDateTime(value, i18n.resolvedLanguage ?? 'fr', { seconds: true })}
    </time>
  );
}

/** The first column of a journal: the time of the entry, sortable (newest first by default). */
export function timeColumn<T extends { created_at: string }>(header: string): ColumnDef<T, unknown> {
  return {
    id: 'created_at',
    header,
    meta: { ordering: 'created_at' },
    cell: ({ row }) => (
      <JournalTime value={row.original.created_at} className="whitespace-nowrap tabular-nums" />
    ),
  };
}
