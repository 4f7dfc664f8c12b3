import type { AuditEntry, Page } from '@itsm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { DateField } from '../../components/ui/date-field';
import { SelectField } from '../../components/ui/select-field';
import { api } from '../../lib/api';
import { AuditEntryDialog } from './audit-diff';
import { useAuditLabels } from './audit-labels';
import { FilterPanel, FilterText, UserPicker } from './journal-filters';
import { AUDIT_ACTIONS, dayBound, formatInstant, TARGET_TYPES } from './journal-format';

const route = getRouteApi('/app/admin/audit-log');
const PAGE_SIZE = 25;

type Search = ReturnType<typeof route.useSearch>;

function ActionBadge({ action }: { action: string }) {
  const { actionLabel } = useAuditLabels();
  const verb = action.split('.').pop() ?? '';
  const tone = /deleted|revoked|removed|locked|disabled|deactivated/.test(verb)
    ? 'bg-rose-50 text-rose-700 ring-rose-600/20 dark:bg-rose-950/60 dark:text-rose-300 dark:ring-rose-400/20'
    : /created|added|enabled|accepted/.test(verb)
      ? 'bg-emerald-50 text-emerald-700 ring-emerald-600/20 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/20'
      : 'bg-slate-100 text-slate-700 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/20';
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${tone}`}>
      {actionLabel(action)}
    </span>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  const { targetTypeLabel } = useAuditLabels();
  if (!entry.target_type) return <span className="text-slate-400 dark:text-slate-500">—</span>;
  return (
    <span className="flex flex-col">
      <span className="text-xs text-slate-500 dark:text-slate-400">{targetTypeLabel(entry.target_type)}</span>
      <span className="break-words text-slate-900 dark:text-slate-100">
        {entry.target_label ?? (entry.target_id !== null ? `#${entry.target_id}` : '—')}
      </span>
    </span>
  );
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation('journal');
  const { actionLabel, targetTypeLabel } = useAuditLabels();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const ordering = parseOrdering(search.ordering ?? '-created_at');
  const language = i18n.resolvedLanguage ?? 'fr';
  const [open, setOpen] = useState<AuditEntry | null>(null);

  const setSearch = (patch: Partial<Search>) =>
    void navigate({
      search: (prev: Search) => ({ ...prev, page: undefined, ...patch }),
      replace: true,
    });

  const query = {
    page,
    page_size: PAGE_SIZE,
    ordering: orderingParam(ordering),
    search: search.search,
    action: search.action,
    actor: search.actor,
    target_type: search.target_type,
    created_at__gte: dayBound(search.from, 'start'),
    created_at__lte: dayBound(search.to, 'end'),
  };
  const list = useQuery({
    queryKey: ['audit-log', query],
    queryFn: () => api<Page<AuditEntry>>('GET', '/audit-log', undefined, query),
    placeholderData: keepPreviousData,
  });

  const actionOptions = useMemo(() => {
    const known: string[] = [...AUDIT_ACTIONS];
    if (search.action && !known.includes(search.action)) known.push(search.action);
    return known
      .map((value) => ({ value, label: actionLabel(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  }, [actionLabel, search.action, language]);

  const targetOptions = useMemo(() => {
    const known: string[] = [...TARGET_TYPES];
    if (search.target_type && !known.includes(search.target_type)) known.push(search.target_type);
    return known
      .map((value) => ({ value, label: targetTypeLabel(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  }, [targetTypeLabel, search.target_type, language]);

  const columns = useMemo<ColumnDef<AuditEntry, unknown>[]>(
    () => [
      {
        id: 'created_at',
        header: t('audit.columns.time'),
        meta: { ordering: 'created_at' },
        cell: ({ row }) => (
          <time dateTime={row.original.created_at} className="whitespace-nowrap tabular-nums">
            {formatInstant(row.original.created_at, language)}
          </time>
        ),
      },
      {
        id: 'actor',
        header: t('audit.columns.actor'),
        cell: ({ row }) =>
          row.original.actor_username ? (
            <span className="font-mono text-xs break-all">{row.original.actor_username}</span>
          ) : (
            <span className="text-slate-400 dark:text-slate-500">{t('audit.noActor')}</span>
          ),
      },
      {
        id: 'action',
        header: t('audit.columns.action'),
        cell: ({ row }) => (
          <button
            type="button"
            onClick={(event) => {
              event.stopPropagation();
              setOpen(row.original);
            }}
            aria-label={t('audit.openDetail', { action: actionLabel(row.original.action) })}
            className="rounded-full text-left outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            <ActionBadge action={row.original.action} />
          </button>
        ),
      },
      {
        id: 'target',
        header: t('audit.columns.target'),
        cell: ({ row }) => <Target entry={row.original} />,
      },
      {
        id: 'ip',
        header: t('audit.columns.ip'),
        cell: ({ row }) => <span className="font-mono text-xs">{row.original.ip ?? '—'}</span>,
      },
      {
        id: 'changes',
        header: () => <span className="sr-only">{t('audit.detail.changes')}</span>,
        cell: ({ row }) => {
          const n = row.original.changes ? Object.keys(row.original.changes).length : 0;
          return (
            <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
              {n > 0 ? t('audit.changedFields', { count: n }) : ''}
              <span aria-hidden="true" className="ml-2 text-slate-400">
                ›
              </span>
            </span>
          );
        },
      },
    ],
    [t, language, actionLabel],
  );

  const activeCount = [search.action, search.actor, search.target_type, search.from, search.to].filter(
    Boolean,
  ).length;
  const active = activeCount > 0 || Boolean(search.search);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {t('audit.title')}
        </h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('audit.intro')}</p>
      </div>

      <FilterPanel
        activeCount={activeCount}
        canReset={active}
        primary={
          <FilterText
            search
            label={t('filters.search')}
            placeholder={t('audit.searchPlaceholder')}
            value={search.search ?? ''}
            onCommit={(value) => setSearch({ search: value || undefined })}
          />
        }
        onReset={() =>
          setSearch({
            search: undefined,
            action: undefined,
            actor: undefined,
            target_type: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        <SelectField
          label={t('filters.action')}
          value={search.action ?? ''}
          onChange={(value) => setSearch({ action: value || undefined })}
          emptyLabel={t('filters.allActions')}
          options={actionOptions}
        />
        <UserPicker
          label={t('filters.actor')}
          value={search.actor}
          onChange={(actor) => setSearch({ actor })}
        />
        <SelectField
          label={t('filters.targetType')}
          value={search.target_type ?? ''}
          onChange={(value) => setSearch({ target_type: value || undefined })}
          emptyLabel={t('filters.allTargets')}
          options={targetOptions}
        />
        <DateField
          label={t('filters.from')}
          value={search.from ?? ''}
          max={search.to}
          onChange={(value) => setSearch({ from: value || undefined })}
        />
        <DateField
          label={t('filters.to')}
          value={search.to ?? ''}
          min={search.from}
          onChange={(value) => setSearch({ to: value || undefined })}
        />
      </FilterPanel>

      <DataTable
        columns={columns}
        page={list.data}
        isLoading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        pageNumber={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) => void navigate({ search: (prev: Search) => ({ ...prev, page: next }) })}
        ordering={ordering}
        onOrderingChange={(next) =>
          // Newest first is the default; the time column toggles between both directions.
          setSearch({ ordering: !next || next.descending === false ? 'created_at' : undefined })
        }
        emptyTitle={active ? t('audit.emptyFiltered') : t('audit.empty')}
        caption={t('audit.title')}
        onRowClick={setOpen}
        renderCard={(entry) => (
          <button
            type="button"
            onClick={() => setOpen(entry)}
            className="-m-4 flex w-[calc(100%+2rem)] flex-col gap-2 rounded-xl p-4 text-left text-sm outline-none focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span className="flex w-full items-start justify-between gap-3">
              <ActionBadge action={entry.action} />
              <time
                dateTime={entry.created_at}
                className="text-right text-xs text-slate-500 tabular-nums dark:text-slate-400"
              >
                {formatInstant(entry.created_at, language)}
              </time>
            </span>
            <Target entry={entry} />
            <span className="flex w-full items-center justify-between gap-3 text-xs text-slate-500 dark:text-slate-400">
              <span className="break-all">
                {entry.actor_username ? t('audit.by', { name: entry.actor_username }) : t('audit.noActor')}
              </span>
              <span className="font-mono">{entry.ip ?? ''}</span>
            </span>
          </button>
        )}
      />

      <AuditEntryDialog entry={open} onClose={() => setOpen(null)} />
    </div>
  );
}
