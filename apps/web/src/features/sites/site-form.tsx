import { zodResolver } from '@hookform/resolvers/zod';
import { type Site, type SiteCreate, SiteCreateSchema } from '@itsm/contracts';
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

const shape = SiteCreateSchema.shape;

// The structure select holds a string in the form; the contract's rules check the rest.
const schema = z.object({
  name: shape.name,
  address: z.string().trim().max(1000),
  structure: z.string().min(1),
});
type FormValues = z.input<typeof schema>;
const FIELDS = ['name', 'address', 'structure'] as const;

/** Create a site or edit one (name, structure, address). */
export function SiteForm({
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
  const refresh = useRefresh();
  const form = useForm<FormValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: site?.name ?? '',
      address: site?.address ?? '',
      structure: site ? String(site.structure) : structure ? String(structure) : '',
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const submit = onSubmit(async (v) => {
    const body: SiteCreate = { name: v.name, address: v.address || null, structure: Number(v.structure) };
    const saved = await saveObject<Site>('/sites', site, body);
    notify(t(site ? 'toast.updated' : 'toast.created', { name: saved.name }));
    await refresh('sites', 'lookup', 'count');
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
        description={t('form.nameHint')}
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
        name="address"
        label={t('fields.address')}
        multiline
        placeholder={t('form.addressPlaceholder')}
        error={message('address')}
        autoComplete="street-address"
      />
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onDone}
        isPending={formState.isSubmitting}
        submitLabel={site ? ts('actions.save') : ts('actions.create')}
        className="pt-2"
      />
    </form>
  );
}
