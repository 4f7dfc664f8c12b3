import type { EnrollmentKey, EnrollmentKeyCreated } from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionMenu } from '../../components/ui/action-menu';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog } from '../../components/ui/dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { SelectField } from '../../components/ui/select-field';
import { StructureFilter } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useListSearch } from '../../components/ui/use-list-search';
import { api } from '../../lib/api';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { usePageQuery } from '../../lib/use-page-query';
import { useRefresh } from '../../lib/use-refresh';
import { useNow } from '../tickets/ticket-badges';
import { EnrollmentKeyForm } from './enrollment-key-form';
import { KeySecret } from './key-secret';
import { type KeyStatus, keyStatus } from './key-status';

const route = getRouteApi('/app/admin/enrollment-keys');

const statusTone: Record<KeyStatus, BadgeTone> = {
  usable: 'emerald',
  revoked: 'rose',
  expired: 'slate',
  exhausted: 'amber',
};

/** What the dialog shows: a new key's form, its secret once created, or an existing key's form. */
type Editing =
  | { kind: 'new' }
  | { kind: 'created'; key: EnrollmentKeyCreated }
  | { kind: 'edit'; key: EnrollmentKey };

/** Enrollment keys (administrators): where agents enrol their machines; create, edit, revoke. */
export function EnrollmentKeysPage() {
  const { t, i18n } = useTranslation('enrollment-keys');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const now = useNow(60_000);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefresh();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'structure', 'revoked'],
  });
  const keys = usePageQuery<EnrollmentKey>(['enrollment-keys', 'list'], '/enrollment-keys', {
    ...list.params,
    search: search.search,
    structure: search.structure,
    revoked__isnull: search.revoked === undefined ? undefined : search.revoked === 'true' ? 'false' : 'true',
  });

  const [editing, setEditing] = useState<Editing | null>(null);
  const [revoking, setRevoking] = useState<EnrollmentKey | null>(null);

  const menu = (key: EnrollmentKey) => (
    <ActionMenu
      label={t('actions.label', { name: key.name })}
      items={[
        { id: 'edit', label: ts('actions.edit') },
        {
          id: 'revoke',
          label: t('actions.revoke'),
          tone: 'danger',
          separatorBefore: true,
          isDisabled: key.revoked_at !== null,
        },
      ]}
      onAction={(id) => (id === 'edit' ? setEditing({ kind: 'edit', key }) : setRevoking(key))}
    />
  );

  const status = (key: EnrollmentKey) => {
    const state = keyStatus(key, now);
    return (
      <Badge tone={statusTone[state]} dot>
        {t(`status.${state}`)}
      </Badge>
    );
  };
  const uses = (key: EnrollmentKey) =>
    key.max_uses === null
      ? t('uses.unlimited', { uses: key.uses })
      : t('uses.limited', { uses: key.uses, max: key.max_uses });
  const expiry = (key: EnrollmentKey) =>
    key.expires_at ? (
      <time dateTime={key.expires_at} title={formatDateTime(key.expires_at, language)}>
        {formatDate(key.expires_at, language)}
      </time>
    ) : (
      <span className="text-slate-500 dark:text-slate-400">{t('never')}</span>
    );
  const placement = (key: EnrollmentKey) => [key.structure_name, key.site_name].filter(Boolean).join(' · ');

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language or the minute change
  const columns = useMemo<ColumnDef<EnrollmentKey, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('columns.name'),
        meta: { ordering: 'name' },
        cell: ({ row }) => (
          <div className="flex min-w-40 flex-col gap-0.5">
            <span className="font-medium text-slate-900 dark:text-white">{row.original.name}</span>
            <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
              {row.original.key_hint}…
            </span>
          </div>
        ),
      },
      {
        id: 'placement',
        header: t('columns.placement'),
        cell: ({ row }) => (
          <div className="flex min-w-28 flex-col gap-0.5">
            <span className="text-slate-700 dark:text-slate-300">{row.original.structure_name}</span>
            {row.original.site_name ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">{row.original.site_name}</span>
            ) : null}
          </div>
        ),
      },
      {
        id: 'uses',
        header: t('columns.uses'),
        cell: ({ row }) => (
          <div className="flex flex-col gap-0.5 whitespace-nowrap">
            <span className="text-slate-700 tabular-nums dark:text-slate-300">{uses(row.original)}</span>
            {row.original.last_used_at ? (
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {t('uses.lastUsed', { when: formatRelative(row.original.last_used_at, language, now) })}
              </span>
            ) : null}
          </div>
        ),
      },
      {
        id: 'expiry',
        header: t('columns.expiry'),
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-700 dark:text-slate-300">{expiry(row.original)}</span>
        ),
      },
      { id: 'status', header: t('columns.status'), cell: ({ row }) => status(row.original) },
      actionsColumn(menu),
    ],
    [language, now],
  );

  const card = (key: EnrollmentKey) => (
    <div className="flex flex-col gap-2">
      <CardHeader title={key.name} subtitle={`${key.key_hint}…`} menu={menu(key)} truncate />
      <p className="text-sm text-slate-700 dark:text-slate-300">{placement(key)}</p>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
        {status(key)}
        <span>{uses(key)}</span>
        <span aria-hidden="true">·</span>
        {expiry(key)}
      </div>
    </div>
  );

  const close = () => setEditing(null);
  const dialogTitle =
    editing?.kind === 'created'
      ? t('secret.title', { name: editing.key.name })
      : editing?.kind === 'edit'
        ? t('form.editTitle', { name: editing.key.name })
        : t('form.createTitle');

  return (
    <ListPage
      text={(key) => t(key)}
      list={list}
      query={keys}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing({ kind: 'new' })}
      filters={
        <>
          <StructureFilter
            value={search.structure}
            onChange={(structure) => list.setFilters({ structure })}
          />
          <SelectField
            label={t('filters.state')}
            value={search.revoked ?? ''}
            onChange={(value) =>
              list.setFilters({ revoked: (value || undefined) as 'true' | 'false' | undefined })
            }
            options={[
              { value: 'false', label: t('filters.notRevoked') },
              { value: 'true', label: t('filters.revoked') },
            ]}
            emptyLabel={t('filters.allStates')}
          />
        </>
      }
      filterLayout={{ className: 'sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]' }}
    >
      <Dialog
        isOpen={editing !== null}
        onOpenChange={(open) => !open && close()}
        title={dialogTitle}
        // Once the secret shows, a stray click outside must not lose it.
        role={editing?.kind === 'created' ? 'alertdialog' : 'dialog'}
      >
        {editing?.kind === 'created' ? (
          <KeySecret created={editing.key} onDone={close} />
        ) : editing ? (
          <EnrollmentKeyForm
            enrollmentKey={editing.kind === 'edit' ? editing.key : null}
            structure={search.structure}
            onCancel={close}
            onSaved={close}
            onCreated={(created) => setEditing({ kind: 'created', key: created })}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        isOpen={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('confirmRevoke.title', { name: revoking?.name ?? '' })}
        confirmLabel={t('confirmRevoke.confirm')}
        onConfirm={async () => {
          if (!revoking) return;
          await api('POST', `/enrollment-keys/${revoking.id}/revoke`);
          notify(t('toast.revoked', { name: revoking.name }));
          await refresh('enrollment-keys');
        }}
      >
        {t('confirmRevoke.body')}
      </ConfirmDialog>
    </ListPage>
  );
}
