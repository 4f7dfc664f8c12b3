import type { Sla } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { DeleteDialog } from '../../components/ui/delete-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { SelectField } from '../../components/ui/select-field';
import { useListSearch } from '../../components/ui/use-list-search';
import { namesById } from '../../lib/lookups';
import { usePageQuery } from '../../lib/use-page-query';
import { formatMinutes } from './durations';
import { EscalationLevelsDialog, escalationLevelsQuery } from './escalation-levels';
import { adminQueryKey, useCalendars, useRefreshTicketConfig } from './queries';
import { formatShare } from './shares';
import { SlaForm } from './sla-form';
import { ActiveBadge } from './ui';

const route = getRouteApi('/app/admin/slas');

/** "30 min – 8 h": the targets of the highest and the lowest priority. */
function range(sla: Sla, key: 'first_response_minutes' | 'resolution_minutes', language: string) {
  const high = formatMinutes(sla.targets[5][key], language);
  const low = formatMinutes(sla.targets[1][key], language);
  return high === low ? high : `${high} – ${low}`;
}

/** The SLAs: their calendar, targets per priority, warnings and escalation levels. */
export function SlasPage() {
  const { t, i18n } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefreshTicketConfig();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'is_active'],
  });
  const slas = usePageQuery<Sla>(adminQueryKey('slas', 'list'), '/slas', {
    ...list.params,
    search: search.search,
    is_active: search.is_active,
  });
  const calendars = useCalendars();
  const calendarNames = namesById(calendars.data);
  const levels = useQuery(escalationLevelsQuery());
  const levelCounts = useMemo(() => {
    const counts = new Map<number, number>();
    for (const level of levels.data ?? []) counts.set(level.sla, (counts.get(level.sla) ?? 0) + 1);
    return counts;
  }, [levels.data]);

  const [editing, setEditing] = useState<Sla | 'new' | null>(null);
  const [escalating, setEscalating] = useState<Sla | null>(null);
  const [deleting, setDeleting] = useState<Sla | null>(null);

  const menu = (sla: Sla) => (
    <ActionMenu
      label={t('slas.actions.label', { name: sla.name })}
      items={[
        { id: 'edit', label: ts('actions.edit') },
        { id: 'levels', label: t('slas.actions.levels') },
        { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
      ]}
      onAction={(id) => {
        if (id === 'edit') setEditing(sla);
        else if (id === 'levels') setEscalating(sla);
        else setDeleting(sla);
      }}
    />
  );

  const calendarText = (sla: Sla) =>
    sla.calendar === null ? (
      <Badge tone="indigo">{t('slas.alwaysOpen')}</Badge>
    ) : (
      <span className="text-slate-700 dark:text-slate-300">{calendarNames.get(sla.calendar) ?? '…'}</span>
    );

  const targetsText = (sla: Sla) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs whitespace-nowrap">
      <dt className="text-slate-500 dark:text-slate-400">{t('slas.columns.firstResponse')}</dt>
      <dd className="text-slate-800 tabular-nums dark:text-slate-200">
        {range(sla, 'first_response_minutes', language)}
      </dd>
      <dt className="text-slate-500 dark:text-slate-400">{t('slas.columns.resolution')}</dt>
      <dd className="text-slate-800 tabular-nums dark:text-slate-200">
        {range(sla, 'resolution_minutes', language)}
      </dd>
    </dl>
  );

  const levelsButton = (sla: Sla) => (
    <button
      type="button"
      onClick={() => setEscalating(sla)}
      className="rounded-md px-1.5 py-0.5 font-medium whitespace-nowrap text-indigo-700 tabular-nums hover:bg-indigo-50 hover:underline dark:text-indigo-300 dark:hover:bg-indigo-950/50"
    >
      {levels.data ? t('slas.levelsCount', { count: levelCounts.get(sla.id) ?? 0 }) : '…'}
    </button>
  );

  const state = (sla: Sla) => (
    <span className="flex flex-wrap gap-1.5">
      {sla.is_default ? <Badge tone="violet">{t('slas.default')}</Badge> : null}
      <ActiveBadge active={sla.is_active} />
    </span>
  );

  const warnings = (sla: Sla) =>
    sla.warning_shares.length === 0 ? (
      <span className="text-slate-400">{t('slas.noWarnings')}</span>
    ) : (
      <span className="whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-300">
        {sla.warning_shares.map((s) => formatShare(s, language)).join(', ')}
      </span>
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or names change
  const columns = useMemo<ColumnDef<Sla, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('slas.columns.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <div className="max-w-xs min-w-40">
            <p className="font-medium text-slate-900 dark:text-white">{row.original.name}</p>
            {row.original.description ? (
              <p className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">
                {row.original.description}
              </p>
            ) : null}
          </div>
        ),
      },
      { id: 'calendar', header: t('slas.columns.calendar'), cell: ({ row }) => calendarText(row.original) },
      { id: 'targets', header: t('slas.columns.targets'), cell: ({ row }) => targetsText(row.original) },
      { id: 'warnings', header: t('slas.columns.warnings'), cell: ({ row }) => warnings(row.original) },
      { id: 'levels', header: t('slas.columns.levels'), cell: ({ row }) => levelsButton(row.original) },
      { id: 'state', header: t('slas.columns.state'), cell: ({ row }) => state(row.original) },
      actionsColumn(menu),
    ],
    [language, calendars.data, levels.data],
  );

  const card = (sla: Sla) => (
    <div className="flex flex-col gap-2">
      <CardHeader title={sla.name} subtitle={sla.description ?? ''} menu={menu(sla)} />
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {state(sla)}
        {calendarText(sla)}
      </div>
      {targetsText(sla)}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="text-slate-500 dark:text-slate-400">
          {t('slas.card.warnings')} {warnings(sla)}
        </span>
        <span className="-ml-1.5">{levelsButton(sla)}</span>
      </div>
    </div>
  );

  return (
    <ListPage
      text={(key) => t(`slas.${key}`)}
      list={list}
      query={slas}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing('new')}
      filters={
        <SelectField
          label={t('slas.filters.state')}
          value={search.is_active ?? ''}
          onChange={(value) =>
            list.setFilters({ is_active: (value || undefined) as 'true' | 'false' | undefined })
          }
          emptyLabel={t('slas.filters.all')}
          options={[
            { value: 'true', label: t('slas.filters.active') },
            { value: 'false', label: t('slas.filters.inactive') },
          ]}
        />
      }
      filterLayout={{ className: 'sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]' }}
    >
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        size="lg"
        title={(sla) =>
          sla === 'new' ? t('slas.form.createTitle') : t('slas.form.editTitle', { name: sla.name })
        }
      >
        {(sla) => <SlaForm sla={sla === 'new' ? null : sla} onDone={() => setEditing(null)} />}
      </ItemDialog>
      <EscalationLevelsDialog sla={escalating} onClose={() => setEscalating(null)} />
      <DeleteDialog
        item={deleting}
        path={(sla) => `/slas/${sla.id}`}
        text={(key, options) => t(`slas.${key}`, options)}
        onClose={() => setDeleting(null)}
        onDeleted={refresh}
      >
        {t('slas.confirmDelete.body')}
      </DeleteDialog>
    </ListPage>
  );
}
