import type { Group } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { DeleteDialog } from '../../components/ui/delete-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { StructureFilter } from '../../components/ui/structure-select';
import { useListSearch } from '../../components/ui/use-list-search';
import { namesById, useStructures } from '../../lib/lookups';
import { usePageQuery } from '../../lib/use-page-query';
import { useRefresh } from '../../lib/use-refresh';
import { GroupForm } from './group-form';
import { GroupMembersDialog } from './group-members-dialog';

const route = getRouteApi('/app/admin/groups');

export function GroupsPage() {
  const { t, i18n } = useTranslation('groups');
  const { t: ts } = useTranslation('shell');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefresh();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'structure'],
  });
  const groups = usePageQuery<Group>(['groups', 'list'], '/groups', {
    ...list.params,
    search: search.search,
    structure: search.structure,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);

  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [showingMembers, setShowingMembers] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);

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
      actionsColumn(menu),
    ],
    [i18n.language, structures.data],
  );

  const card = (group: Group) => (
    <div className="flex flex-col gap-1.5">
      <CardHeader
        title={group.name}
        subtitle={structureNames.get(group.structure) ?? '…'}
        menu={menu(group)}
      />
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
    <ListPage
      text={(key) => t(key)}
      list={list}
      query={groups}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing('new')}
      filters={
        <StructureFilter value={search.structure} onChange={(structure) => list.setFilters({ structure })} />
      }
      filterLayout={{ className: 'sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]' }}
    >
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        title={(group) =>
          group === 'new' ? t('form.createTitle') : t('form.editTitle', { name: group.name })
        }
      >
        {(group) => (
          <GroupForm
            group={group === 'new' ? null : group}
            structure={search.structure}
            onDone={() => setEditing(null)}
          />
        )}
      </ItemDialog>
      <GroupMembersDialog group={showingMembers} onClose={() => setShowingMembers(null)} />
      <DeleteDialog
        item={deleting}
        path={(group) => `/groups/${group.id}`}
        text={(key, options) => t(key, options)}
        onClose={() => setDeleting(null)}
        onDeleted={() => refresh('groups', 'users', 'lookup', 'count')}
      >
        {t('confirmDelete.body', { count: deleting?.member_count ?? 0 })}
      </DeleteDialog>
    </ListPage>
  );
}
