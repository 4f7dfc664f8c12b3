import type { ApiToken, Me } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable } from '../../components/ui/data-table';
import { notify } from '../../components/ui/toast';
import { useListSearch } from '../../components/ui/use-list-search';
import { api } from '../../lib/api';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { usePageQuery } from '../../lib/use-page-query';
import { CreateTokenDialog } from './create-token-dialog';
import { Section } from './section';

const route = getRouteApi('/app/account');

export function TokensTab({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('account');
  const language = i18n.resolvedLanguage ?? 'fr';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: [],
    pageSize: 20,
  });
  const tokens = usePageQuery<ApiToken>(['account', 'tokens'], '/auth/tokens', {
    user: me.id,
    ...list.params,
  });

  const expiry = (token: ApiToken) => {
    if (!token.expires_at)
      return <span className="text-slate-500 dark:text-slate-400">{t('tokens.never')}</span>;
    if (new Date(token.expires_at).getTime() <= Date.now())
      return <Badge tone="amber">{t('tokens.expired')}</Badge>;
    return formatDate(token.expires_at, language);
  };
  const lastUsed = (token: ApiToken) =>
    token.last_used_at ? (
      <span title={formatDateTime(token.last_used_at, language)}>
        {formatRelative(token.last_used_at, language)}
      </span>
    ) : (
      <span className="text-slate-500 dark:text-slate-400">{t('tokens.neverUsed')}</span>
    );
  const prefix = (token: ApiToken) => (
    <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
      {token.token_prefix}…
    </code>
  );
  const revokeButton = (token: ApiToken) => (
    <Button
      variant="ghost"
      onPress={() => setRevoking(token)}
      aria-label={t('tokens.revokeNamed', { name: token.name })}
    >
      <span className="text-rose-700 dark:text-rose-400">{t('tokens.revoke')}</span>
    </Button>
  );

  const columns: ColumnDef<ApiToken, unknown>[] = [
    {
      id: 'name',
      header: t('tokens.name'),
      meta: { ordering: 'name' },
      cell: ({ row }) => (
        <span className="font-medium text-slate-900 dark:text-white">{row.original.name}</span>
      ),
    },
    { id: 'prefix', header: t('tokens.prefix'), cell: ({ row }) => prefix(row.original) },
    {
      id: 'kind',
      header: t('tokens.kind'),
      cell: ({ row }) => (
        <Badge tone={row.original.kind === 'personal' ? 'indigo' : 'slate'}>
          {t(`tokens.kinds.${row.original.kind}`)}
        </Badge>
      ),
    },
    {
      id: 'created_at',
      header: t('tokens.created'),
      meta: { ordering: 'created_at' },
      cell: ({ row }) => (
        <span className="whitespace-nowrap">{formatDate(row.original.created_at, language)}</span>
      ),
    },
    {
      id: 'expires_at',
      header: t('tokens.expires'),
      cell: ({ row }) => <span className="whitespace-nowrap">{expiry(row.original)}</span>,
    },
    {
      id: 'last_used_at',
      header: t('tokens.lastUsed'),
      meta: { ordering: 'last_used_at' },
      cell: ({ row }) => <span className="whitespace-nowrap">{lastUsed(row.original)}</span>,
    },
    {
      id: 'actions',
      header: () => <span className="sr-only">{t('tokens.actions')}</span>,
      cell: ({ row }) => <div className="text-right">{revokeButton(row.original)}</div>,
    },
  ];

  return (
    <Section
      title={t('tokens.title')}
      description={t('tokens.intro')}
      aside={<Button onPress={() => setCreating(true)}>{t('tokens.create')}</Button>}
    >
      <DataTable
        columns={columns}
        {...list.tableProps(tokens, { none: t('tokens.empty') })}
        caption={t('tokens.caption')}
        renderCard={(token) => (
          <div className="flex flex-col gap-2 text-sm">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium break-words text-slate-900 dark:text-white">{token.name}</p>
                <div className="mt-1 flex flex-wrap items-center gap-2">
                  {prefix(token)}
                  <Badge tone={token.kind === 'personal' ? 'indigo' : 'slate'}>
                    {t(`tokens.kinds.${token.kind}`)}
                  </Badge>
                </div>
              </div>
              {revokeButton(token)}
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-600 dark:text-slate-400">
              <dt>{t('tokens.created')}</dt>
              <dd className="text-slate-800 dark:text-slate-200">{formatDate(token.created_at, language)}</dd>
              <dt>{t('tokens.expires')}</dt>
              <dd className="text-slate-800 dark:text-slate-200">{expiry(token)}</dd>
              <dt>{t('tokens.lastUsed')}</dt>
              <dd className="text-slate-800 dark:text-slate-200">{lastUsed(token)}</dd>
            </dl>
          </div>
        )}
      />
      <CreateTokenDialog
        isOpen={creating}
        onOpenChange={setCreating}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] })}
      />
      <ConfirmDialog
        isOpen={revoking !== null}
        onOpenChange={(open) => {
          if (!open) setRevoking(null);
        }}
        title={t('tokens.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        onConfirm={async () => {
          if (!revoking) return;
          await api('DELETE', `/auth/tokens/${revoking.id}`);
          notify(t('tokens.revoked'));
          await queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] });
        }}
      >
        {t('tokens.revokeText')}
      </ConfirmDialog>
    </Section>
  );
}
