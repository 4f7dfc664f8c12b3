import { zodResolver } from '@hookform/resolvers/zod';
import {
  type CannedResponse,
  type CannedResponseCreate,
  CannedResponseCreateSchema,
  type Me,
} from '@itsm/contracts';
import { getRouteApi } from '@tanstack/react-router';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type ActionItem, ActionMenu } from '../../components/ui/action-menu';
import { Badge } from '../../components/ui/badge';
import { Checkbox } from '../../components/ui/checkbox';
import { DeleteDialog } from '../../components/ui/delete-dialog';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormTextField } from '../../components/ui/form-text-field';
import { ItemDialog } from '../../components/ui/item-dialog';
import { actionsColumn, CardHeader, ListPage } from '../../components/ui/list-page';
import { SelectField } from '../../components/ui/select-field';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { useListSearch } from '../../components/ui/use-list-search';
import { formatDate } from '../../lib/format';
import { useUser } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { usePageQuery } from '../../lib/use-page-query';
import { userLabel } from '../../lib/user-names';
import { useMe } from '../auth/session';
import { adminQueryKey, useRefreshTicketConfig } from './queries';

const route = getRouteApi('/app/canned-responses');

const shape = CannedResponseCreateSchema.shape;
const schema = z.object({ title: shape.title, body: shape.body, is_shared: z.boolean() });
type FormValues = z.infer<typeof schema>;
const FIELDS = ['title', 'body', 'is_shared'] as const;

/** The text on one line (a preview of a few lines cut with "…"). */
const preview = (body: string) => body.replace(/\s+/g, ' ').trim();

/** An administrator changes every response; a technician only his own. */
const canChange = (me: Me, response: CannedResponse) =>
  me.role === 'admin' || (me.role === 'technician' && response.owner === me.id);

function CannedResponseForm({
  response,
  me,
  onDone,
}: {
  response: CannedResponse | null;
  me: Me;
  onDone: () => void;
}) {
  const { t } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshTicketConfig();
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      title: response?.title ?? '',
      body: response?.body ?? '',
      is_shared: response ? response.owner === null : false,
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const submit = onSubmit(async (v) => {
    const body: CannedResponseCreate = {
      title: v.title,
      body: v.body,
      ...(me.role === 'admin' && { is_shared: v.is_shared }),
    };
    const saved = await saveObject<CannedResponse>('/canned-responses', response, body);
    notify(t(response ? 'canned.toast.updated' : 'canned.toast.created', { name: saved.title }));
    await refresh();
    onDone();
  });
  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () =>
      t(`canned.fieldErrors.${field === 'body' ? 'body' : 'title'}`),
    );

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormTextField
        control={control}
        name="title"
        label={t('canned.fields.title')}
        description={t('canned.form.titleHint')}
        error={message('title')}
        isRequired
        autoFocus
        maxLength={150}
      />
      <FormTextField
        control={control}
        name="body"
        label={t('canned.fields.body')}
        description={t('canned.form.bodyHint')}
        error={message('body')}
        isRequired
        multiline
        maxLength={20_000}
        className="[&_textarea]:min-h-48"
      />
      {me.role === 'admin' ? (
        <Controller
          control={control}
          name="is_shared"
          render={({ field }) => (
            <Checkbox
              isSelected={field.value}
              onChange={field.onChange}
              description={t('canned.form.sharedHint')}
            >
              {t('canned.fields.shared')}
            </Checkbox>
          )}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t('canned.form.personalNote')}</p>
      )}
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={response ? ts('actions.save') : ts('actions.create')}
        className="border-t border-slate-200 pt-4 dark:border-slate-800"
      />
    </form>
  );
}

/** Whose a response is: shared, the reader's own, or (for administrators) a technician's. */
function Visibility({ response, me }: { response: CannedResponse; me: Me }) {
  const { t } = useTranslation('ticket-admin');
  const owner = useUser(response.owner !== null && response.owner !== me.id ? response.owner : null);
  if (response.owner === null) return <Badge tone="indigo">{t('canned.shared')}</Badge>;
  if (response.owner === me.id) return <Badge tone="emerald">{t('canned.mine')}</Badge>;
  return (
    <Badge tone="slate">{t('canned.personalOf', { name: owner.data ? userLabel(owner.data) : '…' })}</Badge>
  );
}

/** Ready-made answers for technicians: the shared ones and their own; administrators manage all. */
export function CannedResponsesPage() {
  const { t, i18n } = useTranslation('ticket-admin');
  const { t: ts } = useTranslation('shell');
  const language = i18n.resolvedLanguage ?? 'fr';
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const refresh = useRefreshTicketConfig();
  const list = useListSearch({
    search,
    navigate: (update, replace) => void navigate({ search: update, replace }),
    filters: ['search', 'owner'],
  });
  const responses = usePageQuery<CannedResponse>(adminQueryKey('canned', 'list'), '/canned-responses', {
    ...list.params,
    search: search.search,
    owner: search.owner === 'mine' ? me.id : undefined,
    owner__isnull: search.owner === 'shared' ? true : undefined,
  });

  const [editing, setEditing] = useState<CannedResponse | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);

  async function copy(response: CannedResponse) {
    try {
      await navigator.clipboard.writeText(response.body);
      notify(t('canned.toast.copied', { name: response.title }), 'info');
    } catch {
      notify(t('canned.toast.copyFailed'), 'error');
    }
  }

  const menu = (response: CannedResponse) => {
    const editable = canChange(me, response);
    const items: ActionItem[] = [
      { id: 'copy', label: t('canned.actions.copy') },
      ...(editable
        ? [
            { id: 'edit', label: ts('actions.edit') },
            { id: 'delete', label: ts('actions.delete'), tone: 'danger' as const, separatorBefore: true },
          ]
        : []),
    ];
    return (
      <ActionMenu
        label={t('canned.actions.label', { name: response.title })}
        items={items}
        onAction={(id) => {
          if (id === 'copy') void copy(response);
          else if (id === 'edit') setEditing(response);
          else setDeleting(response);
        }}
      />
    );
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the language changes
  const columns = useMemo<ColumnDef<CannedResponse, unknown>[]>(
    () => [
      {
        id: 'title',
        header: t('canned.columns.title'),
        meta: { ordering: 'title' },
        cell: ({ row }) => (
          <div className="max-w-xl min-w-48">
            <p className="font-medium text-slate-900 dark:text-white">{row.original.title}</p>
            <p className="line-clamp-2 text-xs text-slate-500 dark:text-slate-400">
              {preview(row.original.body)}
            </p>
          </div>
        ),
      },
      {
        id: 'visibility',
        header: t('canned.columns.visibility'),
        cell: ({ row }) => <Visibility response={row.original} me={me} />,
      },
      {
        id: 'updated_at',
        header: t('canned.columns.updated'),
        meta: { ordering: 'updated_at' },
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-slate-600 dark:text-slate-400">
            {formatDate(row.original.updated_at, language)}
          </span>
        ),
      },
      actionsColumn(menu),
    ],
    [language, me.id],
  );

  const card = (response: CannedResponse) => (
    <div className="flex flex-col gap-2">
      <CardHeader
        title={response.title}
        subtitle={formatDate(response.updated_at, language)}
        menu={menu(response)}
      />
      <p className="line-clamp-3 text-sm text-slate-600 dark:text-slate-400">{preview(response.body)}</p>
      <div>
        <Visibility response={response} me={me} />
      </div>
    </div>
  );

  return (
    <ListPage
      text={(key) => t(`canned.${key}`)}
      list={list}
      query={responses}
      columns={columns}
      renderCard={card}
      onNew={() => setEditing('new')}
      filters={
        <SelectField
          label={t('canned.filters.owner')}
          value={search.owner ?? ''}
          onChange={(value) =>
            list.setFilters({ owner: (value || undefined) as 'shared' | 'mine' | undefined })
          }
          emptyLabel={t('canned.filters.all')}
          options={[
            { value: 'shared', label: t('canned.filters.shared') },
            { value: 'mine', label: t('canned.filters.mine') },
          ]}
        />
      }
      filterLayout={{ className: 'sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]' }}
    >
      <ItemDialog
        item={editing}
        onClose={() => setEditing(null)}
        size="lg"
        title={(response) =>
          response === 'new'
            ? t('canned.form.createTitle')
            : t('canned.form.editTitle', { name: response.title })
        }
      >
        {(response) => (
          <CannedResponseForm
            response={response === 'new' ? null : response}
            me={me}
            onDone={() => setEditing(null)}
          />
        )}
      </ItemDialog>
      <DeleteDialog
        item={deleting ? { ...deleting, name: deleting.title } : null}
        path={(response) => `/canned-responses/${response.id}`}
        text={(key, options) => t(`canned.${key}`, options)}
        onClose={() => setDeleting(null)}
        onDeleted={refresh}
      >
        {deleting?.owner === null ? t('canned.confirmDelete.shared') : t('canned.confirmDelete.personal')}
      </DeleteDialog>
    </ListPage>
  );
}
