import { zodResolver } from '@hookform/resolvers/zod';
import { type Site, type SiteCreate, SiteCreateSchema } from '@itsm/contracts';
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

const shape = SiteCreateSchema.shape;

// The structure select holds a string in the form; the contract's rules check the rest.
const schema = z.object({
  name: shape.name,
  address: z.string().trim().max(1000),
  structure: z.string().min(1),
});
type FormValues = z.input<typeof schema>;
const FIELDS = { name: 'name', address: 'address', structure: 'structure' } as const;

type Props = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** The site to edit; null to create one. */
  site: Site | null;
  /** A structure to start with (the list's filter). */
  structure?: number;
};

export function SiteFormDialog({ isOpen, onOpenChange, site, structure }: Props) {
  const { t } = useTranslation('sites');
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={site ? t('form.editTitle', { name: site.name }) : t('form.createTitle')}
    >
      <SiteForm site={site} structure={structure} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

function SiteForm({
  site,
  structure,
  onDone,
}: {
  site: Site | null;
  structure?: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('sites');
  const { t: ts } = useTranslation('shell');
  const queryClient = useQueryClient();
  const structures = useStructures();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<
    FormValues,
    unknown,
    z.output<typeof schema>
  >({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: site?.name ?? '',
      address: site?.address ?? '',
      structure: site ? String(site.structure) : structure ? String(structure) : '',
    },
  });

  const formRef = useRef<HTMLFormElement>(null);
  const submit = handleSubmit(
    async (v) => {
      setFormError(null);
      const body: SiteCreate = { name: v.name, address: v.address || null, structure: Number(v.structure) };
      try {
        const saved = site
          ? await api<Site>('PATCH', `/sites/${site.id}`, body)
          : await api<Site>('POST', '/sites', body);
        notify(site ? t('toast.updated', { name: saved.name }) : t('toast.created', { name: saved.name }));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: ['sites'] }),
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
            description={t('form.nameHint')}
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
        name="address"
        render={({ field }) => (
          <TextField
            label={t('fields.address')}
            multiline
            placeholder={t('form.addressPlaceholder')}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            error={message('address')}
            autoComplete="street-address"
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
          {site ? ts('actions.save') : ts('actions.create')}
        </Button>
      </div>
    </form>
  );
}
