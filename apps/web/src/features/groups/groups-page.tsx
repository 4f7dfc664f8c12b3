import type { Group, Page } from '@itsm/contracts';
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
import { GroupFormDialog } from './group-form-dialog';
import { GroupMembersDialog } from './group-members-dialog';

const route = getRouteApi('/app/admin/groups');
const PAGE_SIZE = 25;

export function GroupsPage() {
  const { t, i18n } = useTranslation('groups');
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
    queryKey: ['groups', 'list', params],
    queryFn: () => api<Page<Group>>('GET', '/groups', undefined, params),
    placeholderData: keepPreviousData,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);

  const [editing, setEditing] = useState<Group | null | undefined>(undefined); // null: a new group
  const [showingMembers, setShowingMembers] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);

  const filtered = Boolean(search.search || search.structure);
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const menu = (group: Group) => (
    <ActionMenu
      label={t('actions.label', { name: group.name })}
      items={[
        { id: 'members', label: t('actions.members') },
        { id: 'edit', label: ts('actions.edit') },
        { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
      ]}
      onAction={(id) => {
        if (id === 'members') setShowingMembers(group);
        else if (id === 'edit') setEditing(group);
        else setDeleting(group);
      }}
    />
  );

  const membersButton = (group: Group) => (
    <button
      type="button"
      onClick={() => setShowingMembers(group)}
      className="rounded-md px-1.5 py-0.5 font-medium text-indigo-700 tabular-nums hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-950/50"
    >
      {t('membersCount', { count: group.member_count })}
    </button>
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or names change
  const columns = useMemo<ColumnDef<Group, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('columns.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <div className="max-w-sm min-w-40">
            <p className="font-medium text-slate-900 dark:text-white">{row.original.name}</p>
            {row.original.description ? (
              <p className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">
                {row.original.description}
              </p>
            ) : null}
          </div>
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
        id: 'members',
        header: t('columns.members'),
        cell: ({ row }) => membersButton(row.original),
      },
      {
        id: 'email',
        header: t('columns.email'),
        cell: ({ row }) =>
          row.original.email ? (
            <span className="text-slate-700 dark:text-slate-300">{row.original.email}</span>
          ) : (
            <span className="text-slate-400">—</span>
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

  const card = (group: Group) => (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900 dark:text-white">{group.name}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {structureNames.get(group.structure) ?? '…'}
          </p>
        </div>
        {menu(group)}
      </div>
      {group.description ? (
        <p className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{group.description}</p>
      ) : null}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="-ml-1.5">{membersButton(group)}</span>
        {group.email ? (
          <span className="truncate text-slate-600 dark:text-slate-400">{group.email}</span>
        ) : null}
      </div>
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

      <GroupFormDialog
        isOpen={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        group={editing ?? null}
        structure={search.structure}
      />
      <GroupMembersDialog group={showingMembers} onClose={() => setShowingMembers(null)} />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('confirmDelete.title', { name: deleting?.name ?? '' })}
        confirmLabel={ts('actions.delete')}
        onConfirm={async () => {
          if (!deleting) return;
          await api('DELETE', `/groups/${deleting.id}`);
          notify(t('toast.deleted', { name: deleting.name }));
          await Promise.all([
            queryClient.invalidateQueries({ queryKey: ['groups'] }),
            queryClient.invalidateQueries({ queryKey: ['users'] }),
            queryClient.invalidateQueries({ queryKey: ['lookup'] }),
            queryClient.invalidateQueries({ queryKey: ['count'] }),
          ]);
        }}
        describeError={(error) =>
          error instanceof ApiError && error.code === 'IN_USE' ? t('errors.inUse') : undefined
        }
      >
        {t('confirmDelete.body', { count: deleting?.member_count ?? 0 })}
      </ConfirmDialog>
    </div>
  );
}
