import { zodResolver } from '@hookform/resolvers/zod';
import type { ApiToken, Me, Page } from '@itsm/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable, orderingParam, parseOrdering } from '../../components/ui/data-table';
import { DateField } from '../../components/ui/date-field';
import { Dialog } from '../../components/ui/dialog';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { copyText } from './clipboard';
import { FormTextField, Section } from './form';
import { formatDate, formatDateTime, formatRelative } from './format';
import { applyServerErrors } from './server-errors';

const route = getRouteApi('/app/account');
const PAGE_SIZE = 20;

type Created = ApiToken & { token: string };

/** `YYYY-MM-DD` of a day from today, in local time. */
function localDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function TokensTab({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const page = search.page ?? 1;
  const ordering = parseOrdering(search.ordering);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const query = { user: me.id, page, page_size: PAGE_SIZE, ordering: search.ordering };
  const tokens = useQuery({
    queryKey: ['account', 'tokens', query],
    queryFn: () => api<Page<ApiToken>>('GET', '/auth/tokens', undefined, query),
    placeholderData: keepPreviousData,
  });

  const expiry = (token: ApiToken) => {
    if (!token.expires_at)
      return <span className="text-slate-500 dark:text-slate-400">{t('tokens.never')}</span>;
    if (new Date(token.expires_at).getTime() <= Date.now())
      return <Badge tone="amber">{t('tokens.expired')}</Badge>;
    return formatDate(token.expires_at);
  };
  const lastUsed = (token: ApiToken) =>
    token.last_used_at ? (
      <span title={formatDateTime(token.last_used_at)}>{formatRelative(token.last_used_at)}</span>
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
      cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.created_at)}</span>,
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
        page={tokens.data}
        isLoading={tokens.isLoading}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        pageNumber={page}
        pageSize={PAGE_SIZE}
        onPageChange={(next) =>
          void navigate({ search: (s) => ({ ...s, page: next > 1 ? next : undefined }) })
        }
        ordering={ordering}
        onOrderingChange={(next) =>
          void navigate({ search: (s) => ({ ...s, page: undefined, ordering: orderingParam(next) }) })
        }
        emptyTitle={t('tokens.empty')}
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
              <dd className="text-slate-800 dark:text-slate-200">{formatDate(token.created_at)}</dd>
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

function CreateTokenDialog({
  isOpen,
  onOpenChange,
  onCreated,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation('account');
  const [created, setCreated] = useState<Created | null>(null);
  const close = () => {
    onOpenChange(false);
    setCreated(null);
  };
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => (open ? onOpenChange(true) : close())}
      title={created ? t('tokens.createdTitle') : t('tokens.createTitle')}
      // Once the secret shows, a stray click outside must not lose it.
      role={created ? 'alertdialog' : 'dialog'}
    >
      {created ? (
        <TokenSecret token={created} onDone={close} />
      ) : (
        <CreateTokenForm
          onCancel={close}
          onCreated={(token) => {
            setCreated(token);
            onCreated();
          }}
        />
      )}
    </Dialog>
  );
}

function CreateTokenForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (token: Created) => void;
}) {
  const { t } = useTranslation('account');
  const { t: ts } = useTranslation('shell');
  const [formError, setFormError] = useState<string | null>(null);
  const tomorrow = localDay(1);
  const schema = useMemo(
    () =>
      z.object({
        name: z.string().trim().min(1, t('validation.required')).max(100, t('validation.tooLong')),
        expires_at: z.string().refine((v) => v === '' || v >= tomorrow, t('validation.futureDate')),
      }),
    [t, tomorrow],
  );
  const { control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    defaultValues: { name: '', expires_at: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const token = await api<Created>('POST', '/auth/tokens', {
        name: values.name,
        // The end of the chosen day, in the user's time zone.
        expires_at: values.expires_at ? new Date(`${values.expires_at}T23:59:59`).toISOString() : null,
      });
      onCreated(token);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['name', 'expires_at']));
    }
  });
  return (
    <form className="flex flex-col gap-4" noValidate onSubmit={(event) => void submit(event)}>
      {formError ? <Alert>{formError}</Alert> : null}
      <FormTextField
        control={control}
        name="name"
        label={t('tokens.name')}
        description={t('tokens.nameHint')}
        autoFocus
        maxLength={100}
      />
      <div className="flex flex-col gap-1.5">
        <Controller
          control={control}
          name="expires_at"
          render={({ field, fieldState }) => (
            <DateField
              label={t('tokens.expiresOn')}
              value={field.value}
              onChange={field.onChange}
              min={tomorrow}
              error={fieldState.error?.message}
            />
          )}
        />
        <p className="text-xs text-slate-500 dark:text-slate-400">{t('tokens.expiresHint')}</p>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onCancel}>
          {ts('actions.cancel')}
        </Button>
        <Button type="submit" isPending={formState.isSubmitting}>
          {ts('actions.create')}
        </Button>
      </div>
    </form>
  );
}

function TokenSecret({ token, onDone }: { token: Created; onDone: () => void }) {
  const { t } = useTranslation('account');
  async function copy() {
    const ok = await copyText(token.token);
    notify(ok ? t('tokens.copied') : t('mfa.copyFailed'), ok ? 'success' : 'error');
  }
  return (
    <div className="flex flex-col gap-4">
      <Alert tone="warning" title={t('tokens.secretWarningTitle')}>
        {t('tokens.secretWarning')}
      </Alert>
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-medium text-slate-700 dark:text-slate-300">
          {t('tokens.secretLabel', { name: token.name })}
        </p>
        <code className="block rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100">
          {token.token}
        </code>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t('tokens.usage')} <code className="font-mono">Authorization: Token {token.token_prefix}…</code>
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={() => void copy()}>
          {t('tokens.copy')}
        </Button>
        <Button onPress={onDone}>{t('tokens.done')}</Button>
      </div>
    </div>
  );
}
