import { zodResolver } from '@hookform/resolvers/zod';
import {
  MACHINE_STATUSES,
  type MachineCreate,
  MachineCreateSchema,
  type MachineDetail,
  MachineStatusSchema,
  type MachineUpdate,
} from '@itsm/contracts';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { FormStructureSelect } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { UserPicker } from '../../components/ui/user-picker';
import { useSites } from '../../lib/lookups';
import { saveObject } from '../../lib/save';
import { useRefresh } from '../../lib/use-refresh';
import { machineKeys } from './machine-api';

const shape = MachineCreateSchema.shape;
const optionalText = z.string().trim().max(255);

// Selects hold strings in the form; the contract's rules check the texts. The identity (host name,
// serial, make, model) is typed once, when registering: afterwards it comes from the agent.
const schema = z.object({
  hostname: z.string(),
  serial: optionalText,
  manufacturer: optionalText,
  model: optionalText,
  status: MachineStatusSchema,
  structure: z.string().min(1),
  site: z.string(),
  main_user: z.number().nullable(),
  notes: z.string().max(10_000),
});
const createSchema = schema.extend({ hostname: shape.hostname });
type FormValues = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const FIELDS = [
  'hostname',
  'serial',
  'manufacturer',
  'model',
  'status',
  'structure',
  'site',
  'main_user',
  'notes',
] as const;

const orNull = (text: string) => text.trim() || null;

/**
 * Registers a machine by hand (`machine` null), or edits what people decide about one: its status,
 * structure, site, main user and notes. `onDone` gets the saved machine (undefined when cancelled).
 */
export function MachineForm({
  machine,
  structure,
  onDone,
}: {
  machine: MachineDetail | null;
  /** The structure chosen in the list's filters, as a default for a new machine. */
  structure?: number;
  onDone: (saved?: MachineDetail) => void;
}) {
  const { t } = useTranslation('machines');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefresh();
  const sites = useSites();
  const form = useForm<FormValues, unknown, Output>({
    resolver: zodResolver(machine ? schema : createSchema),
    mode: 'onTouched',
    defaultValues: {
      hostname: machine?.hostname ?? '',
      serial: machine?.serial ?? '',
      manufacturer: machine?.manufacturer ?? '',
      model: machine?.model ?? '',
      status: machine?.status ?? 'in_stock',
      structure: machine ? String(machine.structure) : structure ? String(structure) : '',
      site: machine?.site ? String(machine.site) : '',
      main_user: machine?.main_user ?? null,
      notes: machine?.notes ?? '',
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const submit = onSubmit(async (v) => {
    const placement = {
      status: v.status,
      structure: Number(v.structure),
      site: v.site ? Number(v.site) : null,
      main_user: v.main_user,
      notes: orNull(v.notes),
    };
    const body: MachineCreate | MachineUpdate = machine
      ? placement
      : {
          ...placement,
          hostname: v.hostname.trim(),
          serial: orNull(v.serial),
          manufacturer: orNull(v.manufacturer),
          model: orNull(v.model),
        };
    const saved = await saveObject<MachineDetail>('/machines', machine, body);
    notify(t(machine ? 'toast.updated' : 'toast.created', { name: saved.hostname }));
    await refresh(machineKeys.all);
    onDone(saved);
  });

  const message = (field: keyof FormValues) =>
    formFieldMessage(formState.errors[field], () => {
      if (field === 'hostname' || field === 'structure' || field === 'notes')
        return t(`fieldErrors.${field}`);
      return t('fieldErrors.text');
    });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4">
      {machine ? null : (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t('form.createHint')}</p>
          <FormTextField
            control={control}
            name="hostname"
            label={t('fields.hostname')}
            description={t('form.hostnameHint')}
            error={message('hostname')}
            isRequired
            autoFocus
            maxLength={255}
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <FormTextField
              control={control}
              name="serial"
              label={t('fields.serial')}
              error={message('serial')}
              maxLength={255}
            />
            <FormTextField
              control={control}
              name="manufacturer"
              label={t('fields.manufacturer')}
              error={message('manufacturer')}
              maxLength={255}
            />
            <FormTextField
              control={control}
              name="model"
              label={t('fields.model')}
              error={message('model')}
              maxLength={255}
            />
          </div>
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormSelectField
          control={control}
          name="status"
          label={t('fields.status')}
          options={MACHINE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          error={message('status')}
        />
        <FormStructureSelect
          control={control}
          name="structure"
          label={t('fields.structure')}
          emptyLabel={t('form.chooseStructure')}
          error={message('structure')}
        />
        <FormSelectField
          control={control}
          name="site"
          label={t('fields.site')}
          options={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          emptyLabel={t('form.noSite')}
          error={message('site')}
        />
        <Controller
          control={control}
          name="main_user"
          render={({ field }) => (
            <UserPicker
              label={t('fields.mainUser')}
              value={field.value}
              onChange={field.onChange}
              clearable
              placeholder={t('form.mainUserPlaceholder')}
              error={message('main_user')}
            />
          )}
        />
      </div>
      <FormTextField
        control={control}
        name="notes"
        label={t('fields.notes')}
        multiline
        placeholder={t('form.notesPlaceholder')}
        error={message('notes')}
        maxLength={10_000}
      />
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={() => onDone()}
        isPending={formState.isSubmitting}
        submitLabel={machine ? ts('actions.save') : t('form.register')}
        className="pt-2"
      />
    </form>
  );
}
