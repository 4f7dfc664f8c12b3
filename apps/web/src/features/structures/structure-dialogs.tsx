import { zodResolver } from '@hookform/resolvers/zod';
import { type Structure, StructureCreateSchema, type StructureNode } from '@itsm/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { ErrorState, errorMessage, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { i18n } from '../../i18n';
import { ApiError, api } from '../../lib/api';
import { flatten, parseUsage, subtreeIds } from './structure-tree';

/** Everything that shows structures: the tree, the lookups of other pages, the dashboard counts. */
export function useRefreshStructures() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['structures'] }),
      queryClient.invalidateQueries({ queryKey: ['lookup', 'structures'] }),
      queryClient.invalidateQueries({ queryKey: ['count'] }),
    ]);
}

/** The server's message for a field, translated when its reason is known. */
function serverFieldMessage(error: ApiError, field: string): string | undefined {
  const item = error.errors.find((e) => e.field === field);
  if (!item) return undefined;
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (item.code === 'conflict') return errorMessage(error);
  if (field === 'parent' && item.code === 'cycle') return t('structures:errors.cycle');
  if (field === 'parent' && item.message === 'No such structure') return t('structures:errors.noParent');
  return item.message;
}

function FormError({ children }: { children: ReactNode }) {
  return (
    <p
      role="alert"
      className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
    >
      {children}
    </p>
  );
}

function Actions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const { t } = useTranslation('shell');
  return (
    <div className="mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <Button variant="secondary" onPress={onCancel} className="w-full sm:w-auto">
        {t('actions.cancel')}
      </Button>
      {children}
    </div>
  );
}

const shape = StructureCreateSchema.shape;
const formSchema = z.object({
  name: shape.name,
  code: shape.code,
  description: z.string().max(2000),
});
type FormValues = z.infer<typeof formSchema>;

// Which rule a value broke → the translated message.
function ruleMessage(field: keyof FormValues, type: string | undefined): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string) => string;
  if (field === 'code' && type === 'invalid_format') return t('structures:form.codeInvalid');
  if (type === 'too_small') return t('structures:form.required');
  if (type === 'too_big') return t('structures:form.tooLong');
  return t('structures:form.invalid');
}

export type FormTarget =
  | { mode: 'create'; parent: StructureNode | null }
  | { mode: 'edit'; node: StructureNode };

/** Create a structure (at the root or under a parent) or edit one's name, code and description. */
export function StructureFormDialog({
  target,
  onClose,
  onSaved,
}: {
  target: FormTarget | null;
  onClose: () => void;
  onSaved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  const title = !target
    ? ''
    : target.mode === 'edit'
      ? t('form.editTitle', { name: target.node.name })
      : target.parent
        ? t('form.createChildTitle', { parent: target.parent.name })
        : t('form.createRootTitle');
  return (
    <Dialog isOpen={target !== null} onOpenChange={(open) => !open && onClose()} title={title}>
      {target?.mode === 'edit' ? (
        <EditLoader node={target.node} onClose={onClose} onSaved={onSaved} />
      ) : target ? (
        <StructureForm parent={target.parent} structure={null} onClose={onClose} onSaved={onSaved} />
      ) : null}
    </Dialog>
  );
}

/** The tree does not carry descriptions: the structure is read in full before editing. */
function EditLoader({
  node,
  onClose,
  onSaved,
}: {
  node: StructureNode;
  onClose: () => void;
  onSaved: (structure: Structure) => void;
}) {
  const structure = useQuery({
    queryKey: ['structures', 'detail', node.id],
    queryFn: () => api<Structure>('GET', `/structures/${node.id}`),
    staleTime: 0,
  });
  if (structure.error) return <ErrorState error={structure.error} onRetry={() => void structure.refetch()} />;
  if (!structure.data) return <Spinner />;
  return <StructureForm parent={null} structure={structure.data} onClose={onClose} onSaved={onSaved} />;
}

function StructureForm({
  parent,
  structure,
  onClose,
  onSaved,
}: {
  parent: StructureNode | null;
  structure: Structure | null;
  onClose: () => void;
  onSaved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshStructures();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      name: structure?.name ?? '',
      code: structure?.code ?? '',
      description: structure?.description ?? '',
    },
    mode: 'onTouched',
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const body = {
      name: values.name,
      code: values.code,
      description: values.description.trim() === '' ? null : values.description,
    };
    try {
      const saved = structure
        ? await api<Structure>('PATCH', `/structures/${structure.id}`, body)
        : await api<Structure>('POST', '/structures', { ...body, parent: parent?.id ?? null });
      await refresh();
      notify(structure ? t('toast.updated', { name: saved.name }) : t('toast.created', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      let placed = false;
      if (error instanceof ApiError) {
        for (const field of ['name', 'code', 'description'] as const) {
          const message = serverFieldMessage(error, field);
          if (message) {
            setError(field, { type: 'server', message }, { shouldFocus: !placed });
            placed = true;
          }
        }
      }
      if (!placed) setFormError(errorMessage(error));
    }
  });

  const message = (field: keyof FormValues) => {
    const e = formState.errors[field];
    if (!e) return undefined;
    return e.type === 'server' ? e.message : ruleMessage(field, e.type);
  };

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      {formError ? <FormError>{formError}</FormError> : null}
      {parent ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('form.parentIs')}{' '}
          <span className="font-medium text-slate-900 dark:text-slate-100">{parent.name}</span>{' '}
          <CodeBadge code={parent.code} />
        </p>
      ) : null}
      <Controller
        control={control}
        name="name"
        render={({ field }) => (
          <TextField
            label={t('form.name')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('name')}
            isRequired
            autoFocus
            maxLength={150}
          />
        )}
      />
      <Controller
        control={control}
        name="code"
        render={({ field }) => (
          <TextField
            label={t('form.code')}
            description={t('form.codeHint')}
            value={field.value}
            onChange={(value) => field.onChange(value.toUpperCase())}
            onBlur={field.onBlur}
            name={field.name}
            error={message('code')}
            isRequired
            maxLength={50}
            autoComplete="off"
            spellCheck="false"
            className="[&_input]:font-mono [&_input]:uppercase"
          />
        )}
      />
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <TextField
            label={t('form.description')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('description')}
            multiline
            maxLength={2000}
          />
        )}
      />
      <Actions onCancel={onClose}>
        <Button type="submit" isPending={formState.isSubmitting} className="w-full sm:w-auto">
          {structure ? ts('actions.save') : ts('actions.create')}
        </Button>
      </Actions>
    </form>
  );
}

export function CodeBadge({ code }: { code: string }) {
  return (
    <span className="inline-flex shrink-0 items-center rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold tracking-wide text-slate-600 ring-1 ring-slate-200 ring-inset dark:bg-slate-800 dark:text-slate-300 dark:ring-slate-700">
      {code}
    </span>
  );
}

const ROOT = 'root';

/** Move a structure under another one (never under itself or its own sub-structures) or to the root. */
export function MoveDialog({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: StructureNode | null;
  tree: StructureNode[];
  onClose: () => void;
  onMoved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  return (
    <Dialog
      isOpen={node !== null}
      onOpenChange={(open) => !open && onClose()}
      title={node ? t('move.title', { name: node.name }) : ''}
    >
      {node ? <MoveForm node={node} tree={tree} onClose={onClose} onMoved={onMoved} /> : null}
    </Dialog>
  );
}

function MoveForm({
  node,
  tree,
  onClose,
  onMoved,
}: {
  node: StructureNode;
  tree: StructureNode[];
  onClose: () => void;
  onMoved: (structure: Structure) => void;
}) {
  const { t } = useTranslation('structures');
  const refresh = useRefreshStructures();
  const [parent, setParent] = useState(node.parent === null ? ROOT : String(node.parent));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const options = useMemo(() => {
    const excluded = subtreeIds(node);
    return [
      { value: ROOT, label: t('move.root') },
      ...flatten(tree)
        .filter(({ node: n }) => !excluded.has(n.id))
        .map(({ node: n, depth }) => ({
          value: String(n.id),
          // Indented so that the select reads as the tree (non-breaking spaces survive in <option>).
          label: `${'\u00a0\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${n.name} (${n.code})`,
        })),
    ];
  }, [node, tree, t]);

  const unchanged = parent === (node.parent === null ? ROOT : String(node.parent));

  async function submit() {
    setPending(true);
    setFieldError(undefined);
    setFormError(null);
    try {
      const saved = await api<Structure>('PATCH', `/structures/${node.id}`, {
        parent: parent === ROOT ? null : Number(parent),
      });
      await refresh();
      notify(t('toast.moved', { name: node.name }));
      onMoved(saved);
    } catch (error) {
      const message = error instanceof ApiError ? serverFieldMessage(error, 'parent') : undefined;
      if (message) setFieldError(message);
      else setFormError(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {formError ? <FormError>{formError}</FormError> : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('move.intro')}</p>
      <SelectField
        label={t('move.newParent')}
        value={parent}
        onChange={(value) => {
          setParent(value);
          setFieldError(undefined);
        }}
        options={options}
        error={fieldError}
        name="parent"
      />
      <Actions onCancel={onClose}>
        <Button type="submit" isPending={pending} isDisabled={unchanged} className="w-full sm:w-auto">
          {t('move.submit')}
        </Button>
      </Actions>
    </form>
  );
}

/** Delete a structure; the server refuses while users, sites, groups or sub-structures still use it. */
export function DeleteDialog({
  node,
  onClose,
  onDeleted,
}: {
  node: StructureNode | null;
  onClose: () => void;
  onDeleted: (node: StructureNode) => void;
}) {
  const { t } = useTranslation('structures');
  return (
    <Dialog
      isOpen={node !== null}
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title={node ? t('delete.title', { name: node.name }) : ''}
    >
      {node ? <DeleteForm node={node} onClose={onClose} onDeleted={onDeleted} /> : null}
    </Dialog>
  );
}

function inUseMessage(error: ApiError): string {
  const t = i18n.t.bind(i18n) as unknown as (key: string, options?: Record<string, unknown>) => string;
  const usage = parseUsage(error.message);
  if (usage.length === 0) return error.message || errorMessage(error);
  const parts = usage.map((u) => t(`structures:delete.usage.${u.what}`, { count: u.count }));
  return t('structures:delete.inUse', { list: new Intl.ListFormat(i18n.resolvedLanguage).format(parts) });
}

function DeleteForm({
  node,
  onClose,
  onDeleted,
}: {
  node: StructureNode;
  onClose: () => void;
  onDeleted: (node: StructureNode) => void;
}) {
  const { t } = useTranslation('structures');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefreshStructures();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit() {
    setPending(true);
    setError(null);
    try {
      await api('DELETE', `/structures/${node.id}`);
      await refresh();
      notify(t('toast.deleted', { name: node.name }));
      onDeleted(node);
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'IN_USE' ? inUseMessage(e) : errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t('delete.text')}</p>
      {node.children.length > 0 && !error ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          {t('delete.hasChildren', { count: node.children.length })}
        </p>
      ) : null}
      {error ? <FormError>{error}</FormError> : null}
      <Actions onCancel={onClose}>
        <Button
          variant="danger"
          isPending={pending}
          onPress={() => void submit()}
          className="w-full sm:w-auto"
        >
          {ts('actions.delete')}
        </Button>
      </Actions>
    </div>
  );
}
