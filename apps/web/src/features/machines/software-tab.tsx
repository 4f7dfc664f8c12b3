import type { MachineDetail, Software } from '@itsm/contracts';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { ListFilters } from '../../components/ui/list-filters';
import { type ListSearch, useListSearch } from '../../components/ui/use-list-search';
import { usePageQuery } from '../../lib/use-page-query';
import { NoInventory } from './hardware-tab';
import { machineKeys } from './machine-api';

const PAGE_SIZE = 50;

/** The software installed on the machine, searched and paged by the server. */
export function SoftwareTab({ machine }: { machine: MachineDetail }) {
  const { t } = useTranslation('machines');
  // The tab's own page and search, kept while the machine page is open.
  const [search, setSearch] = useState<ListSearch>({});
  const list = useListSearch({
    search,
    navigate: (update) => setSearch(update),
    filters: ['search'],
    pageSize: PAGE_SIZE,
    defaultOrdering: 'name',
  });
  const software = usePageQuery<Software>(
    machineKeys.software(machine.id),
    `/machines/${machine.id}/software`,
    {
      ...list.params,
      search: search.search,
    },
  );

  const columns = useMemo<ColumnDef<Software, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('software.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <span className="font-medium break-all text-slate-900 dark:text-white">{row.original.name}</span>
        ),
      },
      {
        id: 'version',
        header: t('software.version'),
        cell: ({ row }) => (
          <span className="font-mono text-xs break-all text-slate-700 dark:text-slate-300">
            {row.original.version ?? '—'}
          </span>
        ),
      },
      {
        id: 'publisher',
        header: t('software.publisher'),
        cell: ({ row }) => (
          <span className="text-slate-600 dark:text-slate-400">{row.original.publisher ?? '—'}</span>
        ),
      },
      {
        id: 'arch',
        header: t('software.arch'),
        cell: ({ row }) => (
          <span className="text-slate-600 dark:text-slate-400">{row.original.arch ?? '—'}</span>
        ),
      },
    ],
    [t],
  );

  if (!machine.system && machine.software_count === 0) return <NoInventory machine={machine} />;

  const card = (item: Software) => (
    <div className="flex flex-col gap-0.5">
      <p className="font-medium break-all text-slate-900 dark:text-white">{item.name}</p>
      <p className="text-xs break-all text-slate-500 dark:text-slate-400">
        {[item.version, item.publisher, item.arch].filter(Boolean).join(' · ')}
      </p>
    </div>
  );

  return (
    <div className="flex flex-col gap-4">
      <ListFilters
        list={list}
        searchLabel={t('software.search')}
        searchPlaceholder={t('software.searchPlaceholder')}
        className="sm:grid-cols-[minmax(0,1fr)_auto]"
      >
        {null}
      </ListFilters>
      <DataTable
        columns={columns}
        {...list.tableProps(software, { none: t('software.empty'), filtered: t('software.filtered') })}
        caption={t('software.caption')}
        renderCard={card}
      />
    </div>
  );
}
