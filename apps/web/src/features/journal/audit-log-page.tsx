import type { AuditEntry } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/ui/select-field';
import { useListSearch } from '../../components/ui/use-list-search';
import { usePageQuery } from '../../lib/use-page-query';
import { AuditEntryDialog } from './audit-diff';
import { useAuditLabels } from './audit-labels';
import { DateRangeFilter, UserPicker } from './journal-filters';
import { AUDIT_ACTIONS, journalQuery, TARGET_TYPES } from './journal-format';
import { JournalPage, JournalTime, timeColumn } from './journal-page';

const route = getRouteApi('/app/admin/audit-log');

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
  const language = i18n.resolvedLanguage ?? 'fr';
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'action', 'actor', 'target_type', 'from', 'to'],
    defaultOrdering: '-created_at',
  });
  const entries = usePageQuery<AuditEntry>(['audit-log'], '/audit-log', {
    ...journalQuery(list.params, search),
    action: search.action,
    actor: search.actor,
    target_type: search.target_type,
  });

  // Every known value, and the URL's even when unknown (an action of a newer server), by label.
  const options = (known: readonly string[], current: string | undefined, label: (value: string) => string) =>
    [...known, ...(current && !known.includes(current) ? [current] : [])]
      .map((value) => ({ value, label: label(value) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  const actionOptions = options(AUDIT_ACTIONS, search.action, actionLabel);
  const targetOptions = options(TARGET_TYPES, search.target_type, targetTypeLabel);

  const columns = useMemo<ColumnDef<AuditEntry, unknown>[]>(
    () => [
      timeColumn(t('audit.columns.time')),
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
    [t, actionLabel],
  );

  return (
    <JournalPage
      text={(key) => t(`audit.${key}`)}
      list={list}
      query={entries}
      columns={columns}
      filters={
        <>
          <SelectField
            label={t('filters.action')}
            value={search.action ?? ''}
            onChange={(value) => list.setFilters({ action: value || undefined })}
            emptyLabel={t('filters.allActions')}
            options={actionOptions}
          />
          <UserPicker
            label={t('filters.actor')}
            value={search.actor}
            onChange={(actor) => list.setFilters({ actor })}
          />
          <SelectField
            label={t('filters.targetType')}
            value={search.target_type ?? ''}
            onChange={(value) => list.setFilters({ target_type: value || undefined })}
            emptyLabel={t('filters.allTargets')}
            options={targetOptions}
          />
          <DateRangeFilter from={search.from} to={search.to} onChange={list.setFilters} />
        </>
      }
      onRowClick={setOpen}
      renderCard={(entry) => (
        <button
          type="button"
          onClick={() => setOpen(entry)}
          className="-m-4 flex w-[calc(100%+2rem)] flex-col gap-2 rounded-xl p-4 text-left text-sm outline-none focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <span className="flex w-full items-start justify-between gap-3">
            <ActionBadge action={entry.action} />
            <JournalTime
              value={entry.created_at}
              className="text-right text-xs text-slate-500 tabular-nums dark:text-slate-400"
            />
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
    >
      <AuditEntryDialog entry={open} onClose={() => setOpen(null)} />
    </JournalPage>
  );
}
