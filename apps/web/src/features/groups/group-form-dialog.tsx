import { zodResolver } from '@hookform/resolvers/zod';
import { type Group, type GroupCreate, GroupCreateSchema } from '@itsm/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { TextField } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { notify } from '../../components/ui/toast';
import { api } from '../../lib/api';
import { applyServerErrors, focusFirstError, formFieldMessage } from '../users/form-errors';
import { structureOptions, useStructures } from '../users/lookups';

const shape = GroupCreateSchema.shape;

// Selects and optional texts hold strings in the form; the contract's rules check the rest.
const schema = z.object({
  name: shape.name,
  description: z.string().max(2000),
  email: z.union([z.literal(''), z.email().max(254)]),
  structure: z.string().min(1),
});
type FormValues = z.infer<typeof schema>;
const FIELDS = { name: 'name', description: 'description', email: 'email', structure: 'structure' } as const;

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The group to edit; null to create one. */
  group: Group | null;
  /** A structure to start with (the list's filter). */
  structure?: number;
};

export function GroupFormDialog({ isOpen, onOpenChange, group, structure }: Props) {
  const { t } = useTranslation('groups');
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={group ? t('form.editTitle', { name: group.name }) : t('form.createTitle')}
    >
      <GroupForm group={group} structure={structure} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function GroupForm({
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
  const queryClient = useQueryClient();
  const structures = useStructures();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: group?.name ?? '',
      description: group?.description ?? '',
      email: group?.email ?? '',
      structure: group ? String(group.structure) : structure ? String(structure) : '',
    },
  });

  const formRef = useRef<HTMLFormElement>(null);
  const submit = handleSubmit(
    async (v) => {
      setFormError(null);
      const body: GroupCreate = {
        name: v.name,
        description: v.description.trim() || null,
        email: v.email || null,
        structure: Number(v.structure),
      };
      try {
        const saved = group
          ? await api<Group>('PATCH', `/groups/${group.id}`, body)
          : await api<Group>('POST', '/groups', body);
        notify(group ? t('toast.updated', { name: saved.name }) : t('toast.created', { name: saved.name }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['groups'] }),
          queryClient.invalidateQueries({ queryKey: ['lookup'] }),
          queryClient.invalidateQueries({ queryKey: ['count'] }),
        ]);
        onDone();
      } catch (e) {
        setFormError(applyServerErrors(e, setError, FIELDS));
        focusFirstError(formRef.current);
      }
    },
    () => focusFirstError(formRef.current),
  );

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () => t(`fieldErrors.${field}`));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Controller
        control={control}
        name="name"
        render={({ field }) => (
          <TextField
            label={t('fields.name')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('name')}
            isRequired
            autoFocus
          />
        )}
      />
      <Controller
        control={control}
        name="structure"
        render={({ field }) => (
          <SelectField
            label={t('fields.structure')}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            options={structureOptions(structures.data)}
            emptyLabel={structures.isLoading ? ts('states.loading') : t('form.chooseStructure')}
            error={message('structure')}
          />
        )}
      />
      <Controller
        control={control}
        name="email"
        render={({ field }) => (
          <TextField
            label={t('fields.email')}
            type="email"
            description={t('form.emailHint')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('email')}
          />
        )}
      />
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <TextField
            label={t('fields.description')}
            multiline
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('description')}
          />
        )}
      />
      {formError ? (
        <p
          role="alert"
          className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-700 dark:bg-rose-950/50 dark:text-rose-300"
        >
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onPress={onDone}>
          {ts('actions.cancel')}
        </Button>
        <Button type="submit" isPending={formState.isSubmitting}>
          {group ? ts('actions.save') : ts('actions.create')}
        </Button>
      </div>
    </form>
  );
}
