import type { Page, Site } from '@itsm/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { SelectField } from '../../components/ui/select-field';
import { notify } from '../../components/ui/toast';
import { ApiError, api } from '../../lib/api';
import { FilterBar, PageHeader, SearchBox } from '../users/list-controls';
import { namesById, structureOptions, useStructures } from '../users/lookups';
import { SiteFormDialog } from './site-form-dialog';

const route = getRouteApi('/app/admin/sites');
const PAGE_SIZE = 25;

export function SitesPage() {
  const { t, i18n } = useTranslation('sites');
  const { t: ts } = useTranslation('shell');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const page = search.page ?? 1;

  const params = {
    page,
    page_size: PAGE_SIZE,
    search: search.search,
    ordering: search.ordering,
    structure: search.structure,
  };
  const list = useQuery({
    queryKey: ['sites', 'list', params],
    queryFn: () => api<Page<Site>>('GET', '/sites', undefined, params),
    placeholderData: keepPreviousData,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);

  const [editing, setEditing] = useState<Site | null | undefined>(undefined); // null: a new site
  const [deleting, setDeleting] = useState<Site | null>(null);

  const filtered = Boolean(search.search || search.structure);
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const menu = (site: Site) => (
    <ActionMenu
      label={t('actions.label', { name: site.name })}
      items={[
        { id: 'edit', label: ts('actions.edit') },
        { id: 'users', label: t('actions.users') },
        { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
      ]}
      onAction={(id) => {
        if (id === 'edit') setEditing(site);
        else if (id === 'users') void navigate({ to: '/admin/users', search: { site: site.id } });
        else setDeleting(site);
      }}
    />
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or names change
  const columns = useMemo<ColumnDef<Site, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('columns.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <span className="font-medium text-slate-900 dark:text-white">{row.original.name}</span>
        ),
      },
      {
        id: 'address',
        header: t('columns.address'),
        cell: ({ row }) =>
          row.original.address ? (
            <address className="text-sm whitespace-pre-line text-slate-600 not-italic dark:text-slate-400">
              {row.original.address}
            </address>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: 'structure',
        header: t('columns.structure'),
        cell: ({ row }) => (
          <span className="text-slate-700 dark:text-slate-300">
            {structureNames.get(row.original.structure) ?? '…'}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('columns.actions')}</span>,
        cell: ({ row }) => <div className="flex justify-end">{menu(row.original)}</div>,
      },
    ],
    [i18n.language, structures.data],
  );

  const card = (site: Site) => (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900 dark:text-white">{site.name}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {structureNames.get(site.structure) ?? '…'}
          </p>
        </div>
        {menu(site)}
      </div>
      {site.address ? (
        <address className="text-sm whitespace-pre-line text-slate-600 not-italic dark:text-slate-400">
          {site.address}
        </address>
      ) : null}
    </div>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Button onPress={() => setEditing(null)}>{t('new')}</Button>}
      />

      <FilterBar className="sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <SearchBox
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={search.search ?? ''}
          onChange={(value) => setSearch({ search: value || undefined })}
        />
        <SelectField
          label={t('filters.structure')}
          value={search.structure ? String(search.structure) : ''}
          onChange={(value) => setSearch({ structure: value ? Number(value) : undefined })}
          options={structureOptions(structures.data)}
          emptyLabel={t('filters.allStructures')}
        />
        <Button
          variant="ghost"
          isDisabled={!filtered}
          className={clsx(!filtered && 'max-sm:hidden')}
          onPress={() => void navigate({ search: { ordering: search.ordering }, replace: true })}
        >
          {t('filters.clear')}
        </Button>
      </FilterBar>

      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        pageNumber={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
        }
        ordering={parseOrdering(search.ordering)}
        onOrderingChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, ordering: orderingParam(next), page: undefined }) })
        }
        emptyTitle={filtered ? t('empty.filtered') : t('empty.none')}
        caption={t('title')}
        renderCard={card}
      />

      <SiteFormDialog
        isOpen={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        site={editing ?? null}
        structure={search.structure}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('confirmDelete.title', { name: deleting?.name ?? '' })}
        confirmLabel={ts('actions.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          await api('DELETE', `/sites/${deleting.id}`);
          notify(t('toast.deleted', { name: deleting.name }));
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: ['sites'] }),
            queryClient.invalidateQueries({ queryKey: ['lookup'] }),
            queryClient.invalidateQueries({ queryKey: ['count'] }),
          ]);
        }}
        describeError={(error) =>
          error instanceof ApiError && error.code === 'IN_USE' ? t('errors.inUse') : undefined
        }
      >
        {t('confirmDelete.body')}
      </ConfirmDialog>
    </div>
  );
}
