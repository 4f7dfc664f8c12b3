import { zodResolver } from '@hookform/resolvers/zod';
import { type Group, type GroupCreate, GroupCreateSchema } from '@itsm/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormTextField } from '../../components/ui/form-text-field';
import { FormStructureSelect } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { saveObject } from '../../lib/save';
import { useRefresh } from '../../lib/use-refresh';

const shape = GroupCreateSchema.shape;

// Selects and optional texts hold strings in the form; the contract's rules check the rest.
const schema = z.object({
  name: shape.name,
  description: z.string().max(2000),
  email: z.union([z.literal(''), z.email().max(254)]),
  structure: z.string().min(1),
});
type FormValues = z.infer<typeof schema>;
const FIELDS = ['name', 'description', 'email', 'structure'] as const;

/** Create a group or edit one (name, structure, e-mail, description). */
export function GroupForm({
  group,
  structure,
  onDone,
}: {
  group: Group | null;
  structure?: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('groups');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefresh();
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: group?.name ?? '',
      description: group?.description ?? '',
      email: group?.email ?? '',
      structure: group ? String(group.structure) : structure ? String(structure) : '',
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const submit = onSubmit(async (v) => {
    const body: GroupCreate = {
      name: v.name,
      description: v.description.trim() || null,
      email: v.email || null,
      structure: Number(v.structure),
    };
    const saved = await saveObject<Group>('/groups', group, body);
    notify(t(group ? 'toast.updated' : 'toast.created', { name: saved.name }));
    await refresh('groups', 'lookup', 'count');
    onDone();
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () => t(`fieldErrors.${field}`));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <FormTextField
        control={control}
        name="name"
        label={t('fields.name')}
        error={message('name')}
        isRequired
        autoFocus
      />
      <FormStructureSelect
        control={control}
        name="structure"
        label={t('fields.structure')}
        emptyLabel={t('form.chooseStructure')}
        error={message('structure')}
      />
      <FormTextField
        control={control}
        name="email"
        label={t('fields.email')}
        type="email"
        description={t('form.emailHint')}
        error={message('email')}
      />
      <FormTextField
        control={control}
        name="description"
        label={t('fields.description')}
        multiline
        error={message('description')}
      />
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={group ? ts('actions.save') : ts('actions.create')}
        className="pt-2"
      />
    </form>
  );
}
