import type { Calendar } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { DeleteDialog } from '../../components/ui/delete-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { useListSearch } from '../../components/ui/use-list-search';
import { usePageQuery } from '../../lib/use-page-query';
import { CalendarForm } from './calendar-form';
import { summariseHours, weekdayNames } from './calendar-hours';
import { adminQueryKey, useRefreshTicketConfig, useSlas } from './queries';
import { utcOffset } from './time-zones';

const route = getRouteApi('/app/admin/calendars');

/** Business calendars: the working time SLA clocks count, in a time zone, without holidays. */
export function CalendarsPage() {
  const { t, i18n } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefreshTicketConfig();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search'],
  });
  const calendars = usePageQuery<Calendar>(adminQueryKey('calendars', 'list'), '/calendars', {
    ...list.params,
    search: search.search,
  });
  const slas = useSlas();
  const usedBy = useMemo(() => {
    const names = new Map<number, string[]>();
    for (const sla of slas.data ?? [])
      if (sla.calendar !== null) names.set(sla.calendar, [...(names.get(sla.calendar) ?? []), sla.name]);
    return names;
  }, [slas.data]);
  const dayNames = weekdayNames(language, 'short');
  const today = new Date().toISOString().slice(0, 10);

  const [editing, setEditing] = useState<Calendar | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Calendar | null>(null);

  const menu = (calendar: Calendar) => (
    <ActionMenu
      label={t('calendars.actions.label', { name: calendar.name })}
      items={[
        { id: 'edit', label: ts('actions.edit') },
        { id: 'delete', label: ts('actions.delete'), tone: 'danger', separatorBefore: true },
      ]}
      onAction={(id) => (id === 'edit' ? setEditing(calendar) : setDeleting(calendar))}
    />
  );

  const hours = (calendar: Calendar) => {
    const lines = summariseHours(calendar.hours, dayNames);
    return lines.length === 0 ? (
      <span className="text-slate-400">{t('calendars.noHours')}</span>
    ) : (
      <ul className="text-xs text-slate-700 tabular-nums dark:text-slate-300">
        {lines.map((line) => (
          <li key={line} className="first-letter:uppercase">
            {line}
          </li>
        ))}
      </ul>
    );
  };

  const holidays = (calendar: Calendar) => {
    const upcoming = calendar.holidays.filter((d) => d >= today).length;
    return (
      <span className="text-slate-700 dark:text-slate-300">
        {t('calendars.holidaysCount', { count: calendar.holidays.length })}
        {calendar.holidays.length > 0 ? (
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {t('calendars.upcoming', { count: upcoming })}
          </span>
        ) : null}
      </span>
    );
  };

  const slasText = (calendar: Calendar) => {
    const names = usedBy.get(calendar.id) ?? [];
    return names.length === 0 ? (
      <span className="text-slate-400">{t('calendars.unused')}</span>
    ) : (
      <span className="text-slate-700 dark:text-slate-300">
        {new Intl.ListFormat(language).format(names)}
      </span>
    );
  };

  const zone = (calendar: Calendar) => (
    <span className="whitespace-nowrap text-slate-700 dark:text-slate-300">
      {calendar.time_zone}
      <span className="block text-xs text-slate-500 dark:text-slate-400">
        {utcOffset(calendar.time_zone)}
      </span>
    </span>
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or names change
  const columns = useMemo<ColumnDef<Calendar, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('calendars.columns.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <p className="min-w-32 font-medium text-slate-900 dark:text-white">{row.original.name}</p>
        ),
      },
      { id: 'time_zone', header: t('calendars.columns.timeZone'), cell: ({ row }) => zone(row.original) },
      { id: 'hours', header: t('calendars.columns.hours'), cell: ({ row }) => hours(row.original) },
      { id: 'holidays', header: t('calendars.columns.holidays'), cell: ({ row }) => holidays(row.original) },
      { id: 'slas', header: t('calendars.columns.slas'), cell: ({ row }) => slasText(row.original) },
      actionsColumn(menu),
    ],
    [language, slas.data],
  );

  const card = (calendar: Calendar) => (
    <div className="flex flex-col gap-2">
      <CardHeader
        title={calendar.name}
        subtitle={`${calendar.time_zone} · ${utcOffset(calendar.time_zone)}`}
        menu={menu(calendar)}
      />
      {hours(calendar)}
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {holidays(calendar)}
        <span className="text-sm">
          <span className="text-slate-500 dark:text-slate-400">{t('calendars.card.slas')} </span>
          {slasText(calendar)}
        </span>
      </div>
    </div>
  );

  return (
    <ListPage
      text={(key) => t(`calendars.${key}`)}
      list={list}
      query={calendars}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing('new')}
      filters={null}
      filterLayout={{ className: 'sm:grid-cols-[minmax(0,1fr)_auto]' }}
    >
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        size="lg"
        title={(calendar) =>
          calendar === 'new'
            ? t('calendars.form.createTitle')
            : t('calendars.form.editTitle', { name: calendar.name })
        }
      >
        {(calendar) => (
          <CalendarForm calendar={calendar === 'new' ? null : calendar} onDone={() => setEditing(null)} />
        )}
      </ItemDialog>
      <DeleteDialog
        item={deleting}
        path={(calendar) => `/calendars/${calendar.id}`}
        text={(key, options) => t(`calendars.${key}`, options)}
        onClose={() => setDeleting(null)}
        onDeleted={refresh}
      >
        {t('calendars.confirmDelete.body')}
      </DeleteDialog>
    </ListPage>
  );
}
