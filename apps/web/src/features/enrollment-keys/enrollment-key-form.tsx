import { zodResolver } from '@hookform/resolvers/zod';
import {
  type EnrollmentKey,
  type EnrollmentKeyCreate,
  type EnrollmentKeyCreated,
  EnrollmentKeyCreateSchema,
  type EnrollmentKeyUpdate,
} from '@itsm/contracts';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DateField } from '../../components/ui/date-field';
import { FormActions } from '../../components/ui/form-actions';
import { FormError } from '../../components/ui/form-error';
import { formFieldMessage } from '../../components/ui/form-errors';
import { FormSelectField } from '../../components/ui/form-select-field';
import { FormTextField } from '../../components/ui/form-text-field';
import { FormStructureSelect } from '../../components/ui/structure-select';
import { notify } from '../../components/ui/toast';
import { useFormSubmit } from '../../components/ui/use-form-submit';
import { api } from '../../lib/api';
import { useSites } from '../../lib/lookups';
import { useRefresh } from '../../lib/use-refresh';
import { expiryDay, expiryInstant, localDay } from './key-status';

const MAX_USES = 1_000_000;
const FIELDS = ['name', 'structure', 'site', 'expires_at', 'max_uses'] as const;

type FormValues = { name: string; structure: string; site: string; expires_at: string; max_uses: string };

/**
 * Creates an enrollment key (`key` null; `onCreated` then gets the key with its secret) or edits one:
 * its name, site, expiry and maximum uses. A key's structure never changes.
 */
export function EnrollmentKeyForm({
  enrollmentKey,
  structure,
  onCancel,
  onCreated,
  onSaved,
}: {
  enrollmentKey: EnrollmentKey | null;
  /** The structure chosen in the list's filters, as a default for a new key. */
  structure?: number;
  onCancel: () => void;
  onCreated: (created: EnrollmentKeyCreated) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('enrollment-keys');
  const { t: ts } = useTranslation('shell');
  const refresh = useRefresh();
  const sites = useSites();
  const initialDay = expiryDay(enrollmentKey?.expires_at ?? null);
  const tomorrow = localDay(1);
  const schema = useMemo(
    () =>
      z.object({
        name: EnrollmentKeyCreateSchema.shape.name,
        structure: z.string().min(1),
        site: z.string(),
        // A day already past may stay as it is (an expired key being renamed); a new one must come.
        expires_at: z.string().refine((day) => day === '' || day === initialDay || day >= tomorrow),
        max_uses: z
          .string()
          .trim()
          .refine(
            (text) => text === '' || (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_USES),
          ),
      }),
    [initialDay, tomorrow],
  );
  const form = useForm<FormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: {
      name: enrollmentKey?.name ?? '',
      structure: enrollmentKey ? String(enrollmentKey.structure) : structure ? String(structure) : '',
      site: enrollmentKey?.site ? String(enrollmentKey.site) : '',
      expires_at: initialDay,
      max_uses: enrollmentKey?.max_uses ? String(enrollmentKey.max_uses) : '',
    },
  });
  const { control, formState } = form;
  const { formRef, formError, onSubmit } = useFormSubmit(form, FIELDS);
  const submit = onSubmit(async (v) => {
    const common = {
      name: v.name.trim(),
      site: v.site ? Number(v.site) : null,
      max_uses: v.max_uses.trim() ? Number(v.max_uses) : null,
    };
    if (enrollmentKey) {
      const body: EnrollmentKeyUpdate = {
        ...common,
        // An untouched expiry is left as the server has it (to the second).
        ...(v.expires_at !== initialDay ? { expires_at: expiryInstant(v.expires_at) } : {}),
      };
      const saved = await api<EnrollmentKey>('PATCH', `/enrollment-keys/${enrollmentKey.id}`, body);
      notify(t('toast.updated', { name: saved.name }));
      await refresh('enrollment-keys');
      onSaved();
      return;
    }
    const body: EnrollmentKeyCreate = {
      ...common,
      structure: Number(v.structure),
      expires_at: expiryInstant(v.expires_at),
    };
    const created = await api<EnrollmentKeyCreated>('POST', '/enrollment-keys', body);
    await refresh('enrollment-keys');
    onCreated(created);
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
        maxLength={150}
      />
      {enrollmentKey ? (
        <div className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">{t('fields.structure')}</span>
          <span className="text-slate-900 dark:text-slate-100">{enrollmentKey.structure_name}</span>
          <span className="text-xs text-slate-500 dark:text-slate-400">{t('form.structureFixed')}</span>
        </div>
      ) : (
        <div className="flex flex-col gap-1.5">
          <FormStructureSelect
            control={control}
            name="structure"
            label={t('fields.structure')}
            emptyLabel={t('form.chooseStructure')}
            error={message('structure')}
          />
          {message('structure') ? null : (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t('form.structureHint')}</p>
          )}
        </div>
      )}
      <FormSelectField
        control={control}
        name="site"
        label={t('fields.site')}
        options={(sites.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
        emptyLabel={t('form.noSite')}
        error={message('site')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Controller
            control={control}
            name="expires_at"
            render={({ field }) => (
              <DateField
                label={t('fields.expiresOn')}
                value={field.value}
                onChange={field.onChange}
                min={initialDay && initialDay < tomorrow ? initialDay : tomorrow}
                error={message('expires_at')}
              />
            )}
          />
          {message('expires_at') ? null : (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t('form.expiresHint')}</p>
          )}
        </div>
        <FormTextField
          control={control}
          name="max_uses"
          label={t('fields.maxUses')}
          description={t('form.maxUsesHint')}
          error={message('max_uses')}
          inputMode="numeric"
          maxLength={7}
        />
      </div>
      <FormError>{formError}</FormError>
      <FormActions
        onCancel={onCancel}
        isPending={formState.isSubmitting}
        submitLabel={enrollmentKey ? ts('actions.save') : t('form.create')}
        className="pt-2"
      />
    </form>
  );
}
