import type { LoginEvent, Page, User } from '@itsm/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { DateField } from '../../components/ui/date-field';
import { SelectField } from '../../components/ui/select-field';
import { api } from '../../lib/api';
import { FilterPanel, FilterText, UserPicker, userLabel, useUsersById } from './journal-filters';
import { dayBound, FAILURE_REASONS, formatInstant, LOGIN_METHODS } from './journal-format';

const route = getRouteApi('/app/admin/login-events');
const PAGE_SIZE = 25;

type Search = ReturnType<typeof route.useSearch>;

function ResultBadge({ event }: { event: LoginEvent }) {
  const { t } = useTranslation('journal');
  const reason = event.failure_reason;
  const known = reason && (FAILURE_REASONS as readonly string[]).includes(reason);
  return (
    <span
      className={clsx(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap',
        event.success
          ? 'bg-emerald-50 text-emerald-700 ring-1 ring-emerald-600/20 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/20'
          : 'bg-rose-50 text-rose-700 ring-1 ring-rose-600/20 dark:bg-rose-950/60 dark:text-rose-300 dark:ring-rose-400/20',
      )}
    >
      <span
        aria-hidden="true"
        className={clsx('size-1.5 rounded-full', event.success ? 'bg-emerald-500' : 'bg-rose-500')}
      />
      {event.success
        ? t('login.success')
        : known
          ? t(`login.reasons.${reason as (typeof FAILURE_REASONS)[number]}`)
          : reason
            ? `${t('login.failure')} (${reason})`
            : t('login.failure')}
    </span>
  );
}

function methodLabel(t: (key: string) => string, method: string): string {
  return (LOGIN_METHODS as readonly string[]).includes(method) ? t(`login.methods.${method}`) : method;
}

function UserCell({ id, users }: { id: number | null; users: Map<number, User> }) {
  const { t } = useTranslation('journal');
  if (id === null) return <span className="text-slate-400 dark:text-slate-500">{t('login.noUser')}</span>;
  const user = users.get(id);
  if (!user) return <span className="text-slate-500 tabular-nums dark:text-slate-400">#{id}</span>;
  return (
    <span className="flex flex-col">
      <span className="font-medium text-slate-900 dark:text-slate-100">{userLabel(user)}</span>
      <span className="text-xs text-slate-500 dark:text-slate-400">{user.username}</span>
    </span>
  );
}

export function LoginEventsPage() {
  const { t, i18n } = useTranslation('journal');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const ordering = parseOrdering(search.ordering ?? '-created_at');
  const language = i18n.resolvedLanguage ?? 'fr';

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
    user: search.user,
    success: search.success,
    ip: search.ip,
    created_at__gte: dayBound(search.from, 'start'),
    created_at__lte: dayBound(search.to, 'end'),
  };
  const list = useQuery({
    queryKey: ['login-events', query],
    queryFn: () => api<Page<LoginEvent>>('GET', '/login-events', undefined, query),
    placeholderData: keepPreviousData,
  });
  const users = useUsersById(list.data?.results.map((e) => e.user) ?? []);

  const columns = useMemo<ColumnDef<LoginEvent, unknown>[]>(
    () => [
      {
        id: 'created_at',
        header: t('login.columns.time'),
        meta: { ordering: 'created_at' },
        cell: ({ row }) => (
          <time dateTime={row.original.created_at} className="whitespace-nowrap tabular-nums">
            {formatInstant(row.original.created_at, language)}
          </time>
        ),
      },
      {
        id: 'username_tried',
        header: t('login.columns.usernameTried'),
        cell: ({ row }) => <span className="break-words">{row.original.username_tried}</span>,
      },
      {
        id: 'user',
        header: t('login.columns.user'),
        cell: ({ row }) => <UserCell id={row.original.user} users={users} />,
      },
      {
        id: 'result',
        header: t('login.columns.result'),
        cell: ({ row }) => <ResultBadge event={row.original} />,
      },
      {
        id: 'method',
        header: t('login.columns.method'),
        cell: ({ row }) => (
          <span className="whitespace-nowrap">
            {methodLabel(t as (key: string) => string, row.original.method)}
          </span>
        ),
      },
      {
        id: 'ip',
        header: t('login.columns.origin'),
        cell: ({ row }) => (
          <span className="flex max-w-48 flex-col">
            <span className="font-mono text-xs">{row.original.ip ?? '—'}</span>
            <span
              title={row.original.user_agent ?? undefined}
              className="truncate text-xs text-slate-500 dark:text-slate-400"
            >
              {row.original.user_agent ?? '—'}
            </span>
          </span>
        ),
      },
    ],
    [t, language, users],
  );

  const activeCount = [search.user, search.success, search.ip, search.from, search.to].filter(Boolean).length;
  const active = activeCount > 0 || Boolean(search.search);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {t('login.title')}
        </h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t('login.intro')}</p>
      </div>

      <FilterPanel
        activeCount={activeCount}
        canReset={active}
        primary={
          <FilterText
            search
            label={t('filters.search')}
            placeholder={t('login.searchPlaceholder')}
            value={search.search ?? ''}
            onCommit={(value) => setSearch({ search: value || undefined })}
          />
        }
        onReset={() =>
          setSearch({
            search: undefined,
            user: undefined,
            success: undefined,
            ip: undefined,
            from: undefined,
            to: undefined,
          })
        }
      >
        <UserPicker label={t('filters.user')} value={search.user} onChange={(user) => setSearch({ user })} />
        <SelectField
          label={t('filters.result')}
          value={search.success ?? ''}
          onChange={(value) => setSearch({ success: value === '' ? undefined : (value as 'true' | 'false') })}
          emptyLabel={t('filters.allResults')}
          options={[
            { value: 'true', label: t('filters.successes') },
            { value: 'false', label: t('filters.failures') },
          ]}
        />
        <FilterText
          label={t('filters.ip')}
          placeholder={t('filters.ipPlaceholder')}
          value={search.ip ?? ''}
          onCommit={(value) => setSearch({ ip: value || undefined })}
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
          setSearch({ ordering: next?.descending === false || !next ? 'created_at' : undefined })
        }
        emptyTitle={active ? t('login.emptyFiltered') : t('login.empty')}
        caption={t('login.title')}
        renderCard={(event) => (
          <div className="flex flex-col gap-2 text-sm">
            <div className="flex items-start justify-between gap-3">
              <time dateTime={event.created_at} className="text-slate-600 tabular-nums dark:text-slate-400">
                {formatInstant(event.created_at, language)}
              </time>
              <ResultBadge event={event} />
            </div>
            <p className="font-mono text-xs break-all text-slate-900 dark:text-slate-100">
              {event.username_tried}
            </p>
            <UserCell id={event.user} users={users} />
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
              <dt className="font-medium">{t('login.columns.method')}</dt>
              <dd>{methodLabel(t as (key: string) => string, event.method)}</dd>
              <dt className="font-medium">{t('login.columns.ip')}</dt>
              <dd className="font-mono">{event.ip ?? '—'}</dd>
              <dt className="font-medium">{t('login.columns.userAgent')}</dt>
              <dd className="truncate" title={event.user_agent ?? undefined}>
                {event.user_agent ?? '—'}
              </dd>
            </dl>
          </div>
        )}
      />
    </div>
  );
}
