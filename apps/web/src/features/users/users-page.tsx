import type { Page, Role, User } from '@itsm/contracts';
import { ROLES } from '@itsm/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { clsx } from 'clsx';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionItem, ActionMenu } from '../../components/ui/action-menu';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { SelectField } from '../../components/ui/select-field';
import { errorMessage } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { ApiError, api } from '../../lib/api';
import { useMe } from '../auth/session';
import { FilterBar, formatDate, formatDateTime, formatTime, PageHeader, SearchBox } from './list-controls';
import { fullName, namesById, structureOptions, useSites, useStructures } from './lookups';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserFormDialog } from './user-form-dialog';

const route = getRouteApi('/app/admin/users');
const PAGE_SIZE = 25;

export const roleTone: Record<Role, BadgeTone> = { admin: 'violet', technician: 'sky', user: 'slate' };

/** An address that may wrap before its @ and after the dots of its local part, never mid-word. */
function breakableEmail(email: string) {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : email;
  const parts = [...local.split(/(?<=\.)/), ...(at > 0 ? [email.slice(at)] : [])];
  return parts.map((part, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in a fixed order
    <Fragment key={index}>
      {index > 0 ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

type Confirmation = { kind: 'deactivate' | 'reactivate' | 'sessions' | 'mfa' | 'delete'; user: User };

export function UsersPage() {
  const { t, i18n } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const page = search.page ?? 1;
  const ordering = parseOrdering(search.ordering);

  const params = {
    page,
    page_size: PAGE_SIZE,
    search: search.search,
    ordering: search.ordering,
    role: search.role,
    structure: search.structure,
    site: search.site,
    is_active: search.is_active,
  };
  const list = useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => api<Page<User>>('GET', '/users', undefined, params),
    placeholderData: keepPreviousData,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);
  const sites = useSites();
  const siteName = search.site ? (namesById(sites.data).get(search.site) ?? '…') : null;

  const [editing, setEditing] = useState<User | null | undefined>(undefined); // null: a new user
  const [resetting, setResetting] = useState<User | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);

  const filtered = Boolean(
    search.search || search.role || search.structure || search.site || search.is_active,
  );
  const setSearch = (patch: Partial<typeof search>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  async function refresh() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['lookup'] }),
      queryClient.invalidateQueries({ queryKey: ['groups'] }),
      queryClient.invalidateQueries({ queryKey: ['count'] }),
    ]);
  }

  function actionsFor(user: User): ActionItem[] {
    const self = user.id === me.id;
    return [
      { id: 'edit', label: ts('actions.edit') },
      { id: 'reset', label: t('actions.resetPassword') },
      { id: 'sessions', label: t('actions.endSessions') },
      ...(user.is_mfa_enabled ? [{ id: 'mfa', label: t('actions.disableMfa') }] : []),
      user.is_active
        ? { id: 'deactivate', label: t('actions.deactivate'), isDisabled: self, separatorBefore: true }
        : { id: 'reactivate', label: t('actions.reactivate'), separatorBefore: true },
      { id: 'delete', label: ts('actions.delete'), tone: 'danger', isDisabled: self },
    ];
  }

  function onAction(user: User, id: string) {
    if (id === 'edit') setEditing(user);
    else if (id === 'reset') setResetting(user);
    else setConfirming({ kind: id as Confirmation['kind'], user });
  }

  const menu = (user: User) => (
    <ActionMenu
      label={t('actions.label', { name: fullName(user) })}
      items={actionsFor(user)}
      onAction={(id) => onAction(user, id)}
    />
  );

  const statusBadges = (user: User) => (
    <>
      {user.is_active ? (
        <Badge tone="emerald" dot>
          {t('status.active')}
        </Badge>
      ) : (
        <Badge tone="slate" dot>
          {t('status.inactive')}
        </Badge>
      )}
      {!user.has_password ? <Badge tone="amber">{t('status.invited')}</Badge> : null}
    </>
  );

  const lastLogin = (user: User) =>
    user.last_login_at ? formatDateTime(user.last_login_at, i18n.language) : t('never');

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or names change
  const columns = useMemo<ColumnDef<User, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('columns.name'),
        meta: { ordering: 'last_name' },
        cell: ({ row }) => (
          <div className="min-w-40">
            <p className="font-medium text-slate-900 dark:text-white">{fullName(row.original)}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">{row.original.username}</p>
          </div>
        ),
      },
      {
        id: 'email',
        header: t('columns.email'),
        meta: { ordering: 'email' },
        cell: ({ row }) => (
          <span className="text-slate-700 [overflow-wrap:break-word] dark:text-slate-300">
            {breakableEmail(row.original.email)}
          </span>
        ),
      },
      {
        id: 'role',
        header: t('columns.role'),
        meta: { ordering: 'role' },
        cell: ({ row }) => (
          <Badge tone={roleTone[row.original.role]}>{ts(`roles.${row.original.role}`)}</Badge>
        ),
      },
      {
        id: 'structure',
        header: t('columns.structure'),
        cell: ({ row }) =>
          row.original.structure ? (
            <span className="text-slate-700 dark:text-slate-300">
              {structureNames.get(row.original.structure) ?? '…'}
            </span>
          ) : (
            <span className="text-slate-400">—</span>
          ),
      },
      {
        id: 'status',
        header: t('columns.status'),
        cell: ({ row }) => <div className="flex flex-wrap gap-1">{statusBadges(row.original)}</div>,
      },
      {
        id: 'mfa',
        header: t('columns.mfa'),
        cell: ({ row }) =>
          row.original.is_mfa_enabled ? (
            <Badge tone="indigo">{t('mfa.on')}</Badge>
          ) : (
            <span className="text-slate-400">
              <span aria-hidden="true">—</span>
              <span className="sr-only">{t('mfa.off')}</span>
            </span>
          ),
      },
      {
        id: 'last_login_at',
        header: t('columns.lastLogin'),
        meta: { ordering: 'last_login_at' },
        cell: ({ row }) => {
          const at = row.original.last_login_at;
          if (!at) return <span className="text-slate-500 dark:text-slate-400">{t('never')}</span>;
          return (
            <time
              dateTime={at}
              className="flex flex-col whitespace-nowrap text-slate-600 dark:text-slate-400"
            >
              <span>{formatDate(at, i18n.language)}</span>
              <span className="text-xs text-slate-500">{formatTime(at, i18n.language)}</span>
            </time>
          );
        },
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">{t('columns.actions')}</span>,
        cell: ({ row }) => <div className="flex justify-end">{menu(row.original)}</div>,
      },
    ],
    [i18n.language, structures.data, me.id],
  );

  const card = (user: User) => (
    <div className="flex flex-col gap-2">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-900 dark:text-white">{fullName(user)}</p>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{user.username}</p>
        </div>
        {menu(user)}
      </div>
      <p className="truncate text-sm text-slate-700 dark:text-slate-300">{user.email}</p>
      <div className="flex flex-wrap gap-1.5">
        <Badge tone={roleTone[user.role]}>{ts(`roles.${user.role}`)}</Badge>
        {statusBadges(user)}
        {user.is_mfa_enabled ? <Badge tone="indigo">{t('mfa.badge')}</Badge> : null}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {user.structure ? `${structureNames.get(user.structure) ?? '…'} · ` : ''}
        {t('card.lastLogin', { date: lastLogin(user) })}
      </p>
    </div>
  );

  const confirmation = confirming ? confirmText(confirming) : null;
  function confirmText({ kind, user }: Confirmation) {
    const name = fullName(user);
    switch (kind) {
      case 'deactivate':
        return {
          title: t('confirm.deactivate.title', { name }),
          body: t('confirm.deactivate.body'),
          label: t('actions.deactivate'),
          tone: 'danger' as const,
          run: () => api('PATCH', `/users/${user.id}`, { is_active: false }),
          done: t('toast.deactivated', { name }),
        };
      case 'reactivate':
        return {
          title: t('confirm.reactivate.title', { name }),
          body: t('confirm.reactivate.body'),
          label: t('actions.reactivate'),
          tone: 'primary' as const,
          run: () => api('PATCH', `/users/${user.id}`, { is_active: true }),
          done: t('toast.reactivated', { name }),
        };
      case 'sessions':
        return {
          title: t('confirm.sessions.title', { name }),
          body: t('confirm.sessions.body'),
          label: t('actions.endSessions'),
          tone: 'primary' as const,
          run: () => api('DELETE', `/users/${user.id}/sessions`),
          done: t('toast.sessionsEnded', { name }),
        };
      case 'mfa':
        return {
          title: t('confirm.mfa.title', { name }),
          body: t('confirm.mfa.body'),
          label: t('actions.disableMfa'),
          tone: 'danger' as const,
          run: () => api('DELETE', `/users/${user.id}/mfa`),
          done: t('toast.mfaDisabled', { name }),
        };
      case 'delete':
        return {
          title: t('confirm.delete.title', { name }),
          body: t('confirm.delete.body', { username: user.username }),
          label: ts('actions.delete'),
          tone: 'danger' as const,
          run: () => api('DELETE', `/users/${user.id}`),
          done: t('toast.deleted', { name }),
        };
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Button onPress={() => setEditing(null)}>{t('new')}</Button>}
      />

      <FilterBar className="grid-cols-2 lg:grid-cols-[minmax(0,1.2fr)_repeat(3,minmax(0,1fr))_auto]">
        <SearchBox
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={search.search ?? ''}
          onChange={(value) => setSearch({ search: value || undefined })}
          className="col-span-2 lg:col-span-1"
        />
        <SelectField
          label={t('filters.structure')}
          value={search.structure ? String(search.structure) : ''}
          onChange={(value) => setSearch({ structure: value ? Number(value) : undefined })}
          options={structureOptions(structures.data)}
          emptyLabel={t('filters.allStructures')}
          className="col-span-2 lg:col-span-1"
        />
        <SelectField
          label={t('filters.role')}
          value={search.role ?? ''}
          onChange={(value) => setSearch({ role: (value || undefined) as Role | undefined })}
          options={ROLES.map((r) => ({ value: r, label: ts(`roles.${r}`) }))}
          emptyLabel={t('filters.allRoles')}
        />
        <SelectField
          label={t('filters.status')}
          value={search.is_active ?? ''}
          onChange={(value) => setSearch({ is_active: (value || undefined) as 'true' | 'false' | undefined })}
          options={[
            { value: 'true', label: t('filters.active') },
            { value: 'false', label: t('filters.inactive') },
          ]}
          emptyLabel={t('filters.allStatuses')}
        />
        <Button
          variant="ghost"
          isDisabled={!filtered}
          className={clsx('col-span-2 lg:col-span-1', !filtered && 'max-lg:hidden')}
          onPress={() =>
            void navigate({
              search: { ordering: search.ordering },
              replace: true,
            })
          }
        >
          {t('filters.clear')}
        </Button>
      </FilterBar>
      {siteName ? (
        <div className="-mt-3 flex">
          <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-900">
            {t('filters.site', { name: siteName })}
            <Button
              variant="ghost"
              aria-label={t('filters.removeSite')}
              className="size-6 rounded-full px-0 py-0 text-indigo-700 dark:text-indigo-300"
              onPress={() => setSearch({ site: undefined })}
            >
              <span aria-hidden="true">✕</span>
            </Button>
          </span>
        </div>
      ) : null}

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
        ordering={ordering}
        onOrderingChange={(next) =>
          void navigate({ search: (prev) => ({ ...prev, ordering: orderingParam(next), page: undefined }) })
        }
        emptyTitle={filtered ? t('empty.filtered') : t('empty.none')}
        caption={t('title')}
        renderCard={card}
      />

      <UserFormDialog
        isOpen={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        user={editing ?? null}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
      <ConfirmDialog
        isOpen={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={confirmation?.title}
        confirmLabel={confirmation?.label}
        tone={confirmation?.tone}
        onConfirm={async () => {
          if (!confirmation) return;
          await confirmation.run();
          notify(confirmation.done);
          await refresh();
        }}
        describeError={(error) => {
          if (!(error instanceof ApiError)) return undefined;
          if (error.code === 'IN_USE') return t('errors.inUse');
          if (error.code === 'LAST_ADMIN') return t('errors.lastAdmin');
          return errorMessage(error);
        }}
      >
        {confirmation?.body}
      </ConfirmDialog>
    </div>
  );
}
