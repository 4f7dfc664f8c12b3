import type { MachineDetail, MachineHistoryEntry } from '@itsm/contracts';
import { clsx } from 'clsx';
import { type ComponentType, type SVGProps, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowUpIcon, MonitorIcon, PencilIcon, PlusIcon, UserIcon } from '../../components/icons';
import { Button } from '../../components/ui/button';
import { FilterBar } from '../../components/ui/list-filters';
import { SearchField } from '../../components/ui/search-field';
import { SelectField } from '../../components/ui/select-field';
import { EmptyState, ErrorState, Spinner } from '../../components/ui/states';
import { formatDateTime, formatRelative } from '../../lib/format';
import { usePageQuery } from '../../lib/use-page-query';
import { type HistoryTranslate, historyText } from './history-format';
import { machineKeys } from './machine-api';

const PAGE_SIZE = 25;

type Source = MachineHistoryEntry['source'];
type Icon = ComponentType<SVGProps<SVGSVGElement>>;

const MinusIcon: Icon = (props) => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.75}
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
    {...props}
  >
    <path d="M5 12h14" />
  </svg>
);

/** Each kind of change, its icon and colour in the rail. */
const ACTION_STYLE: Record<MachineHistoryEntry['action'], { icon: Icon; className: string }> = {
  added: {
    icon: PlusIcon,
    className: 'bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300',
  },
  removed: { icon: MinusIcon, className: 'bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300' },
  upgraded: {
    icon: ArrowUpIcon,
    className: 'bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300',
  },
  changed: {
    icon: PencilIcon,
    className: 'bg-amber-100 text-amber-700 dark:bg-amber-950 dark:text-amber-300',
  },
};

/** What changed on the machine, newest first: from its agent's inventories or from people. */
export function HistoryTab({ machine, now }: { machine: MachineDetail; now: number }) {
  const { t, i18n } = useTranslation('machines');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [source, setSource] = useState<Source | ''>('');
  const history = usePageQuery<MachineHistoryEntry>(
    machineKeys.history(machine.id),
    `/machines/${machine.id}/history`,
    { page, page_size: PAGE_SIZE, search: search || undefined, source: source || undefined },
  );
  const filtered = Boolean(search || source);
  const translate = i18n.getFixedT(language, 'machines') as unknown as HistoryTranslate;

  const count = history.data?.count ?? 0;
  const lastPage = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const entries = history.data?.results ?? [];

  return (
    <div className="flex flex-col gap-4">
      <FilterBar className="sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SearchField
          search
          label={t('history.search')}
          placeholder={t('history.searchPlaceholder')}
          value={search}
          onCommit={(text) => {
            setSearch(text);
            setPage(1);
          }}
        />
        <SelectField
          label={t('history.source')}
          value={source}
          onChange={(value) => {
            setSource(value as Source | '');
            setPage(1);
          }}
          options={[
            { value: 'agent', label: t('history.agent') },
            { value: 'user', label: t('history.people') },
          ]}
          emptyLabel={t('history.allSources')}
        />
      </FilterBar>
      {history.error ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.isLoading && !history.data ? (
        <Spinner />
      ) : count === 0 ? (
        <EmptyState title={filtered ? t('history.filtered') : t('history.empty')} />
      ) : (
        <ol
          aria-label={t('history.caption')}
          className="relative flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 before:absolute before:top-6 before:bottom-6 before:left-8 before:w-px before:bg-slate-200 sm:p-5 sm:before:left-9 dark:border-slate-800 dark:bg-slate-900 dark:before:bg-slate-800"
        >
          {entries.map((entry) => {
            const style = ACTION_STYLE[entry.action] ?? ACTION_STYLE.changed;
            const Glyph = style.icon;
            const who =
              entry.source === 'agent' ? t('history.byAgent') : (entry.actor_name ?? t('history.byNobody'));
            return (
              <li key={entry.id} className="relative flex gap-3">
                <span
                  aria-hidden="true"
                  className={clsx(
                    'z-10 flex size-8 shrink-0 items-center justify-center rounded-full ring-4 ring-white dark:ring-slate-900',
                    style.className,
                  )}
                >
                  <Glyph className="size-4" />
                </span>
                <div className="min-w-0 flex-1 pt-1 text-sm">
                  <p className="break-words text-slate-800 dark:text-slate-200">
                    {historyText(entry, translate, language)}
                  </p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-slate-500 dark:text-slate-400">
                    {entry.source === 'user' ? (
                      <UserIcon className="size-3.5" />
                    ) : (
                      <MonitorIcon className="size-3.5" />
                    )}
                    <span
                      className={clsx(
                        entry.source === 'user' && 'font-medium text-slate-700 dark:text-slate-300',
                      )}
                    >
                      {who}
                    </span>
                    <span aria-hidden="true">·</span>
                    <time dateTime={entry.created_at} title={formatDateTime(entry.created_at, language)}>
                      {formatRelative(entry.created_at, language, now)}
                    </time>
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {count > PAGE_SIZE ? (
        <nav
          aria-label={ts('table.pagination')}
          className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600 dark:text-slate-400"
        >
          <span className="whitespace-nowrap">{ts('table.count', { count })}</span>
          <div className="ml-auto flex items-center gap-2">
            <Button variant="secondary" isDisabled={page <= 1} onPress={() => setPage(page - 1)}>
              {ts('table.previous')}
            </Button>
            <span aria-current="page" className="whitespace-nowrap">
              {ts('table.pageOf', { page, pages: lastPage })}
            </span>
            <Button variant="secondary" isDisabled={page >= lastPage} onPress={() => setPage(page + 1)}>
              {ts('table.next')}
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
