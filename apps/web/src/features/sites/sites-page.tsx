import type { Site } from '@itsm/contracts';
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
import { SiteForm } from './site-form';

const route = getRouteApi('/app/admin/sites');

export function SitesPage() {
  const { t, i18n } = useTranslation('sites');
  const { t: ts } = useTranslation('shell');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefresh();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'structure'],
  });
  const sites = usePageQuery<Site>(['sites', 'list'], '/sites', {
    ...list.params,
    search: search.search,
    structure: search.structure,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);

  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);

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
      actionsColumn(menu),
    ],
    [i18n.language, structures.data],
  );

  const card = (site: Site) => (
    <div className="flex flex-col gap-1.5">
      <CardHeader title={site.name} subtitle={structureNames.get(site.structure) ?? '…'} menu={menu(site)} />
      {site.address ? (
        <address className="text-sm whitespace-pre-line text-slate-600 not-italic dark:text-slate-400">
          {site.address}
        </address>
      ) : null}
    </div>
  );

  return (
    <ListPage
      text={(key) => t(key)}
      list={list}
      query={sites}
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
        title={(site) => (site === 'new' ? t('form.createTitle') : t('form.editTitle', { name: site.name }))}
      >
        {(site) => (
          <SiteForm
            site={site === 'new' ? null : site}
            structure={search.structure}
            onDone={() => setEditing(null)}
          />
        )}
      </ItemDialog>
      <DeleteDialog
        item={deleting}
        path={(site) => `/sites/${site.id}`}
        text={(key, options) => t(key, options)}
        onClose={() => setDeleting(null)}
        onDeleted={() => refresh('sites', 'lookup', 'count')}
      >
        {t('confirmDelete.body')}
      </DeleteDialog>
    </ListPage>
  );
}
