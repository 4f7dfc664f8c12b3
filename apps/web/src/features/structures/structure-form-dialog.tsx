import { zodResolver } from '@hookform/resolvers/zod';
import { type Structure, StructureCreateSchema, type StructureNode } from '@itsm/contracts';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormTextField } from '../../components/ui/form-text-field';
import { ItemDialog } from '../../components/ui/item-dialog';
import { ErrorState, Spinner } from '../../components/ui/states';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { i18n } from '../../i18n';
import { api } from '../../lib/api';
import { saveObject } from '../../lib/save';
import { CodeBadge } from './code-badge';
import { structureFieldMessages, useRefreshStructures } from './structure-changes';

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
  return (
    <ItemDialog
      item={target}
      onClose={onClose}
      title={(it) =>
        it.mode === 'edit'
          ? t('form.editTitle', { name: it.node.name })
          : it.parent
            ? t('form.createChildTitle', { parent: it.parent.name })
            : t('form.createRootTitle')
      }
    >
      {(it) =>
        it.mode === 'edit' ? (
          <EditLoader node={it.node} onClose={onClose} onSaved={onSaved} />
        ) : (
          <StructureForm parent={it.parent} structure={null} onClose={onClose} onSaved={onSaved} />
        )
      }
    </ItemDialog>
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
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      name: structure?.name ?? '',
      code: structure?.code ?? '',
      description: structure?.description ?? '',
    },
    mode: 'onTouched',
  });
  const { control, formState } = form;
  const { formError, onSubmit } = useFormSubmit(form, ['name', 'code', 'description'], {
    messages: structureFieldMessages,
  });
  const submit = onSubmit(async (values) => {
    const body = {
      name: values.name,
      code: values.code,
      description: values.description.trim() === '' ? null : values.description,
    };
    const saved = await saveObject<Structure>(
      '/structures',
      structure,
      structure ? body : { ...body, parent: parent?.id ?? null },
    );
    await refresh();
    notify(t(structure ? 'toast.updated' : 'toast.created', { name: saved.name }));
    onSaved(saved);
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], (error) => ruleMessage(field, error.type));

  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <FormError>{formError}</FormError>
      {parent ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('form.parentIs')}{' '}
          <span className="font-medium text-slate-900 dark:text-slate-100">{parent.name}</span>{' '}
          <CodeBadge code={parent.code} />
        </p>
      ) : null}
      <FormTextField
        control={control}
        name="name"
        label={t('form.name')}
        error={message('name')}
        isRequired
        autoFocus
        maxLength={150}
      />
      <FormTextField
        control={control}
        name="code"
        label={t('form.code')}
        description={t('form.codeHint')}
        normalize={(value) => value.toUpperCase()}
        error={message('code')}
        isRequired
        maxLength={50}
        autoComplete="off"
        spellCheck="false"
        className="[&_input]:font-mono [&_input]:uppercase"
      />
      <FormTextField
        control={control}
        name="description"
        label={t('form.description')}
        error={message('description')}
        multiline
        maxLength={2000}
      />
      <FormActions
        onCancel={onClose}
        isPending={formState.isSubmitting}
        submitLabel={structure ? ts('actions.save') : ts('actions.create')}
        className="mt-2"
      />
    </form>
  );
}
