import type { Role, User } from '@itsm/contracts';
import { ROLES } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionItem, ActionMenu } from '../../components/ui/action-menu';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ItemDialog } from '../../components/ui/item-dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { SelectField } from '../../components/ui/select-field';
import { errorMessage } from '../../components/ui/states';
import { StructureFilter } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useListSearch } from '../../components/ui/use-list-search';
import { ApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatTime } from '../../lib/format';
import { namesById, useSites, useStructures } from '../../lib/lookups';
import { usePageQuery } from '../../lib/use-page-query';
import { useRefresh } from '../../lib/use-refresh';
import { fullName } from '../../lib/user-names';
import { useMe } from '../auth/session';
import { type Confirmation, useConfirmation } from './confirmations';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserForm } from './user-form';

const route = getRouteApi('/app/admin/users');

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

/** The site filter (set from the sites page), shown as a chip with its ✕. */
function SiteChip({ name, onRemove }: { name: string; onRemove: () => void }) {
  const { t } = useTranslation('users');
  return (
    <div className="-mt-3 flex">
      <span className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm font-medium text-indigo-800 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-900">
        {t('filters.site', { name })}
        <Button
          variant="ghost"
          aria-label={t('filters.removeSite')}
          className="size-6 rounded-full px-0 py-0 text-indigo-700 dark:text-indigo-300"
          onPress={onRemove}
        >
          <span aria-hidden="true">✕</span>
        </Button>
      </span>
    </div>
  );
}

export function UsersPage() {
  const { t, i18n } = useTranslation('users');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefresh();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'role', 'structure', 'site', 'is_active'],
  });
  const users = usePageQuery<User>(['users', 'list'], '/users', {
    ...list.params,
    search: search.search,
    role: search.role,
    structure: search.structure,
    site: search.site,
    is_active: search.is_active,
  });
  const structures = useStructures();
  const structureNames = namesById(structures.data);
  const sites = useSites();
  const siteName = search.site ? (namesById(sites.data).get(search.site) ?? '…') : null;

  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [confirming, setConfirming] = useState<Confirmation | null>(null);
  const confirmation = useConfirmation(confirming);

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
    user.last_login_at ? formatDateTime(user.last_login_at, language) : t('never');

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
              <span>{formatDate(at, language)}</span>
              <span className="text-xs text-slate-500">{formatTime(at, language)}</span>
            </time>
          );
        },
      },
      actionsColumn(menu),
    ],
    [language, structures.data, me.id],
  );

  const card = (user: User) => (
    <div className="flex flex-col gap-2">
      <CardHeader title={fullName(user)} subtitle={user.username} menu={menu(user)} truncate />
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

  return (
    <ListPage
      text={(key) => t(key)}
      list={list}
      query={users}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing('new')}
      filters={
        <>
          <StructureFilter
            value={search.structure}
            onChange={(structure) => list.setFilters({ structure })}
            className="col-span-2 lg:col-span-1"
          />
          <SelectField
            label={t('filters.role')}
            value={search.role ?? ''}
            onChange={(value) => list.setFilters({ role: (value || undefined) as Role | undefined })}
            options={ROLES.map((r) => ({ value: r, label: ts(`roles.${r}`) }))}
            emptyLabel={t('filters.allRoles')}
          />
          <SelectField
            label={t('filters.status')}
            value={search.is_active ?? ''}
            onChange={(value) =>
              list.setFilters({ is_active: (value || undefined) as 'true' | 'false' | undefined })
            }
            options={[
              { value: 'true', label: t('filters.active') },
              { value: 'false', label: t('filters.inactive') },
            ]}
            emptyLabel={t('filters.allStatuses')}
          />
        </>
      }
      filterLayout={{
        className: 'grid-cols-2 lg:grid-cols-[minmax(0,1.2fr)_repeat(3,minmax(0,1fr))_auto]',
        searchClassName: 'col-span-2 lg:col-span-1',
        clearClassName: 'col-span-2 lg:col-span-1',
        collapseBelow: 'lg',
      }}
      beforeTable={
        siteName ? <SiteChip name={siteName} onRemove={() => list.setFilters({ site: undefined })} /> : null
      }
    >
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        size="lg"
        title={(user) =>
          user === 'new' ? t('form.createTitle') : t('form.editTitle', { name: fullName(user) })
        }
      >
        {(user) => <UserForm user={user === 'new' ? null : user} onDone={() => setEditing(null)} />}
      </ItemDialog>
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
          await refresh('users', 'lookup', 'groups', 'count');
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
    </ListPage>
  );
}
