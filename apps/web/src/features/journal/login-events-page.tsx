import type { LoginEvent, User } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField } from '../../components/ui/search-field';
import { SelectField } from '../../components/ui/select-field';
import { useListSearch } from '../../components/ui/use-list-search';
import { usePageQuery } from '../../lib/use-page-query';
import { userLabel } from '../../lib/user-names';
import { DateRangeFilter, UserPicker, useUsersById } from './journal-filters';
import { FAILURE_REASONS, journalQuery, LOGIN_METHODS } from './journal-format';
import { JournalPage, JournalTime, timeColumn } from './journal-page';

const route = getRouteApi('/app/admin/login-events');

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
  const { t } = useTranslation('journal');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'user', 'success', 'ip', 'from', 'to'],
    defaultOrdering: '-created_at',
  });
  const events = usePageQuery<LoginEvent>(['login-events'], '/login-events', {
    ...journalQuery(list.params, search),
    user: search.user,
    success: search.success,
    ip: search.ip,
  });
  const users = useUsersById(events.data?.results.map((e) => e.user) ?? []);

  const columns = useMemo<ColumnDef<LoginEvent, unknown>[]>(
    () => [
      timeColumn(t('login.columns.time')),
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
    [t, users],
  );

  return (
    <JournalPage
      text={(key) => t(`login.${key}`)}
      list={list}
      query={events}
      columns={columns}
      filters={
        <>
          <UserPicker
            label={t('filters.user')}
            value={search.user}
            onChange={(user) => list.setFilters({ user })}
          />
          <SelectField
            label={t('filters.result')}
            value={search.success ?? ''}
            onChange={(value) =>
              list.setFilters({ success: value === '' ? undefined : (value as 'true' | 'false') })
            }
            emptyLabel={t('filters.allResults')}
            options={[
              { value: 'true', label: t('filters.successes') },
              { value: 'false', label: t('filters.failures') },
            ]}
          />
          <SearchField
            label={t('filters.ip')}
            placeholder={t('filters.ipPlaceholder')}
            value={search.ip ?? ''}
            onCommit={(value) => list.setFilters({ ip: value || undefined })}
          />
          <DateRangeFilter from={search.from} to={search.to} onChange={list.setFilters} />
        </>
      }
      renderCard={(event) => (
        <div className="flex flex-col gap-2 text-sm">
          <div className="flex items-start justify-between gap-3">
            <JournalTime
              value={event.created_at}
              className="text-slate-600 tabular-nums dark:text-slate-400"
            />
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
  );
}
